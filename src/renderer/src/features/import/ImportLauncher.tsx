import { useEffect, useState } from 'react';
import { onEvent } from '../../lib/api';
import { ReviewChangesDialog } from '../roundtrip/ReviewChangesDialog';
import { ImportDialog } from './ImportDialog';
import type { ReadChoice } from './useImport';

const DROP_NOTE =
  'Dropped files without a path on disk (for example from a browser): choose the files in the dialog that opened.';

/**
 * The "Import…" button, the native menu's Import command, and files dropped on the window: each
 * opens the import dialog. A dropped file's path comes from the preload (Electron's webUtils);
 * a file with no path on disk falls back to the native dialog, and the dialog says so. A file
 * that is Demarc's own RACI export, edited and brought back, opens Review changes instead.
 */
export function ImportLauncher({ disabled }: { disabled?: boolean }) {
  const [open, setOpen] = useState<{ initial: ReadChoice; note?: string; seq: number } | null>(null);
  const [dragging, setDragging] = useState(false);
  const [review, setReview] = useState<{ path: string; seq: number } | null>(null);

  useEffect(
    () =>
      onEvent('menu', (payload) => {
        if (payload === 'import') setOpen((current) => current ?? { initial: {}, seq: Date.now() });
      }),
    []
  );

  useEffect(() => {
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      const files = Array.from(event.dataTransfer?.files ?? []);
      const paths = files.map((file) => window.api.pathForFile(file));
      const initial: ReadChoice = paths.length > 0 && paths.every((path) => path !== '') ? { paths } : {};
      setOpen((current) => current ?? (initial.paths ? { initial, seq: Date.now() } : { initial, note: DROP_NOTE, seq: Date.now() }));
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  return (
    <>
      <button type="button" onClick={() => setOpen({ initial: {}, seq: Date.now() })} disabled={disabled}>
        Import…
      </button>
      {dragging && (
        <div className="import-drop-hint" aria-hidden="true">
          Drop to import
        </div>
      )}
      {open && (
        <ImportDialog
          key={open.seq}
          initial={open.initial}
          {...(open.note ? { note: open.note } : {})}
          onClose={() => setOpen(null)}
          onRoundTrip={(path) => {
            setOpen(null);
            setReview({ path, seq: Date.now() });
          }}
        />
      )}
      {review && <ReviewChangesDialog key={review.seq} path={review.path} onClose={() => setReview(null)} />}
    </>
  );
}
