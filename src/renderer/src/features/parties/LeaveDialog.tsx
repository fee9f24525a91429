import { useState, type FormEvent } from 'react';
import type { Party } from '@shared/domain';
import { Dialog } from '../../components/Dialog';
import { todayIso } from '../../lib/labels';
import { HoldingsList } from './HoldingsList';
import { useActivePeopleAndTeams, usePartyHoldings } from './queries';
import { usePartyMutations } from './useParties';

/**
 * Marks a party as having left (on a date) and shows what it still holds, then hands all of it
 * to another active party in one step. Opened on a party that already left, it starts at the
 * hand-over.
 */
export function LeaveDialog({ party, onClose }: { party: Party; onClose: () => void }) {
  // Its own mutations: a finished hand-over must not carry over to the next dialog.
  const mutations = usePartyMutations();
  const [leftAt, setLeftAt] = useState(todayIso());
  const [toId, setToId] = useState('');
  const { leave, reassign } = mutations;
  const left = !party.active || leave.isSuccess;
  const holdings = usePartyHoldings(party.id, !party.active);
  const held = leave.data ?? holdings.data;
  const candidates = useActivePeopleAndTeams().filter((candidate) => candidate.id !== party.id);

  const submitLeave = (event: FormEvent) => {
    event.preventDefault();
    leave.mutate({ id: party.id, leftAt });
  };

  return (
    <Dialog
      title={left ? `Hand over what ${party.name} holds` : `Mark ${party.name} as left`}
      onClose={onClose}
      wide
      actions={
        <>
          <button type="button" onClick={onClose}>
            {left ? 'Close' : 'Cancel'}
          </button>
          {!left && (
            <button type="submit" form="leave-form" className="primary" disabled={leave.isPending || !leftAt}>
              Mark as left
            </button>
          )}
        </>
      }
    >
      {!left && (
        <form id="leave-form" className="dialog__form" onSubmit={submitLeave}>
          <label className="field">
            <span>Left on</span>
            <input type="date" value={leftAt} onChange={(event) => setLeftAt(event.target.value)} required />
          </label>
          <p className="muted">Their roles stay in place until handed over; each becomes an “inactive party” finding.</p>
        </form>
      )}
      {leave.error && (
        <p role="alert" className="inline-error">
          {leave.error.message}
        </p>
      )}
      {left && held && <HoldingsList holdings={held} />}
      {left && held && (held.ownerOf.length > 0 || held.assignments.length > 0) && !reassign.isSuccess && (
        <div className="reassign">
          <label className="field field--inline">
            <span>Reassign everything to</span>
            <select value={toId} onChange={(event) => setToId(event.target.value)}>
              <option value="">Choose…</option>
              {candidates.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="primary" disabled={!toId || reassign.isPending} onClick={() => reassign.mutate({ fromId: party.id, toId: Number(toId) })}>
            Reassign
          </button>
        </div>
      )}
      {reassign.data && <p role="status">{reassign.data.summary}</p>}
      {reassign.error && (
        <p role="alert" className="inline-error">
          {reassign.error.message}
        </p>
      )}
    </Dialog>
  );
}
