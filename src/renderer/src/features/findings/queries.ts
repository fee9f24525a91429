import { useQuery } from '@tanstack/react-query';
import { call } from '../../lib/api';
import { touches, WORKBOOK, type RefreshRule } from '../../lib/refresh';

export const findingKeys = {
  all: [WORKBOOK, 'findings'] as const,
  summary: () => [...findingKeys.all, 'summary'] as const
};

/** Findings grouped by code. */
export function useFindingSummary() {
  return useQuery({ queryKey: findingKeys.summary(), queryFn: () => call('findings.summary', {}) });
}

/** Findings follow assets, parties (standing, names), settings (review period, default teams) and models. */
export const refreshFindings: RefreshRule = (touched) =>
  touches(touched, 'assets', 'parties', 'settings', 'models', 'inventory') ? [{ queryKey: findingKeys.all }] : [];
