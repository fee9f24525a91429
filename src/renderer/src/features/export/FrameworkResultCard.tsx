import { OWNERSHIP_LABELS, type FrameworkExportResult } from '@shared/contract/frameworks';
import { CONTROL_OWNERSHIPS } from '@shared/frameworks';

/** Where the framework file went, the controls by ownership, what to know, and Show in folder. */
export function FrameworkResultCard({ result, onShowInFolder }: { result: FrameworkExportResult; onShowInFolder: (path: string) => void }) {
  const counts = CONTROL_OWNERSHIPS.filter((o) => result.counts[o] > 0).map((o) => `${OWNERSHIP_LABELS[o]} ${result.counts[o].toLocaleString()}`);
  return (
    <section className="export-result" aria-labelledby="framework-result-title" aria-live="polite">
      <h3 id="framework-result-title">Exported</h3>
      <dl>
        <dt>File</dt>
        <dd data-testid="export-path">{result.path}</dd>
        {result.sheets.length > 0 && (
          <>
            <dt>Sheets</dt>
            <dd>{result.sheets.join(', ')}</dd>
          </>
        )}
        <dt>{result.framework === 'fedramp' ? 'Control rows' : 'Controls'}</dt>
        <dd>{result.rows.toLocaleString()}</dd>
        <dt>Assets in scope</dt>
        <dd>{result.assets.toLocaleString()}</dd>
        <dt>Ownership</dt>
        <dd data-testid="export-counts">{counts.join(' · ')}</dd>
        <dt>Exported at</dt>
        <dd>{result.exportedAt}</dd>
        <dt>File SHA-256</dt>
        <dd className="export-result__hash">{result.fileSha256}</dd>
      </dl>
      {result.notes.length > 0 && (
        <ul className="export-result__notes">
          {result.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <button type="button" onClick={() => onShowInFolder(result.path)}>
        Show in folder
      </button>
    </section>
  );
}
