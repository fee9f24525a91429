import { keepPreviousData, replaceEqualDeep, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AssetListRow, AssetPage } from '@shared/contract/engine';
import type { AssetFilter } from '@shared/filter';
import { call } from '../../lib/api';
import { assetKeys, type AssetSort } from './queries';

export const PAGE_SIZE = 100;

export interface AssetPages {
  /** Rows matching the filter; the last known total while a new filter is fetched; null before the first. */
  total: number | null;
  rowAt: (index: number) => AssetListRow | undefined;
  /**
   * The rows shown are not (yet) this window's current ones: a new filter, sort or scroll
   * position is being fetched (the previous rows stay meanwhile), or rows from before an edit
   * are being read again. A window's first fetch starts already marked so (React Query's
   * optimistic result), so the start of a fetch does not re-render the grid.
   */
  isUpdating: boolean;
  error: Error | null;
}

function pageNumbers(firstPage: number, lastPage: number): number[] {
  const pages: number[] = [];
  for (let page = firstPage; page <= lastPage; page++) pages.push(page);
  return pages;
}

/**
 * Pages first..last of a filter's result, each cached under its own key: a page being fetched
 * is not asked for twice (fetchQuery shares the request in flight).
 */
function fetchPages(queryClient: QueryClient, filter: AssetFilter, sort: AssetSort | null, firstPage: number, lastPage: number) {
  const pages = pageNumbers(firstPage, lastPage);
  return Promise.all(
    pages.map((page) =>
      queryClient.fetchQuery({
        queryKey: assetKeys.page(filter, sort, page),
        queryFn: () => call('assets.list', { filter, ...(sort ? { sort } : {}), offset: page * PAGE_SIZE, limit: PAGE_SIZE })
      })
    )
  );
}

/** The pages (first..last) the grid shows, kept current by the grid for prefetchPages. */
export interface PageWindow {
  first: number;
  last: number;
}

/**
 * A window's pages when every one is cached and current (answered, or scrolled through before,
 * and not invalidated by an edit since).
 */
export function cachedPages(queryClient: QueryClient, filter: AssetFilter, sort: AssetSort | null, firstPage: number, lastPage: number): AssetPage[] | undefined {
  const pages: AssetPage[] = [];
  for (const page of pageNumbers(firstPage, lastPage)) {
    const state = queryClient.getQueryState<AssetPage>(assetKeys.page(filter, sort, page));
    if (state?.data === undefined || state.isInvalidated) return undefined;
    pages.push(state.data);
  }
  return pages;
}

/**
 * Starts fetching a filter's pages for the grid's window at once, from the event that changes
 * the filter: main computes the result while React renders the keystroke and the browser paints
 * it, instead of after. The grid's window query then joins the requests in flight (fetchQuery
 * shares them); its errors are reported there, so they are not reported here.
 */
export function prefetchPages(queryClient: QueryClient, filter: AssetFilter, sort: AssetSort | null, window: PageWindow): void {
  fetchPages(queryClient, filter, sort, window.first, window.last).catch(() => undefined);
}

/**
 * The rows of the window last shown, by asset id: a new window's row that equals one of them
 * (the same asset, unchanged) is given as that very object, so the grid's memoised row does not
 * render it again. Typing often leaves the visible rows as they were ("key" → "keyv": the same
 * key vaults first), and then nothing is rendered at all.
 */
export class RowReuse {
  private shown = new Map<number, AssetListRow>();

  window(pages: AssetPage[]): AssetPage[] {
    const next = new Map<number, AssetListRow>();
    const reused = pages.map((page) => ({
      ...page,
      rows: page.rows.map((row) => {
        const kept = replaceEqualDeep(this.shown.get(row.id), row);
        next.set(row.id, kept);
        return kept;
      })
    }));
    this.shown = next;
    return reused;
  }
}

/**
 * Fetches only the pages the grid shows (first..last visible index, overscan included), as one
 * query for the window whose pages are cached one by one, so scrolling back is instant. The
 * window keeps the rows it showed until the next ones arrive (keepPreviousData), so a keystroke
 * in the search box never blanks the grid: the rows change once, to the new result, and only
 * the rows whose content changed render again (RowReuse).
 */
export function useAssetPages(filter: AssetFilter, sort: AssetSort | null, first: number, last: number): AssetPages {
  const queryClient = useQueryClient();
  const firstPage = Math.floor(Math.max(0, first) / PAGE_SIZE);
  const lastPage = Math.max(firstPage, Math.floor(Math.max(0, last) / PAGE_SIZE));

  const [reuse] = useState(() => new RowReuse());
  const windowQuery = useQuery({
    queryKey: assetKeys.window(filter, sort, firstPage, lastPage),
    queryFn: async () => reuse.window(await fetchPages(queryClient, filter, sort, firstPage, lastPage)),
    // Pages already here (the keystroke's prefetch answered first, or scrolling back) show in
    // the window's first render, with no placeholder round.
    initialData: () => {
      const cached = cachedPages(queryClient, filter, sort, firstPage, lastPage);
      return cached && reuse.window(cached);
    },
    placeholderData: keepPreviousData
  });

  // While a new window is fetched, the previous one's pages and total stay (keepPreviousData);
  // a window that failed has none (the grid shows the error, not rows it could not read).
  const pages = windowQuery.data ?? [];
  const total = pages[0]?.total ?? null;

  // The pages shown may be the previous window's (while this one is fetched): look rows up by offset.
  const rowAt = (index: number): AssetListRow | undefined => {
    const offset = Math.floor(index / PAGE_SIZE) * PAGE_SIZE;
    const page = pages.find((candidate) => candidate.offset === offset);
    return page?.rows[index - offset];
  };

  // With staleTime Infinity, stale means invalidated by an edit: such rows are being read again.
  const isUpdating = windowQuery.isPlaceholderData || windowQuery.isPending || (windowQuery.isFetching && windowQuery.isStale);
  return { total, rowAt, isUpdating, error: windowQuery.error };
}
