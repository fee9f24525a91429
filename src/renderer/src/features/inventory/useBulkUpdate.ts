import { useMutation } from '@tanstack/react-query';
import type { MethodInput } from '@shared/contract';
import { call } from '../../lib/api';

/** One bulk edit (one transaction, one undo step); the grid and the rest refresh from main's event. */
export function useBulkUpdate() {
  return useMutation({ mutationFn: (args: MethodInput<'assets.update'>) => call('assets.update', args) });
}
