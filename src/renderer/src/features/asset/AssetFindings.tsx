import type { Finding } from '@shared/domain';

/** What is wrong with this asset right now, and how to fix it. */
export function AssetFindings({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return <p className="muted">No findings.</p>;
  return (
    <ul className="asset-findings">
      {findings.map((finding, index) => (
        <li key={`${finding.code}-${finding.layerId ?? ''}-${index}`}>
          <span className={`sev sev--${finding.severity}`}>{finding.severity}</span> {finding.message}
          <div className="muted small">{finding.fix}</div>
        </li>
      ))}
    </ul>
  );
}
