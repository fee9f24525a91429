import type { MergePlan } from '@shared/contract/merge';

/** Their changes that apply without a decision (the first ones, when there are many). */
export function MergeChanges({ plan }: { plan: MergePlan }) {
  if (plan.changes.length === 0) return null;
  return (
    <details className="merge-changes">
      <summary>
        Their changes that apply ({plan.counts.theirs}
        {plan.counts.theirs > plan.changes.length ? `, the first ${plan.changes.length} listed` : ''})
      </summary>
      <table>
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">Ours</th>
            <th scope="col">Theirs</th>
            <th scope="col">By</th>
          </tr>
        </thead>
        <tbody>
          {plan.changes.map((c) => (
            <tr key={c.slot}>
              <td>
                {c.subject} · {c.detail}
              </td>
              <td>{c.ours}</td>
              <td>{c.theirs}</td>
              <td>{c.theirsBy ? `${c.theirsBy.actor}, ${c.theirsBy.at.slice(0, 10)}` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
