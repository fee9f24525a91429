import type { AssetDetail } from '@shared/contract/engine';
import { shortDate } from '../../lib/labels';

/** What the inventory says about the asset, and its tags. */
export function AssetFacts({ detail }: { detail: AssetDetail }) {
  const { asset } = detail;
  const facts: [string, string | null | undefined][] = [
    ['Type', asset.type],
    ['Kind', asset.kind],
    ['SKU', asset.sku],
    ['Location', asset.location],
    ['Subscription', asset.subscription],
    ['Resource group', asset.resourceGroup],
    ['Resource id', asset.externalId],
    ['Model', `${detail.model.name} (${detail.model.version})`],
    ['Security tool', detail.securityTool],
    ['Last reviewed', asset.lastReviewedAt ? shortDate(asset.lastReviewedAt) : 'never'],
    ['Source', asset.source]
  ];
  const tags = Object.entries(asset.tags);
  return (
    <>
      <dl className="facts">
        {facts
          .filter(([, value]) => value)
          .map(([label, value]) => (
            <div key={label} className="facts__row">
              <dt>{label}</dt>
              <dd title={value ?? undefined}>{value}</dd>
            </div>
          ))}
      </dl>
      {asset.notSeenInLastImport && <p className="note">Not seen in the last import.</p>}
      <h4>Tags</h4>
      {tags.length === 0 ? (
        <p className="muted">No tags.</p>
      ) : (
        <ul className="tags" aria-label="Tags">
          {tags.map(([key, value]) => (
            <li key={key} className="tag">
              {value ? `${key} = ${value}` : key}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
