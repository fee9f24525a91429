import { useQuery } from '@tanstack/react-query';
import { call } from '../../lib/api';
import { findingKeys } from '../../lib/query-keys';

/** Findings grouped by code; refreshed after every edit (the workbook prefix is invalidated). */
export function useFindingSummary() {
  return useQuery({ queryKey: findingKeys.summary(), queryFn: () => call('findings.summary', {}) });
}
