import { useState } from 'react';
import type { PartyKind } from '@shared/domain';
import { call } from '../../lib/api';
import { PARTY_KIND_LABELS } from '../../lib/labels';
import { useParties } from '../parties/queries';

/** Who is in the room: active parties, and new people or teams added on the spot. */
export function AttendeePicker({ chosen, onChange }: { chosen: number[]; onChange: (next: number[]) => void }) {
  const parties = (useParties().data ?? []).filter((p) => p.active);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<PartyKind>('person');
  const [error, setError] = useState<string | null>(null);
  const toggle = (id: number) => onChange(chosen.includes(id) ? chosen.filter((x) => x !== id) : [...chosen, id]);

  const add = async () => {
    setError(null);
    try {
      const party = await call('parties.add', { name: name.trim(), kind });
      onChange([...chosen, party.id]);
      setName('');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  return (
    <fieldset className="choices choices--parties workshop-attendees">
      <legend>Attendees ({chosen.length})</legend>
      {parties.map((party) => (
        <label key={party.id} className="choice">
          <input type="checkbox" checked={chosen.includes(party.id)} onChange={() => toggle(party.id)} />
          {party.name}
          <span className="muted small">{PARTY_KIND_LABELS[party.kind]}</span>
        </label>
      ))}
      <div className="workshop-attendees__add">
        <label className="field field--inline">
          <span>New attendee</span>
          <input value={name} onChange={(event) => setName(event.target.value)} placeholder="Name" />
        </label>
        <label className="field field--inline">
          <span>Kind</span>
          <select value={kind} onChange={(event) => setKind(event.target.value as PartyKind)}>
            <option value="person">{PARTY_KIND_LABELS.person}</option>
            <option value="team">{PARTY_KIND_LABELS.team}</option>
            <option value="third_party">{PARTY_KIND_LABELS.third_party}</option>
          </select>
        </label>
        <button type="button" onClick={() => void add()} disabled={name.trim() === ''}>
          Add attendee
        </button>
      </div>
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
