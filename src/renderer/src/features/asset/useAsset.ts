import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MethodInput } from '@shared/contract';
import type { AssetDetail } from '@shared/contract/engine';
import { call } from '../../lib/api';
import { assetKeys, workbookKeys } from '../../lib/query-keys';
import { useInvalidateWorkbook } from '../../lib/useInvalidateWorkbook';

export function useAsset(id: number) {
  return useQuery({ queryKey: assetKeys.detail(id), queryFn: () => call('assets.get', { id }) });
}

function mentions(after: unknown, id: number): boolean {
  const ids = after && typeof after === 'object' && 'ids' in after ? (after as { ids: unknown }).ids : null;
  return Array.isArray(ids) && ids.includes(id);
}

/**
 * Changes to this asset, newest first. Bulk edits are logged once for many assets (without an
 * entity id), so they are found by the ids their `after` names.
 */
export function useAssetHistory(id: number) {
  return useQuery({
    queryKey: workbookKeys.changes('asset', String(id)),
    queryFn: async () => {
      // The log answers oldest first: read it all for this entity, newest first on screen.
      const entries = await call('changes.list', { entity: 'asset' });
      return entries
        .filter((entry) => entry.entityId === String(id) || (entry.entityId === null && mentions(entry.after, id)))
        .reverse()
        .slice(0, 50);
    }
  });
}

/** The asset panel's edits; each refreshes the whole workbook view (findings, grid, dashboard). */
export function useAssetMutations(id: number) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateWorkbook();
  const adopt = (detail: AssetDetail) => {
    queryClient.setQueryData(assetKeys.detail(id), detail);
    return invalidate();
  };
  return {
    update: useMutation({
      mutationFn: (set: MethodInput<'assets.update'>['set']) => call('assets.update', { filter: { ids: [id] }, expectedCount: 1, set }),
      onSuccess: () => invalidate()
    }),
    setOverride: useMutation({ mutationFn: (args: Omit<MethodInput<'overrides.set'>, 'assetId'>) => call('overrides.set', { ...args, assetId: id }), onSuccess: adopt }),
    clearOverride: useMutation({ mutationFn: (layerId: string) => call('overrides.clear', { assetId: id, layerId }), onSuccess: adopt }),
    setRaci: useMutation({ mutationFn: (args: Omit<MethodInput<'raci.set'>, 'assetId'>) => call('raci.set', { ...args, assetId: id }), onSuccess: adopt })
  };
}
