import type { useHistory } from './useHistory';

/** "Undo: Set owner on 12 assets" whether or not the engine's label already starts with the verb. */
function withVerb(verb: string, label: string | null | undefined): string {
  if (!label) return verb;
  return label.startsWith(`${verb}:`) ? label : `${verb}: ${label}`;
}

/** Undo / Redo with what they would undo or redo, in the top bar. */
export function UndoRedoButtons({ history }: { history: ReturnType<typeof useHistory> }) {
  const { state, undo, redo } = history;
  const busy = undo.isPending || redo.isPending;
  const undoLabel = withVerb('Undo', state?.undoLabel);
  const redoLabel = withVerb('Redo', state?.redoLabel);
  return (
    <div className="undo-redo" role="group" aria-label="Undo and redo">
      <button type="button" className="undo-redo__button" disabled={!state?.canUndo || busy} onClick={() => undo.mutate()} title={`${undoLabel} (Ctrl+Z)`}>
        {undoLabel}
      </button>
      <button type="button" className="undo-redo__button" disabled={!state?.canRedo || busy} onClick={() => redo.mutate()} title={`${redoLabel} (Ctrl+Shift+Z)`}>
        {redoLabel}
      </button>
      {history.error && (
        <span role="alert" className="inline-error">
          {history.error.message}
        </span>
      )}
    </div>
  );
}
