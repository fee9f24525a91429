/**
 * Whether Undo and Redo belong to the workbook or to what has the focus. In a text field the
 * keys and the Edit menu undo the typing; while a dialog is open they do nothing to the workbook.
 * The keyboard shortcuts and the menu ask the same question here.
 */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
  return false;
}

/** Undo/Redo go to the workbook: the focus is not in a text field and no dialog is open. */
export function undoIsTheWorkbooks(target: EventTarget | null): boolean {
  return !isTextField(target) && document.querySelector('dialog[open]') === null;
}

/**
 * The Edit menu's Undo or Redo: the workbook's, or the focused field's own (the menu item
 * replaces the browser's default, so the field's undo is asked for explicitly).
 */
export function menuUndo(direction: 'undo' | 'redo', workbook: () => void): void {
  if (undoIsTheWorkbooks(document.activeElement)) workbook();
  // execCommand is the one way to reach a field's own undo stack from script.
  else if (isTextField(document.activeElement)) document.execCommand(direction);
}
