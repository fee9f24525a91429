import type { DecisionGroupView } from '@shared/workshop';
import { formatCount } from '../../lib/labels';

/** How the scope groups into decisions: one line per group with its size. */
export function GroupPreview({ preview, pending }: { preview: { groups: DecisionGroupView[]; assets: number } | undefined; pending: boolean }) {
  if (preview === undefined) return <p className="muted">Grouping the scope…</p>;
  return (
    <section aria-labelledby="group-preview-heading" aria-busy={pending}>
      <h3 id="group-preview-heading">
        {formatCount(preview.assets)} assets in {formatCount(preview.groups.length)} decision groups
      </h3>
      <p className="muted small">Assets sharing type, service model, owner and current RACI are decided together.</p>
      <ol className="workshop-groups">
        {preview.groups.slice(0, 50).map((g) => (
          <li key={g.position}>
            <span className="workshop-groups__size">{formatCount(g.assets)}</span> {g.label}
          </li>
        ))}
      </ol>
      {preview.groups.length > 50 && <p className="muted small">… and {preview.groups.length - 50} more groups.</p>}
    </section>
  );
}
