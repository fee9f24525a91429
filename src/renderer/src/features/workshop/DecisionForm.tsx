import { useState, type FormEvent } from 'react';
import type { Decision } from '@shared/contract/workshop';
import type { CellValue } from '@shared/domain';
import type { WorkshopStep } from '@shared/workshop';
import { RESPONSIBILITY_LABELS } from '../../lib/labels';
import { useActivePeopleAndTeams, useParties } from '../parties/queries';
import { useWorkshopMutations } from './useWorkshopMutations';

type Kind = Decision['kind'];

const KINDS: { kind: Kind; label: string }[] = [
  { kind: 'keep', label: 'Keep as it is' },
  { kind: 'raci', label: 'Change the RACI' },
  { kind: 'override', label: 'Override the responsibility' },
  { kind: 'defer', label: 'Defer with an action' }
];

const selected = (select: HTMLSelectElement): number[] => Array.from(select.selectedOptions, (o) => Number(o.value)).filter((n) => n > 0);

/** What the room decides on this step; recorded and applied to every asset of the group at once. */
export function DecisionForm({ step, onDecided }: { step: WorkshopStep; onDecided: () => void }) {
  const parties = (useParties().data ?? []).filter((p) => p.active);
  const owners = useActivePeopleAndTeams();
  const { decide } = useWorkshopMutations();
  const [kind, setKind] = useState<Kind>('keep');
  const [accountable, setAccountable] = useState<number[]>([]);
  const [responsible, setResponsible] = useState<number[]>([]);
  const [responsibility, setResponsibility] = useState<CellValue>('customer');
  const [reason, setReason] = useState('');
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState(0);
  const [dueOn, setDueOn] = useState('');
  const why = reason.trim() === '' ? {} : { reason: reason.trim() };

  const decision = (): Decision => {
    if (kind === 'raci') return { kind, roles: { ...(accountable.length > 0 ? { A: accountable } : {}), ...(responsible.length > 0 ? { R: responsible } : {}) }, ...why };
    if (kind === 'override') return { kind, responsibility, justification: reason.trim() };
    if (kind === 'defer') return { kind, title: title.trim(), ownerPartyId: owner, dueOn, ...why };
    return { kind, ...why };
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    decide.mutate({ id: step.workshopId, group: step.position.group, layerId: step.layer.id, decision: decision() }, { onSuccess: onDecided });
  };

  const partyOptions = parties.map((p) => (
    <option key={p.id} value={p.id}>
      {p.name}
    </option>
  ));

  return (
    <form className="workshop-decision card" onSubmit={submit} aria-labelledby="workshop-decision-heading">
      <h4 id="workshop-decision-heading">The room decides</h4>
      <fieldset className="choices">
        <legend>Decision</legend>
        {KINDS.map((k) => (
          <label key={k.kind} className="choice">
            <input type="radio" name="decision-kind" value={k.kind} checked={kind === k.kind} onChange={() => setKind(k.kind)} />
            {k.label}
          </label>
        ))}
      </fieldset>
      {kind === 'raci' && (
        <div className="workshop-decision__row">
          <label className="field">
            <span>Accountable (A)</span>
            <select value={accountable[0] ?? ''} onChange={(event) => setAccountable(event.target.value ? [Number(event.target.value)] : [])}>
              <option value="">Keep the current A</option>
              {partyOptions}
            </select>
          </label>
          <label className="field">
            <span>Responsible (R) — type to find, Ctrl-click for several</span>
            <select multiple size={Math.min(6, Math.max(3, parties.length))} value={responsible.map(String)} onChange={(event) => setResponsible(selected(event.target))}>
              {partyOptions}
            </select>
          </label>
        </div>
      )}
      {kind === 'override' && (
        <label className="field">
          <span>Responsibility</span>
          <select value={responsibility} onChange={(event) => setResponsibility(event.target.value as CellValue)}>
            {(['customer', 'shared', 'provider'] as const).map((r) => (
              <option key={r} value={r}>
                {RESPONSIBILITY_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
      )}
      {kind === 'defer' && (
        <div className="workshop-decision__row">
          <label className="field">
            <span>Action</span>
            <input value={title} onChange={(event) => setTitle(event.target.value)} placeholder="What is to be found out or done" required />
          </label>
          <label className="field">
            <span>Owner</span>
            <select value={owner} onChange={(event) => setOwner(Number(event.target.value))} required>
              <option value={0}>Choose…</option>
              {owners.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Due</span>
            <input type="date" value={dueOn} onChange={(event) => setDueOn(event.target.value)} required />
          </label>
        </div>
      )}
      <label className="field">
        <span>{kind === 'override' ? 'Justification (required)' : 'Reason (optional)'}</span>
        <textarea value={reason} onChange={(event) => setReason(event.target.value)} rows={2} required={kind === 'override'} />
      </label>
      {decide.error && (
        <p role="alert" className="inline-error">
          {decide.error.message}
        </p>
      )}
      <div className="toolbar">
        <button type="submit" className="primary" disabled={decide.isPending || (kind === 'raci' && accountable.length + responsible.length === 0)}>
          Record decision
        </button>
        <span className="muted small">Applied to the {step.group.assets} assets of the group; Ctrl+Z undoes it.</span>
      </div>
    </form>
  );
}
