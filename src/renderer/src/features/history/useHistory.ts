import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../lib/api';
import { historyKeys, workbookKeys } from '../../lib/query-keys';

/** The undo/redo stack's top labels, and the two moves. Both refresh everything after. */
export function useHistory() {
  const queryClient = useQueryClient();
  const state = useQuery({ queryKey: historyKeys.state(), queryFn: () => call('history.state', {}) });
  const onSuccess = (next: Awaited<ReturnType<typeof call<'history.undo'>>>) => {
    queryClient.setQueryData(historyKeys.state(), next);
    return queryClient.invalidateQueries({ queryKey: workbookKeys.all });
  };
  const undo = useMutation({ mutationFn: () => call('history.undo', {}), onSuccess });
  const redo = useMutation({ mutationFn: () => call('history.redo', {}), onSuccess });
  return { state: state.data ?? null, undo, redo, error: undo.error ?? redo.error ?? state.error };
}
