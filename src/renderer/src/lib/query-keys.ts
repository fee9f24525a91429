import type { AssetSortColumn } from '@shared/contract/engine';
import type { AssetFilter } from '@shared/filter';

/**
 * Query-key factories: mutations invalidate what they touch by these prefixes. Every key of
 * workbook data starts with 'workbook', so one edit can invalidate the whole workbook at once
 * (an owner change moves findings, the dashboard and grid rows together).
 */
export const workbookKeys = {
  all: ['workbook'] as const,
  current: () => [...workbookKeys.all, 'current'] as const,
  recent: () => ['recent'] as const,
  changes: (entity?: string, entityId?: string) => [...workbookKeys.all, 'changes', entity ?? '*', entityId ?? '*'] as const
};

export interface AssetSort {
  column: AssetSortColumn;
  direction: 'asc' | 'desc';
}

export const assetKeys = {
  all: [...workbookKeys.all, 'assets'] as const,
  pages: (filter: AssetFilter, sort: AssetSort | null) => [...assetKeys.all, 'page', filter, sort] as const,
  page: (filter: AssetFilter, sort: AssetSort | null, page: number) => [...assetKeys.pages(filter, sort), page] as const,
  /** The pages a grid window shows, first..last, fetched as one. */
  window: (filter: AssetFilter, sort: AssetSort | null, first: number, last: number) =>
    [...assetKeys.pages(filter, sort), 'window', first, last] as const,
  facets: () => [...assetKeys.all, 'facets'] as const,
  detail: (id: number) => [...assetKeys.all, 'detail', id] as const
};

export const partyKeys = {
  all: [...workbookKeys.all, 'parties'] as const,
  list: () => [...partyKeys.all, 'list'] as const,
  holdings: (id: number) => [...partyKeys.all, 'holdings', id] as const
};

export const findingKeys = {
  all: [...workbookKeys.all, 'findings'] as const,
  summary: () => [...findingKeys.all, 'summary'] as const
};

export const modelKeys = {
  all: [...workbookKeys.all, 'models'] as const,
  list: () => [...modelKeys.all, 'list'] as const,
  detail: (id: string) => [...modelKeys.all, 'detail', id] as const,
  compare: (a: string, b: string) => [...modelKeys.all, 'compare', a, b] as const
};

export const dashboardKeys = {
  all: [...workbookKeys.all, 'dashboard'] as const
};

export const historyKeys = {
  state: () => [...workbookKeys.all, 'history'] as const
};
