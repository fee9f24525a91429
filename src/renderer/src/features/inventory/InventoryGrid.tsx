import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { AssetListRow, AssetSortColumn } from '@shared/contract/engine';
import type { AssetFilter } from '@shared/filter';
import { QueryError } from '../../components/QueryError';
import { call } from '../../lib/api';
import type { AssetSort } from './queries';
import type { GridColumn } from './columns';
import { GridHeader } from './GridHeader';
import { GridRow } from './GridRow';
import { PAGE_SIZE, useAssetPages, type PageWindow } from './useAssetPages';
import type { useSelection } from './useSelection';

export const ROW_HEIGHT = 32;
const HEADER_HEIGHT = 36;
const MAX_RANGE = 5000;

interface InventoryGridProps {
  filter: AssetFilter;
  sort: AssetSort | null;
  onSort: (column: AssetSortColumn) => void;
  columns: GridColumn[];
  selection: ReturnType<typeof useSelection>;
  openedId: number | null;
  onOpen: (id: number) => void;
  /** Kept current with the pages the grid shows, so a filter change can prefetch them. */
  windowRef: { current: PageWindow };
}

/**
 * The inventory as a virtualized ARIA grid: fixed row height, only visible pages fetched,
 * keyboard (arrows, Page Up/Down, Home/End, Enter opens, Space selects), click / shift-click /
 * ctrl-click selection.
 */
export const InventoryGrid = memo(function InventoryGrid({ filter, sort, onSort, columns, selection, openedId, onOpen, windowRef }: InventoryGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [pageRange, setPageRange] = useState({ first: 0, last: 0 });
  const [active, setActive] = useState(0);
  // A new filter or sort is a new list: its active row is its first. An index kept from the old
  // list names another asset in the new one, or none (Enter then opened the wrong asset, or nothing).
  const [listOf, setListOf] = useState({ filter, sort });
  if (listOf.filter !== filter || listOf.sort !== sort) {
    setListOf({ filter, sort });
    setActive(0);
  }
  const [selectingAll, setSelectingAll] = useState(false);
  const [selectError, setSelectError] = useState<Error | null>(null);
  const pages = useAssetPages(filter, sort, pageRange.first * PAGE_SIZE, pageRange.last * PAGE_SIZE);

  const total = pages.total ?? 0;

  // The grid re-renders on scroll by design: the virtualizer's range is its state.
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 2,
    // The sticky header covers the first row's height: keep scrolled-to rows below it.
    scrollPaddingStart: HEADER_HEIGHT,
    initialRect: { width: 1000, height: 600 },
    onChange: (instance) => {
      const items = instance.getVirtualItems();
      const first = Math.floor((items[0]?.index ?? 0) / PAGE_SIZE);
      const last = Math.floor((items[items.length - 1]?.index ?? 0) / PAGE_SIZE);
      windowRef.current = { first, last };
      setPageRange((current) => (current.first === first && current.last === last ? current : { first, last }));
    }
  });

  const template = `40px ${columns.map((column) => column.width).join(' ')}`;
  const minWidth = 40 + columns.reduce((sum, column) => sum + column.min, 0);
  const { only, toggle, addRange, selectAll, clear } = selection;
  const { rowAt } = pages;

  const selectRange = async (from: number, to: number) => {
    const start = Math.max(0, Math.min(from, to));
    const end = Math.min(Math.max(from, to), start + MAX_RANGE - 1);
    const ids: number[] = [];
    let complete = true;
    for (let index = start; index <= end; index++) {
      const row = rowAt(index);
      if (row) ids.push(row.id);
      else complete = false;
    }
    if (complete) return addRange(ids);
    const page = await call('assets.list', { filter, ...(sort ? { sort } : {}), offset: start, limit: end - start + 1 });
    addRange(page.rows.map((row) => row.id));
  };

  const onRowClick = (index: number, row: AssetListRow, event: MouseEvent) => {
    setActive(index);
    if (event.shiftKey && selection.selection.anchor !== null) {
      selectRange(selection.selection.anchor, index).catch((error: unknown) => setSelectError(error as Error));
    } else if (event.ctrlKey || event.metaKey) {
      toggle(row.id, index);
    } else {
      only(row.id, index);
      if (openedId !== null) onOpen(row.id);
    }
    scrollRef.current?.focus({ preventScroll: true });
  };

  // The rows get handlers that never change, reading the latest render's through a ref: a
  // keystroke or a new page then re-renders only the rows whose data changed.
  const handlers = useRef({ onRowClick, onOpen, toggle });
  useLayoutEffect(() => {
    handlers.current = { onRowClick, onOpen, toggle };
  });
  const rowHandlers = useMemo(
    () => ({
      onRowClick: (index: number, row: AssetListRow, event: MouseEvent) => handlers.current.onRowClick(index, row, event),
      onRowOpen: (row: AssetListRow) => handlers.current.onOpen(row.id),
      onToggle: (index: number, row: AssetListRow) => handlers.current.toggle(row.id, index)
    }),
    []
  );

  const move = (next: number) => {
    if (total === 0) return;
    const clamped = Math.max(0, Math.min(total - 1, next));
    setActive(clamped);
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return; // keys inside header controls stay theirs
    const visibleRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / ROW_HEIGHT) - 2);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      PageDown: () => move(active + visibleRows),
      PageUp: () => move(active - visibleRows),
      Home: () => move(0),
      End: () => move(total - 1),
      Enter: () => {
        const row = rowAt(active);
        if (row) onOpen(row.id);
      },
      ' ': () => {
        const row = rowAt(active);
        if (row) toggle(row.id, active);
      }
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };

  const onSelectAll = (select: boolean) => {
    if (!select) return clear();
    setSelectingAll(true);
    call('assets.matchingIds', { filter })
      .then((ids) => selectAll(ids, filter))
      .catch((error: unknown) => setSelectError(error as Error))
      .finally(() => setSelectingAll(false));
  };

  const items = virtualizer.getVirtualItems();
  const activeRendered = items.some((item) => item.index === active);

  return (
    <>
      <QueryError error={pages.error ?? selectError} />
      <div
        ref={scrollRef}
        className="grid"
        role="grid"
        aria-label="Assets"
        aria-rowcount={total + 1}
        aria-colcount={columns.length + 1}
        aria-multiselectable="true"
        aria-busy={pages.isUpdating}
        data-query={filter.text ?? ''}
        aria-activedescendant={activeRendered && total > 0 ? `asset-row-${active}` : undefined}
        tabIndex={0}
        onKeyDown={onKeyDown}
      >
        <GridHeader
          columns={columns}
          template={template}
          minWidth={minWidth}
          sort={sort}
          onSort={onSort}
          total={pages.total}
          selectedCount={selection.selection.ids.size}
          allMatching={selection.selection.allMatching}
          selectingAll={selectingAll}
          onSelectAll={onSelectAll}
        />
        <div role="rowgroup" className="grid__body" style={{ height: total * ROW_HEIGHT, minWidth }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            return (
              <GridRow
                key={item.index}
                index={item.index}
                row={row}
                columns={columns}
                template={template}
                minWidth={minWidth}
                top={item.start}
                height={ROW_HEIGHT}
                selected={row ? selection.selection.ids.has(row.id) : false}
                active={item.index === active}
                opened={row ? row.id === openedId : false}
                onRowClick={rowHandlers.onRowClick}
                onRowOpen={rowHandlers.onRowOpen}
                onToggle={rowHandlers.onToggle}
              />
            );
          })}
        </div>
      </div>
      {pages.total === 0 && <p className="grid__empty">No assets match these filters.</p>}
    </>
  );
});
