import type { AssetDetail } from '@shared/contract/engine';
import { shortDate } from '../../lib/labels';

/** What the inventory says about the asset, its tags, and the file's other columns. */
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
  const extra = Object.entries(asset.extra);
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
      {extra.length > 0 && (
        <>
          <h4>Other columns of the import</h4>
          <dl className="facts" aria-label="Other columns of the import">
            {extra.map(([column, value]) => (
              <div key={column} className="facts__row">
                <dt>{column}</dt>
                <dd title={value}>{value}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </>
  );
}
