import { SEVERITIES } from '@shared/domain';
import { REFERENCE_FINDINGS } from '@core/reference-damage';
import { QueryError } from '../../components/QueryError';
import { SEVERITY_LABELS } from '../../lib/labels';
import type { SectionProps } from '../../lib/navigation';
import { MissingModelRepair } from './MissingModelRepair';
import { ReferenceRepair } from './ReferenceRepair';
import { useFindingSummary } from './queries';

/** What still needs a decision, grouped by kind; a group opens the grid filtered to it. */
export function FindingsView({ navigate }: SectionProps) {
  const summary = useFindingSummary();
  const groups = [...(summary.data ?? [])].sort(
    (a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || b.count - a.count
  );
  const total = groups.reduce((sum, group) => sum + group.count, 0);
  const missingModel = groups.find((group) => group.code === 'MODEL_MISSING');
  return (
    <div className="findings">
      <QueryError error={summary.error} />
      {summary.isPending && <p aria-busy="true">Loading findings…</p>}
      {summary.isSuccess && (
        <p className="muted" aria-live="polite">
          {total === 0 ? 'No findings: every customer-side layer has a named, active owner.' : `${total.toLocaleString()} findings in ${groups.length} groups.`}
        </p>
      )}
      {missingModel && <MissingModelRepair group={missingModel} />}
      {groups.some((group) => REFERENCE_FINDINGS.has(group.code)) && <ReferenceRepair />}
      <ul className="finding-groups">
        {groups.map((group) => (
          <li key={group.code}>
            <button
              type="button"
              className="finding-group"
              data-code={group.code}
              onClick={() => navigate('inventory', { findingCode: group.code })}
              aria-label={`${group.title}: ${group.count} findings on ${group.assets} assets. Show these assets`}
            >
              <span className={`sev sev--${group.severity}`}>{SEVERITY_LABELS[group.severity]}</span>
              <span className="finding-group__title">
                {group.title} <code className="muted small">{group.code}</code>
              </span>
              <span className="finding-group__count">
                {group.count.toLocaleString()} <span className="muted small">on {group.assets.toLocaleString()} assets</span>
              </span>
              <span className="finding-group__fix">{group.fix}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
