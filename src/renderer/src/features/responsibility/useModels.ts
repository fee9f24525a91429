import { useMutation } from '@tanstack/react-query';
import type { AssetProvider } from '@shared/import';
import { call } from '../../lib/api';

/** Previewing and setting the default model or a provider's model, importing one; what they change refreshes from main's event. */
export function useModelMutations() {
  return {
    preview: useMutation({ mutationFn: (modelId: string) => call('models.previewDefault', { modelId }) }),
    setDefault: useMutation({ mutationFn: (modelId: string) => call('models.setDefault', { modelId }) }),
    previewProvider: useMutation({
      mutationFn: (input: { provider: AssetProvider; modelId: string | null }) => call('models.previewProvider', input)
    }),
    setProvider: useMutation({ mutationFn: (input: { provider: AssetProvider; modelId: string | null }) => call('models.setProvider', input) }),
    importModel: useMutation({ mutationFn: () => call('models.import', {}) })
  };
}
