import type { ClassificationSummary, ImportCounts as Counts } from '@shared/contract/import';
import { SERVICE_MODELS } from '@shared/domain';
import { serviceModelLabel } from '../../lib/labels';

const COUNT_LABELS: [keyof Counts, string][] = [
  ['rows', 'Rows read'],
  ['new', 'New'],
  ['updated', 'Updated'],
  ['unchanged', 'Unchanged'],
  ['notSeen', 'Not seen'],
  ['merged', 'Merged'],
  ['errors', 'Errors']
];

/** The counts of an import and its classification summary, as two definition lists. */
export function ImportCountsView({ counts, classification }: { counts: Counts; classification: ClassificationSummary }) {
  return (
    <div className="import-counts">
      <dl className="import-counts__list" aria-label="What the import changes" data-testid="import-counts">
        {COUNT_LABELS.map(([key, label]) => (
          <div key={key} className={key === 'errors' && counts.errors > 0 ? 'import-count import-count--bad' : 'import-count'}>
            <dt>{label}</dt>
            <dd data-testid={`import-count-${key}`}>{counts[key].toLocaleString()}</dd>
          </div>
        ))}
      </dl>
      <dl className="import-counts__list" aria-label="Service models" data-testid="import-classification">
        {SERVICE_MODELS.map((model) => (
          <div key={model} className="import-count">
            <dt>{serviceModelLabel(model)}</dt>
            <dd>{classification.byServiceModel[model].toLocaleString()}</dd>
          </div>
        ))}
        <div className="import-count">
          <dt>Unclassified</dt>
          <dd>{classification.unclassified.toLocaleString()}</dd>
        </div>
        <div className="import-count">
          <dt>Needs review</dt>
          <dd data-testid="import-needs-review">{classification.needsReview.toLocaleString()}</dd>
        </div>
      </dl>
    </div>
  );
}
