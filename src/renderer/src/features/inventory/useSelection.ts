import { useCallback, useMemo, useState } from 'react';
import type { AssetFilter } from '@shared/filter';

export interface Selection {
  ids: ReadonlySet<number>;
  /** "Select all N matching": bulk edits then use the filter itself. */
  allMatching: boolean;
  /** With allMatching, the filter whose matches were selected (the grid's may have moved on since). */
  filter?: AssetFilter;
  /** Index of the last plain or ctrl click, the start of a shift-click range. */
  anchor: number | null;
}

const EMPTY: Selection = { ids: new Set(), allMatching: false, anchor: null };

/** The grid's multi-selection: click, shift-click range, ctrl/cmd-click toggle, all matching. */
export function useSelection() {
  const [selection, setSelection] = useState<Selection>(EMPTY);

  const only = useCallback((id: number, index: number) => setSelection({ ids: new Set([id]), allMatching: false, anchor: index }), []);
  const toggle = useCallback(
    (id: number, index: number) =>
      setSelection((current) => {
        const ids = new Set(current.ids);
        if (ids.has(id)) ids.delete(id);
        else ids.add(id);
        return { ids, allMatching: false, anchor: index };
      }),
    []
  );
  const addRange = useCallback(
    (rangeIds: number[]) =>
      setSelection((current) => {
        const ids = new Set(current.ids);
        for (const id of rangeIds) ids.add(id);
        return { ids, allMatching: false, anchor: current.anchor };
      }),
    []
  );
  const selectAll = useCallback(
    (allIds: number[], filter: AssetFilter) => setSelection({ ids: new Set(allIds), allMatching: true, anchor: null, filter }),
    []
  );
  const clear = useCallback(() => setSelection(EMPTY), []);

  return useMemo(() => ({ selection, only, toggle, addRange, selectAll, clear }), [selection, only, toggle, addRange, selectAll, clear]);
}
