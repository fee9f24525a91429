import { useMutation, useQuery } from '@tanstack/react-query';
import type { MethodInput } from '@shared/contract';
import { call } from '../../lib/api';
import { touches, WORKBOOK, type RefreshRule } from '../../lib/refresh';

export const savedSetKeys = {
  all: [WORKBOOK, 'saved-sets'] as const,
  list: () => [...savedSetKeys.all, 'list'] as const
};

/** The workbook's saved sets, with how many assets each holds now. */
export function useSavedSets() {
  return useQuery({ queryKey: savedSetKeys.list(), queryFn: () => call('savedSets.list', {}) });
}

/** Save, rename, delete: each one undoable edit (the refresh follows main's workbook-changed event). */
export function useSavedSetMutations() {
  const save = useMutation({ mutationFn: (input: MethodInput<'savedSets.save'>) => call('savedSets.save', input) });
  const rename = useMutation({ mutationFn: (input: MethodInput<'savedSets.rename'>) => call('savedSets.rename', input) });
  const remove = useMutation({ mutationFn: (id: number) => call('savedSets.delete', { id }) });
  return { save, rename, remove };
}

/** A set's count moves with its assets (a filter's matches), its words with parties' names. */
export const refreshSavedSets: RefreshRule = (touched) =>
  touches(touched, 'savedSets', 'assets', 'parties', 'settings', 'models', 'inventory') ? [{ queryKey: savedSetKeys.all }] : [];
