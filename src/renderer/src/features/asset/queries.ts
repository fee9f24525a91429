import { useQuery } from '@tanstack/react-query';
import { call } from '../../lib/api';
import { touchesAsset, WORKBOOK, type RefreshRule } from '../../lib/refresh';

export const assetDetailKeys = {
  all: [WORKBOOK, 'asset'] as const,
  detail: (id: number) => [...assetDetailKeys.all, id, 'detail'] as const,
  history: (id: number) => [...assetDetailKeys.all, id, 'history'] as const
};

export function useAsset(id: number) {
  return useQuery({ queryKey: assetDetailKeys.detail(id), queryFn: () => call('assets.get', { id }) });
}

/** The latest changes to this asset, its own and bulk edits that named it, newest first (main answers in SQL). */
export function useAssetHistory(id: number) {
  return useQuery({
    queryKey: assetDetailKeys.history(id),
    queryFn: () => call('changes.list', { assetId: id, newestFirst: true, limit: 50 })
  });
}

/** An asset's panel refreshes when the write could have changed that asset; other assets' panels stay. */
export const refreshAsset: RefreshRule = (touched) => [
  { queryKey: assetDetailKeys.all, predicate: (query) => touchesAsset(touched, query.queryKey[2] as number) }
];
