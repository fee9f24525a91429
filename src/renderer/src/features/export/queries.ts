import { useMutation, useQuery } from '@tanstack/react-query';
import type { Baseline } from '@shared/contract/frameworks';
import type { MappedFramework } from '@shared/frameworks';
import type { AssetFilter } from '@shared/filter';
import { call } from '../../lib/api';
import { touches, WORKBOOK, type RefreshRule } from '../../lib/refresh';

/** Query keys of the framework side. */
export const frameworkKeys = {
  all: [WORKBOOK, 'frameworks'] as const,
  mapping: () => [...frameworkKeys.all, 'mapping'] as const,
  ownership: (framework: MappedFramework, scope: AssetFilter, baseline: Baseline) => [...frameworkKeys.all, 'ownership', framework, scope, baseline] as const
};

/** The control mapping in use and how the workbook's models join it. */
export function useMapping() {
  return useQuery({ queryKey: frameworkKeys.mapping(), queryFn: () => call('frameworks.mapping', {}) });
}

/** Controls per ownership for a scope: what an export would say. */
export function useOwnership(framework: MappedFramework, scope: AssetFilter, baseline: Baseline) {
  return useQuery({ queryKey: frameworkKeys.ownership(framework, scope, baseline), queryFn: () => call('frameworks.ownership', { framework, scope, baseline }) });
}

/** Import the user's mapping, go back to the built-in one, save a copy. */
export function useMappingMutations() {
  return {
    importMapping: useMutation({ mutationFn: () => call('frameworks.importMapping', {}) }),
    resetMapping: useMutation({ mutationFn: () => call('frameworks.resetMapping', {}) }),
    saveMapping: useMutation({ mutationFn: () => call('frameworks.saveMapping', {}) })
  };
}

/**
 * The mapping changes only by its own import or reset; control ownership follows the assets'
 * layers and RACI, parties, settings and models too.
 */
export const refreshFrameworks: RefreshRule = (touched) => [
  ...(touches(touched, 'mapping', 'models') ? [{ queryKey: frameworkKeys.mapping() }] : []),
  ...(touches(touched, 'mapping', 'assets', 'parties', 'settings', 'models', 'inventory') ? [{ queryKey: [...frameworkKeys.all, 'ownership'] }] : [])
];
