import { useMutation, useQueryClient } from '@tanstack/react-query';
import { call } from '../../lib/api';
import { historyKeys, useHistoryState } from './queries';

/** The undo/redo stack's top labels, and the two moves (what they change refreshes from main's event). */
export function useHistory() {
  const queryClient = useQueryClient();
  const state = useHistoryState();
  const onSuccess = (next: Awaited<ReturnType<typeof call<'history.undo'>>>) => queryClient.setQueryData(historyKeys.state(), next);
  const undo = useMutation({ mutationFn: () => call('history.undo', {}), onSuccess });
  const redo = useMutation({ mutationFn: () => call('history.redo', {}), onSuccess });
  return { state: state.data ?? null, undo, redo, error: undo.error ?? redo.error ?? state.error };
}
