import { useEffect, useRef } from 'react';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Pending } from '../../components/Pending';
import { ImportCountsView } from './ImportCounts';
import { ImportFileView } from './ImportFileView';
import { useImport, type ReadChoice } from './useImport';
import './import.css';

const PHASE_LABELS: Record<string, string> = { reading: 'Reading…', classifying: 'Classifying…', writing: 'Writing…' };

/**
 * Import: the files (native dialog, or the paths given) → a preview of what changes → Apply with
 * progress and Cancel → a summary. Nothing is written before Apply, and Apply is all or nothing.
 */
export function ImportDialog({ initial, note, onClose, onRoundTrip }: { initial: ReadChoice; note?: string; onClose: () => void; onRoundTrip: (path: string) => void }) {
  const { state, progress, error, preview, apply, cancel, clearError } = useImport(onClose, onRoundTrip);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void preview(initial);
  }, [initial, preview]);

  if (state.step === 'closed' && !error) return null;
  const busy = state.step === 'reading' || state.step === 'applying';
  const current = state.step === 'preview' || state.step === 'applying' ? state.preview : null;
  const phase = progress ? (PHASE_LABELS[progress.phase] ?? progress.phase) : 'Reading…';

  const actions = (
    <>
      {busy && (
        <button type="button" onClick={() => void cancel(state.step === 'applying' ? current?.token : undefined)}>
          Cancel import
        </button>
      )}
      {!busy && state.step !== 'done' && (
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      )}
      {state.step === 'preview' && (
        <button type="button" className="primary" disabled={!state.preview.canApply} onClick={() => void apply(state.preview)}>
          Apply import
        </button>
      )}
      {state.step === 'done' && (
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      )}
    </>
  );

  return (
    <Dialog title="Import inventory" onClose={() => !busy && onClose()} actions={actions} wide>
      {note && <p className="note import-note">{note}</p>}
      {error && <ErrorBanner message={error} onDismiss={clearError} />}
      {busy && (
        <Pending
          label={phase}
          {...(progress && progress.total !== null ? { done: progress.done, total: progress.total } : {})}
        />
      )}
      {current && state.step !== 'done' && (
        <>
          <ImportCountsView counts={current.counts} classification={current.classification} />
          {current.owners.assigned > 0 && (
            <p className="import-note">
              The file names owners: {current.owners.assigned.toLocaleString()} new assets get an owner who is an active party. Existing assets keep theirs.
            </p>
          )}
          {current.owners.unknownNames.length > 0 && (
            <p className="import-note muted">
              Owner names that are not an active party are left without owner: {current.owners.unknownNames.slice(0, 8).join(', ')}
              {current.owners.unknownNames.length > 8 ? '…' : ''}
            </p>
          )}
          <p className="import-note muted">
            A service model you chose by hand, owners, reviews, RACI and overrides are never changed by an import. Assets not in the file are flagged “not seen”, never deleted.
          </p>
          {current.files.map((file) => (
            <ImportFileView
              key={file.file}
              file={file}
              busy={busy}
              // A mapping belongs to one file's columns: re-read that file alone with it.
              onRemap={(mapping) => void preview({ paths: [file.file], format: file.format, mapping, ...(file.sheet ? { sheet: file.sheet } : {}) })}
              // Another sheet has other columns: its mapping is suggested afresh.
              onSheet={(sheet) => void preview({ paths: [file.file], format: 'xlsx', sheet })}
            />
          ))}
        </>
      )}
      {state.step === 'done' && (
        <div role="status" data-testid="import-summary">
          <p>
            <strong>{state.result.summary}.</strong>
          </p>
          <ImportCountsView counts={state.result.counts} classification={state.result.classification} />
          {state.result.classification.needsReview > 0 && (
            <p className="import-note">{state.result.classification.needsReview.toLocaleString()} assets need a review of their service model: filter the inventory by “needs review”.</p>
          )}
        </div>
      )}
    </Dialog>
  );
}
