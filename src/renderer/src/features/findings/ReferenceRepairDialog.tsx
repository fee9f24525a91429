import type { ReferenceRepairResult } from '@shared/contract/references';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';

interface ReferenceRepairDialogProps {
  preview: ReferenceRepairResult;
  pending: boolean;
  error: Error | null;
  onConfirm: () => void;
  onClose: () => void;
}

/** What a repair of damaged rows would do, row by row, before it is done. */
export function ReferenceRepairDialog({ preview, pending, error, onConfirm, onClose }: ReferenceRepairDialogProps) {
  return (
    <Dialog
      title="Repair these rows?"
      onClose={() => !pending && onClose()}
      wide
      actions={
        <>
          <button type="button" onClick={onClose} disabled={pending}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={pending} onClick={onConfirm}>
            Repair
          </button>
        </>
      }
    >
      <p data-testid="reference-repair-summary">
        {preview.summary}. {preview.rows.toLocaleString()} rows on {preview.assets.toLocaleString()} assets; one step: Undo puts them back
        exactly as they were.
      </p>
      {/* Focusable: the list scrolls when long, and a keyboard user must reach it. */}
      <ul className="examples" tabIndex={0} aria-label="What changes">
        {preview.examples.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {error && <ErrorBanner message={error.message} />}
    </Dialog>
  );
}
