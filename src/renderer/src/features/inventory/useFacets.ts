import { useQuery } from '@tanstack/react-query';
import { call } from '../../lib/api';
import { assetKeys } from '../../lib/query-keys';

/** Distinct values with counts for the filter menus. */
export function useFacets() {
  return useQuery({ queryKey: assetKeys.facets(), queryFn: () => call('assets.facets', {}) });
}
