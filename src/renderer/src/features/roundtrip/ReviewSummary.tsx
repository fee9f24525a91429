import type { RoundTripPreview } from '@shared/contract/roundtrip';

const COUNTS: [keyof RoundTripPreview['counts'], string][] = [
  ['rows', 'Rows read'],
  ['changes', 'Changes'],
  ['assets', 'Assets'],
  ['conflicts', 'Conflicts'],
  ['apart', 'Rows apart'],
  ['errors', 'Errors'],
  ['demarcOnly', 'Changed only in Demarc']
];

/** Where the file comes from, the counts, and what the review cannot apply (errors, rows apart). */
export function ReviewSummary({ preview }: { preview: RoundTripPreview }) {
  const id = preview.identity;
  return (
    <div className="roundtrip-summary">
      <p className="import-note">
        <strong>{preview.fileName}</strong> is a Demarc export of {id && id.workbookId === preview.workbook.workbookId ? 'this workbook' : 'another workbook'}
        {id ? `, made at revision ${id.revision}` : ''}; the workbook is at revision {preview.workbook.revision}.
        {preview.revisionMoved
          ? ' It changed since the export: a cell changed on both sides is a conflict to settle; a cell changed only in Demarc keeps its value.'
          : ''}
      </p>
      <dl className="import-counts__list" aria-label="What the edited export changes" data-testid="roundtrip-counts">
        {COUNTS.map(([key, label]) => (
          <div key={key} className={(key === 'errors' || key === 'conflicts') && preview.counts[key] > 0 ? 'import-count import-count--bad' : 'import-count'}>
            <dt>{label}</dt>
            <dd data-testid={`roundtrip-count-${key}`}>{preview.counts[key].toLocaleString()}</dd>
          </div>
        ))}
      </dl>
      {preview.warnings.length > 0 && (
        <ul className="import-warnings">
          {preview.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {preview.errors.length > 0 && (
        <div className="import-errors" role="alert">
          <h4>Fix these cells in the file, then read it again: nothing can be applied</h4>
          <ul className="import-errors__list">
            {preview.errors.slice(0, 200).map((e) => (
              <li key={e.message}>{e.message}</li>
            ))}
          </ul>
        </div>
      )}
      {preview.apart.length > 0 && (
        <details className="roundtrip-apart">
          <summary>{preview.apart.length} rows listed apart (not applied)</summary>
          <ul>
            {preview.apart.slice(0, 200).map((row) => (
              <li key={row.cell}>
                <code>{row.cell}</code> {row.assetName ?? ''}: {row.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {preview.newParties.length > 0 && <p className="import-note">New parties created on apply: {preview.newParties.join(', ')}</p>}
    </div>
  );
}
