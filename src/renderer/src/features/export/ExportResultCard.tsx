import { HIDDEN_SHEETS } from '@core/export-model-cells';
import type { ExportResult } from '@shared/contract/export';

/** Where the file went, what it holds, and a way to it in the file manager. */
export function ExportResultCard({ result, onShowInFolder }: { result: ExportResult; onShowInFolder: (path: string) => void }) {
  const sheets = result.sheets.filter((name) => !HIDDEN_SHEETS.has(name));
  return (
    <section className="export-result" aria-labelledby="export-result-title" aria-live="polite">
      <h3 id="export-result-title">Exported</h3>
      <dl>
        <dt>File</dt>
        <dd data-testid="export-path">{result.path}</dd>
        <dt>Sheets</dt>
        <dd>{sheets.join(', ')}</dd>
        <dt>Rows</dt>
        <dd>{result.rows.toLocaleString()}</dd>
        <dt>Exported at</dt>
        <dd>{result.exportedAt}</dd>
        {result.changesSince && (
          <>
            <dt>Changes since</dt>
            <dd>
              {result.changesSince.sheet}: {result.changesSince.entries.toLocaleString()} change-log {result.changesSince.entries === 1 ? 'entry' : 'entries'}
              {result.changesSince.chainWhole ? '' : '; the change log is broken (Audit › Verify names the entry)'}
              {result.changesSince.baselineMatches === false ? '; the baseline export no longer agrees with this history' : ''}
            </dd>
          </>
        )}
        <dt>Content SHA-256</dt>
        <dd className="export-result__hash">{result.sha256}</dd>
      </dl>
      <button type="button" onClick={() => onShowInFolder(result.path)}>
        Show in folder
      </button>
    </section>
  );
}
