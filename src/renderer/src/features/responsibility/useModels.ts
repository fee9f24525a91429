import { useMutation, useQuery } from '@tanstack/react-query';
import { call } from '../../lib/api';
import { modelKeys } from '../../lib/query-keys';
import { useInvalidateWorkbook } from '../../lib/useInvalidateWorkbook';

export function useModelList() {
  return useQuery({ queryKey: modelKeys.list(), queryFn: () => call('models.list', {}) });
}

export function useModel(id: string | null) {
  return useQuery({ queryKey: modelKeys.detail(id ?? ''), queryFn: () => call('models.get', { id: id ?? '' }), enabled: id !== null });
}

export function useModelComparison(a: string | null, b: string | null) {
  return useQuery({
    queryKey: modelKeys.compare(a ?? '', b ?? ''),
    queryFn: () => call('models.compare', { a: a ?? '', b: b ?? '' }),
    enabled: a !== null && b !== null
  });
}

export function useModelMutations() {
  const invalidate = useInvalidateWorkbook();
  return {
    preview: useMutation({ mutationFn: (modelId: string) => call('models.previewDefault', { modelId }) }),
    setDefault: useMutation({ mutationFn: (modelId: string) => call('models.setDefault', { modelId }), onSuccess: () => invalidate() }),
    importModel: useMutation({ mutationFn: () => call('models.import', {}), onSuccess: () => invalidate() })
  };
}
