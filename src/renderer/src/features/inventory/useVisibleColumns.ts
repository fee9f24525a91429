import { useCallback, useState } from 'react';
import { DEFAULT_VISIBLE_COLUMNS, GRID_COLUMNS } from './columns';

const STORAGE_KEY = 'demarc.inventory.columns';

function load(): string[] {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    const parsed: unknown = stored ? JSON.parse(stored) : null;
    if (Array.isArray(parsed) && parsed.every((id) => typeof id === 'string')) {
      const known = parsed.filter((id: string) => GRID_COLUMNS.some((column) => column.id === id));
      if (known.length > 0) return known;
    }
  } catch {
    // A damaged preference falls back to the defaults.
  }
  return DEFAULT_VISIBLE_COLUMNS;
}

/** The grid's chosen columns, kept in localStorage across sessions. */
export function useVisibleColumns(): { visible: string[]; toggle: (id: string) => void; reset: () => void } {
  const [visible, setVisible] = useState<string[]>(load);
  const save = useCallback((next: string[]) => {
    setVisible(next);
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  }, []);
  const toggle = useCallback(
    (id: string) => {
      const next = visible.includes(id) ? visible.filter((candidate) => candidate !== id) : [...visible, id];
      // Keep the grid's order, not the order of clicks.
      save(GRID_COLUMNS.map((column) => column.id).filter((candidate) => next.includes(candidate)));
    },
    [visible, save]
  );
  const reset = useCallback(() => save(DEFAULT_VISIBLE_COLUMNS), [save]);
  return { visible, toggle, reset };
}
