import type { FindingGroup } from '@shared/contract/engine';
import { formatCount } from '../../lib/labels';

/** The findings as they were, grouped by code, worst first. */
export function AsOfFindings({ groups }: { groups: readonly FindingGroup[] }) {
  return (
    <table className="as-of-table">
      <caption>Findings then</caption>
      <thead>
        <tr>
          <th scope="col">Severity</th>
          <th scope="col">Finding</th>
          <th scope="col">Findings</th>
          <th scope="col">Assets</th>
        </tr>
      </thead>
      <tbody>
        {groups.length === 0 && (
          <tr>
            <td colSpan={4}>No findings.</td>
          </tr>
        )}
        {groups.map((g) => (
          <tr key={g.code}>
            <td>{g.severity}</td>
            <th scope="row">{g.title}</th>
            <td>{formatCount(g.count)}</td>
            <td>{formatCount(g.assets)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
