import type { ExportRunStatus } from './useExportRun';

const PHASES: Record<string, string> = {
  choosing: 'Choose where to save…',
  preparing: 'Preparing the report…',
  writing: 'Writing rows…',
  done: 'Finishing…'
};

/** The running export: a labelled progress bar and Cancel (not while the save dialog is open). */
export function ExportProgress({ status, onCancel }: { status: Extract<ExportRunStatus<unknown>, { kind: 'running' }>; onCancel: () => void }) {
  const known = status.total !== null && status.total > 0;
  const label = PHASES[status.phase] ?? status.phase;
  return (
    <div className="export-progress" aria-live="polite">
      <label className="export-progress__label">
        <span>{status.cancelling ? 'Cancelling…' : label}</span>
        {/* Without a total the bar is indeterminate (no value), as ARIA expects. */}
        <progress max={known ? status.total! : undefined} value={known ? status.done : undefined} aria-valuetext={known ? `${status.done.toLocaleString()} of ${status.total!.toLocaleString()} rows` : label} />
      </label>
      {known && (
        <span className="muted">
          {status.done.toLocaleString()} of {status.total!.toLocaleString()} rows
        </span>
      )}
      {status.phase !== 'choosing' && (
        <button type="button" onClick={onCancel} disabled={status.cancelling}>
          Cancel export
        </button>
      )}
    </div>
  );
}
