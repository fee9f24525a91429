import type { Finding } from '@shared/domain';

/**
 * What is wrong with this asset right now, and how to fix it; a layer the user came for (from the
 * demarcation picture) has its findings first, marked.
 */
export function AssetFindings({ findings, focusLayer }: { findings: Finding[]; focusLayer?: string | undefined }) {
  if (findings.length === 0) return <p className="muted">No findings.</p>;
  const onFocus = (finding: Finding) => focusLayer !== undefined && finding.layerId === focusLayer;
  const ordered = [...findings.filter(onFocus), ...findings.filter((finding) => !onFocus(finding))];
  return (
    <ul className="asset-findings">
      {ordered.map((finding, index) => (
        <li key={`${finding.code}-${finding.layerId ?? ''}-${index}`} data-focus={onFocus(finding) ? 'true' : undefined}>
          {onFocus(finding) && <strong className="small">This layer · </strong>}
          <span className={`sev sev--${finding.severity}`}>{finding.severity}</span> {finding.message}
          <div className="muted small">{finding.fix}</div>
        </li>
      ))}
    </ul>
  );
}
