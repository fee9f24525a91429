import type { RaciBulkResult } from '@shared/contract/bulk-raci';

/** The assets a bulk RACI edit left as they were: each with its layer and why, the rest counted. */
export function BulkRaciRefusals({ result }: { result: RaciBulkResult }) {
  const noun = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'asset' : 'assets'}`;
  return (
    <div role="status">
      <p>{result.summary}</p>
      <table className="table bulk-raci__refusals">
        <caption>Refused on {noun(result.refusedCount)}: left as they were</caption>
        <thead>
          <tr>
            <th scope="col">Asset</th>
            <th scope="col">Layer</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {result.refused.map((r) => (
            <tr key={r.assetId}>
              <th scope="row">{r.asset}</th>
              <td>{r.layer ?? `— (${r.model})`}</td>
              <td>{r.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.refusedCount > result.refused.length && <p>… and {noun(result.refusedCount - result.refused.length)} more.</p>}
    </div>
  );
}
