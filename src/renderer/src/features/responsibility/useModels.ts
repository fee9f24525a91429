import { useMutation } from '@tanstack/react-query';
import { call } from '../../lib/api';

/** Previewing and setting the default model, importing one; what they change refreshes from main's event. */
export function useModelMutations() {
  return {
    preview: useMutation({ mutationFn: (modelId: string) => call('models.previewDefault', { modelId }) }),
    setDefault: useMutation({ mutationFn: (modelId: string) => call('models.setDefault', { modelId }) }),
    importModel: useMutation({ mutationFn: () => call('models.import', {}) })
  };
}
