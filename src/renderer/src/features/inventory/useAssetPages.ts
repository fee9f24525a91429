import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import type { AssetListRow } from '../../../../shared/contract/engine';
import type { AssetFilter } from '../../../../shared/filter';
import { call } from '../../lib/api';
import { assetKeys, type AssetSort } from '../../lib/query-keys';

export const PAGE_SIZE = 100;

export interface AssetPages {
  /** Rows matching the filter; the last known total while a new filter is fetched. */
  total: number | null;
  rowAt: (index: number) => AssetListRow | undefined;
  isFetching: boolean;
  error: Error | null;
}

/**
 * Fetches only the pages the grid shows (first..last visible index, overscan included). Each
 * page is its own query, so scrolling back is instant and a filter change keeps the old rows
 * on screen until the new ones arrive.
 */
export function useAssetPages(filter: AssetFilter, sort: AssetSort | null, first: number, last: number): AssetPages {
  const firstPage = Math.floor(Math.max(0, first) / PAGE_SIZE);
  const lastPage = Math.max(firstPage, Math.floor(Math.max(0, last) / PAGE_SIZE));
  const pages: number[] = [];
  for (let page = firstPage; page <= lastPage; page++) pages.push(page);

  const results = useQueries({
    queries: pages.map((page) => ({
      queryKey: assetKeys.page(filter, sort, page),
      queryFn: () => call('assets.list', { filter, ...(sort ? { sort } : {}), offset: page * PAGE_SIZE, limit: PAGE_SIZE }),
      placeholderData: keepPreviousData
    }))
  });

  // Remembered so a window without data (scrolled to unfetched pages) keeps the grid's size.
  const [lastTotal, setLastTotal] = useState<number | null>(null);
  const fresh = results.find((result) => result.data && !result.isPlaceholderData);
  const anyData = results.find((result) => result.data);
  const known = fresh?.data?.total ?? anyData?.data?.total ?? null;
  if (known !== null && known !== lastTotal) setLastTotal(known);
  const total = known ?? lastTotal;

  const rowAt = (index: number): AssetListRow | undefined => {
    const page = Math.floor(index / PAGE_SIZE);
    const result = results[page - firstPage];
    if (!result?.data) return undefined;
    const row = result.data.rows[index - result.data.offset];
    return row;
  };

  return {
    total,
    rowAt,
    isFetching: results.some((result) => result.isFetching),
    error: results.find((result) => result.error)?.error ?? null
  };
}
