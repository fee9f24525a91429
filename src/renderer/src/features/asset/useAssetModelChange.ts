import { useMutation } from '@tanstack/react-query';
import { call } from '../../lib/api';

/** Previewing and applying one asset's move to another model (null: its provider's or the default). */
export function useAssetModelChange(id: number) {
  const filter = { ids: [id] };
  return {
    preview: useMutation({ mutationFn: (modelId: string | null) => call('assets.previewModel', { filter, modelId }) }),
    apply: useMutation({ mutationFn: (modelId: string | null) => call('assets.update', { filter, expectedCount: 1, set: { modelId } }) })
  };
}
