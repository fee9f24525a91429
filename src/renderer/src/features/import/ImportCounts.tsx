import type { ClassificationSummary, ImportCounts as Counts } from '@shared/contract/import';

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
  // Assets read under several models (Azure's and AWS's): each column says its model.
  const several = new Set(classification.byServiceModel.filter((r) => r.modelId !== null).map((r) => r.modelId)).size > 1;
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
        {classification.byServiceModel.map((row) => (
          <div key={`${row.modelId ?? ''}|${row.serviceModel ?? ''}`} className="import-count">
            <dt>{row.serviceModel === null || !several ? row.label : `${row.label} (${row.modelName ?? ''})`}</dt>
            <dd>{row.count.toLocaleString()}</dd>
          </div>
        ))}
        <div className="import-count">
          <dt>Needs review</dt>
          <dd data-testid="import-needs-review">{classification.needsReview.toLocaleString()}</dd>
        </div>
      </dl>
    </div>
  );
}
