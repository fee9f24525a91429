import { useState } from 'react';
import type { PartyListEntry } from '@shared/contract/engine';
import { QueryError } from '../../components/QueryError';
import { PARTY_KIND_LABELS, shortDate } from '../../lib/labels';
import type { SectionProps } from '../../lib/navigation';
import { LeaveDialog } from './LeaveDialog';
import { PartyDialog } from './PartyDialog';
import { useParties } from './queries';
import { usePartyMutations } from './useParties';

type Editing = { kind: 'add' } | { kind: 'edit' | 'leave'; party: PartyListEntry };

/** People, teams, providers and third parties, with what each holds; leaving and handing over. */
export function PartiesView(_props: SectionProps) {
  const parties = useParties();
  const { reactivate } = usePartyMutations();
  const [editing, setEditing] = useState<Editing | null>(null);

  return (
    <div className="parties">
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => setEditing({ kind: 'add' })}>
          Add party…
        </button>
      </div>
      <QueryError error={parties.error ?? reactivate.error} />
      <table className="table parties__table">
        <caption className="visually-hidden">Parties</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">E-mail</th>
            <th scope="col">Status</th>
            <th scope="col">Owns</th>
            <th scope="col">R</th>
            <th scope="col">A</th>
            <th scope="col">C</th>
            <th scope="col">I</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(parties.data ?? []).map((party) => {
            const holds = party.ownerOf + party.roles.R + party.roles.A + party.roles.C + party.roles.I;
            return (
              <tr key={party.id} className={party.active ? undefined : 'is-inactive'}>
                <th scope="row">{party.name}</th>
                <td>{PARTY_KIND_LABELS[party.kind]}</td>
                <td>{party.email ?? ''}</td>
                <td>{party.active ? 'Active' : <span className="status-left">Left {shortDate(party.leftAt)}</span>}</td>
                <td>{party.ownerOf}</td>
                <td>{party.roles.R}</td>
                <td>{party.roles.A}</td>
                <td>{party.roles.C}</td>
                <td>{party.roles.I}</td>
                <td className="row-actions">
                  <button type="button" className="small-button" onClick={() => setEditing({ kind: 'edit', party })} aria-label={`Edit ${party.name}`}>
                    Edit…
                  </button>
                  {party.active ? (
                    <button type="button" className="small-button" onClick={() => setEditing({ kind: 'leave', party })} aria-label={`Mark ${party.name} as left`}>
                      Mark as left…
                    </button>
                  ) : (
                    <>
                      {holds > 0 && (
                        <button type="button" className="small-button" onClick={() => setEditing({ kind: 'leave', party })} aria-label={`Reassign what ${party.name} holds`}>
                          Reassign…
                        </button>
                      )}
                      <button type="button" className="small-button" onClick={() => reactivate.mutate(party.id)} aria-label={`Reactivate ${party.name}`}>
                        Reactivate
                      </button>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {parties.isSuccess && parties.data.length === 0 && <p className="muted">No parties yet: add the people and teams who own assets.</p>}
      {editing?.kind === 'add' && <PartyDialog party={null} onClose={() => setEditing(null)} />}
      {editing?.kind === 'edit' && <PartyDialog party={editing.party} onClose={() => setEditing(null)} />}
      {editing?.kind === 'leave' && <LeaveDialog party={editing.party} onClose={() => setEditing(null)} />}
    </div>
  );
}
