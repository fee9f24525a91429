import { useMutation } from '@tanstack/react-query';
import type { MethodInput } from '@shared/contract';
import { call } from '../../lib/api';

/** Party edits; what they change refreshes from main's 'workbook-changed' event. */
export function usePartyMutations() {
  return {
    add: useMutation({ mutationFn: (args: MethodInput<'parties.add'>) => call('parties.add', args) }),
    update: useMutation({ mutationFn: (args: MethodInput<'parties.update'>) => call('parties.update', args) }),
    leave: useMutation({ mutationFn: (args: MethodInput<'parties.leave'>) => call('parties.leave', args) }),
    reactivate: useMutation({ mutationFn: (id: number) => call('parties.reactivate', { id }) }),
    reassign: useMutation({ mutationFn: (args: MethodInput<'parties.reassign'>) => call('parties.reassign', args) })
  };
}
