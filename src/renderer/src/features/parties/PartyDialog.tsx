import { useState, type FormEvent } from 'react';
import { PARTY_KINDS, type Party, type PartyKind } from '@shared/domain';
import { Dialog } from '../../components/Dialog';
import { PARTY_KIND_LABELS } from '../../lib/labels';
import { usePartyMutations } from './useParties';

/** Adds a party, or edits one's name, kind, e-mail and notes. */
export function PartyDialog({ party, onClose }: { party: Party | null; onClose: () => void }) {
  // Its own mutations: a finished hand-over must not carry over to the next dialog.
  const mutations = usePartyMutations();
  const [name, setName] = useState(party?.name ?? '');
  const [kind, setKind] = useState<PartyKind>(party?.kind ?? 'person');
  const [email, setEmail] = useState(party?.email ?? '');
  const [notes, setNotes] = useState(party?.notes ?? '');
  const mutation = party ? mutations.update : mutations.add;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields = { name: name.trim(), kind, email: email.trim() || null, notes: notes.trim() || null };
    if (party) mutations.update.mutate({ id: party.id, ...fields }, { onSuccess: onClose });
    else mutations.add.mutate(fields, { onSuccess: onClose });
  };

  return (
    <Dialog
      title={party ? `Edit ${party.name}` : 'Add a party'}
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="party-form" className="primary" disabled={mutation.isPending || !name.trim()}>
            {party ? 'Save' : 'Add party'}
          </button>
        </>
      }
    >
      <form id="party-form" className="dialog__form" onSubmit={submit}>
        <label className="field">
          <span>Name</span>
          <input value={name} onChange={(event) => setName(event.target.value)} required />
        </label>
        <label className="field">
          <span>Kind</span>
          <select value={kind} onChange={(event) => setKind(event.target.value as PartyKind)}>
            {PARTY_KINDS.map((candidate) => (
              <option key={candidate} value={candidate}>
                {PARTY_KIND_LABELS[candidate]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>E-mail (optional)</span>
          <input type="email" value={email} onChange={(event) => setEmail(event.target.value)} />
        </label>
        <label className="field">
          <span>Notes (optional)</span>
          <textarea value={notes} onChange={(event) => setNotes(event.target.value)} rows={2} />
        </label>
        {mutation.error && (
          <p role="alert" className="inline-error">
            {mutation.error.message}
          </p>
        )}
      </form>
    </Dialog>
  );
}
