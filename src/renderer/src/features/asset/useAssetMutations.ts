import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MethodInput } from '@shared/contract';
import type { AssetDetail } from '@shared/contract/engine';
import { call } from '../../lib/api';
import { assetDetailKeys } from './queries';

/**
 * The asset panel's edits. An edit that answers with the asset's detail shows it at once; what
 * else it changed (grid, findings, dashboard) refreshes from main's 'workbook-changed' event.
 */
export function useAssetMutations(id: number) {
  const queryClient = useQueryClient();
  const adopt = (detail: AssetDetail) => queryClient.setQueryData(assetDetailKeys.detail(id), detail);
  return {
    update: useMutation({
      mutationFn: (set: MethodInput<'assets.update'>['set']) => call('assets.update', { filter: { ids: [id] }, expectedCount: 1, set })
    }),
    setOverride: useMutation({ mutationFn: (args: Omit<MethodInput<'overrides.set'>, 'assetId'>) => call('overrides.set', { ...args, assetId: id }), onSuccess: adopt }),
    clearOverride: useMutation({ mutationFn: (layerId: string) => call('overrides.clear', { assetId: id, layerId }), onSuccess: adopt }),
    setRaci: useMutation({ mutationFn: (args: Omit<MethodInput<'raci.set'>, 'assetId'>) => call('raci.set', { ...args, assetId: id }), onSuccess: adopt })
  };
}
