import { useMutation } from '@tanstack/react-query';
import type { MethodInput } from '@shared/contract';
import { call } from '../../lib/api';

/** Workshop writes; main's workbook-changed event refreshes what they touched (queries.ts). */
export function useWorkshopMutations() {
  return {
    start: useMutation({ mutationFn: (input: MethodInput<'workshops.start'>) => call('workshops.start', input) }),
    decide: useMutation({ mutationFn: (input: MethodInput<'workshops.decide'>) => call('workshops.decide', input) }),
    pause: useMutation({ mutationFn: (input: MethodInput<'workshops.pause'>) => call('workshops.pause', input) }),
    resume: useMutation({ mutationFn: (id: number) => call('workshops.resume', { id }) }),
    finish: useMutation({ mutationFn: (id: number) => call('workshops.finish', { id }) }),
    split: useMutation({ mutationFn: (input: MethodInput<'workshops.splitGroup'>) => call('workshops.splitGroup', input) }),
    merge: useMutation({ mutationFn: (input: MethodInput<'workshops.mergeGroups'>) => call('workshops.mergeGroups', input) }),
    closeAction: useMutation({ mutationFn: (input: MethodInput<'workshops.closeAction'>) => call('workshops.closeAction', input) }),
    saveMinutes: useMutation({ mutationFn: (input: MethodInput<'workshops.saveMinutes'>) => call('workshops.saveMinutes', input) })
  };
}
