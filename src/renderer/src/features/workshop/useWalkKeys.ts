import { useEffect, useRef } from 'react';

export interface WalkKeys {
  nextLayer: () => void;
  previousLayer: () => void;
  nextGroup: () => void;
  previousGroup: () => void;
  zoomIn: () => void;
  zoomOut: () => void;
}

/**
 * The walk's keyboard: → / ← next and previous layer, Shift+→ / Shift+← (or Page Down / Page Up)
 * next and previous group, + and − the presentation zoom. Keys typed into a field or a dialog are
 * left alone.
 */
export function useWalkKeys(keys: WalkKeys, enabled: boolean): void {
  const ref = useRef(keys);
  useEffect(() => {
    ref.current = keys;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target !== null && (target.closest('input, select, textarea, dialog, [contenteditable="true"]') !== null)) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const k = ref.current;
      const actions: Record<string, (() => void) | undefined> = {
        ArrowRight: event.shiftKey ? k.nextGroup : k.nextLayer,
        ArrowLeft: event.shiftKey ? k.previousGroup : k.previousLayer,
        PageDown: k.nextGroup,
        PageUp: k.previousGroup,
        '+': k.zoomIn,
        '=': k.zoomIn,
        '-': k.zoomOut
      };
      const action = actions[event.key];
      if (action === undefined) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
