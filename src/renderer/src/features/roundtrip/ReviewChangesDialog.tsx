import { useEffect, useRef } from 'react';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Pending } from '../../components/Pending';
import { ChangeGroup } from './ChangeGroup';
import { ReviewSummary } from './ReviewSummary';
import { useRoundTrip } from './useRoundTrip';
import '../import/import.css';
import './roundtrip.css';

/**
 * Review changes: an edited RACI export read back as every changed cell, grouped by asset, before →
 * after. Each change is accepted or rejected (one by one, per asset, or all); conflicts are settled;
 * Apply writes the accepted ones as one undoable step. Nothing is written before Apply.
 */
export function ReviewChangesDialog({ path, onClose }: { path?: string; onClose: () => void }) {
  const { state, error, read, options, otherWorkbook, toggle, settle, apply, rejected, choices, openConflicts, accepted, clearError } = useRoundTrip(onClose);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void read(path);
  }, [path, read]);

  if (state.step === 'closed' && !error) return null;
  const unknownNames = state.step === 'review' && !options.createParties && state.preview.errors.some((e) => e.message.includes('is not a party'));
  const busy = state.step === 'reading' || state.step === 'applying';
  const preview = state.step === 'review' || state.step === 'applying' ? state.preview : null;
  const allIds = preview ? preview.groups.flatMap((g) => g.changes.map((c) => c.id)) : [];

  const actions = (
    <>
      {state.step !== 'done' && (
        <button type="button" onClick={onClose} disabled={busy}>
          Cancel
        </button>
      )}
      {preview && (
        <button
          type="button"
          className="primary"
          disabled={busy || !preview.canApply || accepted === 0 || openConflicts > 0}
          onClick={() => void apply(preview)}
        >
          Apply {accepted.toLocaleString()} change{accepted === 1 ? '' : 's'}
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
    <Dialog title="Review changes" onClose={() => !busy && onClose()} actions={actions} wide>
      {error && <ErrorBanner message={error} onDismiss={clearError} />}
      {otherWorkbook && (
        <p className="import-note">
          <button type="button" onClick={() => void read(otherWorkbook, { ...options, anyWorkbook: true })}>
            Apply by asset id anyway
          </button>{' '}
          Only if the two workbooks share their assets’ ids (a copy of this workbook, for example).
        </p>
      )}
      {busy && <Pending label={state.step === 'applying' ? 'Applying…' : 'Reading the edited export…'} />}
      {preview && (
        <>
          <ReviewSummary preview={preview} />
          {unknownNames && (
            <p className="import-note">
              <button type="button" onClick={() => void read(preview.path, { ...options, createParties: true })}>
                Create the names that are no party
              </button>{' '}
              Each becomes a new person, created in the same step as the changes.
            </p>
          )}
          {preview.counts.changes === 0 && preview.canApply && <p className="import-note">The file changes nothing: every cell says what the workbook says.</p>}
          {allIds.length > 0 && (
            <div className="roundtrip-bulk">
              <button type="button" disabled={busy} onClick={() => toggle(allIds, true)}>
                Accept all
              </button>
              <button type="button" disabled={busy} onClick={() => toggle(allIds, false)}>
                Reject all
              </button>
              <span className="muted" role="status">
                {accepted.toLocaleString()} of {preview.counts.changes.toLocaleString()} accepted
                {openConflicts > 0 ? `; ${openConflicts} conflict${openConflicts === 1 ? '' : 's'} to settle` : ''}
              </span>
            </div>
          )}
          <div className="roundtrip-groups">
            {preview.groups.map((group) => (
              <ChangeGroup key={group.assetId} group={group} rejected={rejected} choices={choices} busy={busy} onToggle={toggle} onSettle={settle} />
            ))}
          </div>
        </>
      )}
      {state.step === 'done' && (
        <div role="status" data-testid="roundtrip-summary">
          <p>
            <strong>{state.result.summary}.</strong>
          </p>
          <p className="import-note">{state.result.rejected > 0 ? `${state.result.rejected} rejected or kept as in Demarc. ` : ''}Edit › Undo takes the whole step back.</p>
        </div>
      )}
    </Dialog>
  );
}
