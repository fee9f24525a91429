import { QueryError } from '../../components/QueryError';
import { useWorkshops } from './queries';

const STATUS_LABELS = { open: 'Open', paused: 'Paused', finished: 'Finished' } as const;

/** The workbook's workshops, newest first, each opened to continue or read its minutes. */
export function WorkshopList({ onOpen }: { onOpen: (id: number) => void }) {
  const workshops = useWorkshops();
  const rows = workshops.data ?? [];
  return (
    <section aria-labelledby="workshops-heading" className="workshops__list">
      <h2 id="workshops-heading">Workshops</h2>
      <QueryError error={workshops.error} />
      {rows.length === 0 && !workshops.isPending ? (
        <p className="muted">No workshop yet. Start one to walk a scope of assets with the people who decide.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Workshops</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col">Scope</th>
              <th scope="col">Attendees</th>
              <th scope="col">Progress</th>
              <th scope="col">Open actions</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((w) => (
              <tr key={w.id}>
                <td>{w.heldOn}</td>
                <th scope="row">{w.title}</th>
                <td>{STATUS_LABELS[w.status]}</td>
                <td>
                  {w.scopeLabel} ({w.assets} assets, {w.groups} groups)
                </td>
                <td>{w.attendees.map((a) => a.name).join(', ')}</td>
                <td>
                  {w.decidedSteps} of {w.steps} steps
                </td>
                <td>{w.openActions}</td>
                <td className="row-actions">
                  <button type="button" className="small-button" onClick={() => onOpen(w.id)} aria-label={`${w.status === 'finished' ? 'Open' : w.status === 'paused' ? 'Resume' : 'Continue'} ${w.title}`}>
                    {w.status === 'finished' ? 'Open' : w.status === 'paused' ? 'Resume…' : 'Continue'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
