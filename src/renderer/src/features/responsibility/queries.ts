import { useQuery } from '@tanstack/react-query';
import { call } from '../../lib/api';
import { touches, WORKBOOK, type RefreshRule } from '../../lib/refresh';

export const modelKeys = {
  all: [WORKBOOK, 'models'] as const,
  list: () => [...modelKeys.all, 'list'] as const,
  /** The models as choices (names, versions, columns): these change only when a model is imported. */
  choices: () => [...modelKeys.all, 'choices'] as const,
  detail: (id: string) => [...modelKeys.all, 'detail', id] as const,
  compare: (a: string, b: string) => [...modelKeys.all, 'compare', a, b] as const
};

export function useModelList() {
  return useQuery({ queryKey: modelKeys.list(), queryFn: () => call('models.list', {}) });
}

/** The models to choose from, without relying on their asset counts (not refetched by an asset's edit). */
export function useModelChoices() {
  return useQuery({ queryKey: modelKeys.choices(), queryFn: () => call('models.list', {}) });
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

/**
 * Models themselves change only by an import; the list also counts the assets on each model and
 * marks the default, which assets and settings move.
 */
export const refreshModels: RefreshRule = (touched) => [
  ...(touches(touched, 'models') ? [{ queryKey: modelKeys.all }] : []),
  ...(touches(touched, 'assets', 'settings', 'inventory') ? [{ queryKey: modelKeys.list() }] : [])
];
