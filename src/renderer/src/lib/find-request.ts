/**
 * The 'find' command (Ctrl/Cmd+F or the menu) asks the inventory's search box for focus.
 * A window event keeps the workbench and the inventory apart.
 */
const EVENT = 'demarc:find';

export function requestFind(): void {
  window.dispatchEvent(new Event(EVENT));
}

export function onFindRequest(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
