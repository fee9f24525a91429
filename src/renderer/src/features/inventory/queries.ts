import { useQuery } from '@tanstack/react-query';
import type { AssetSortColumn } from '@shared/contract/engine';
import type { AssetFilter } from '@shared/filter';
import { call } from '../../lib/api';
import { touches, WORKBOOK, type RefreshRule } from '../../lib/refresh';

export interface AssetSort {
  column: AssetSortColumn;
  direction: 'asc' | 'desc';
}

export const assetKeys = {
  all: [WORKBOOK, 'inventory'] as const,
  pages: (filter: AssetFilter, sort: AssetSort | null) => [...assetKeys.all, 'page', filter, sort] as const,
  page: (filter: AssetFilter, sort: AssetSort | null, page: number) => [...assetKeys.pages(filter, sort), page] as const,
  /** The pages a grid window shows, first..last, fetched as one. */
  window: (filter: AssetFilter, sort: AssetSort | null, first: number, last: number) =>
    [...assetKeys.pages(filter, sort), 'window', first, last] as const,
  facets: () => [...assetKeys.all, 'facets'] as const,
  modelsOf: (filter: AssetFilter) => [...assetKeys.all, 'modelsOf', filter] as const
};

/** Distinct values with counts for the filter menus. */
export function useFacets() {
  return useQuery({ queryKey: assetKeys.facets(), queryFn: () => call('assets.facets', {}) });
}

/** The responsibility models the assets of a selection are read under, with their counts and layers. */
export function useSelectionModels(filter: AssetFilter) {
  return useQuery({ queryKey: assetKeys.modelsOf(filter), queryFn: () => call('assets.modelsOf', { filter }) });
}

/**
 * Grid rows show owners (names: parties), findings (settings, models) and whatever an edit set;
 * a model import alone changes no row.
 */
export const refreshInventory: RefreshRule = (touched) =>
  touches(touched, 'assets', 'parties', 'settings', 'inventory', 'savedSets') ? [{ queryKey: assetKeys.all }] : [];
