import { useQuery } from '@tanstack/react-query';
import { call } from '../../lib/api';
import { touches, WORKBOOK, type RefreshRule } from '../../lib/refresh';

export const findingKeys = {
  all: [WORKBOOK, 'findings'] as const,
  summary: () => [...findingKeys.all, 'summary'] as const,
  damage: (assetId: number | undefined) => [...findingKeys.all, 'damage', assetId ?? 'workbook'] as const
};

/** Findings grouped by code. */
export function useFindingSummary() {
  return useQuery({ queryKey: findingKeys.summary(), queryFn: () => call('findings.summary', {}) });
}

/** Rows naming a party or a layer the workbook does not hold (of one asset when given); they move with the findings. */
export function useReferenceDamage(assetId?: number) {
  return useQuery({ queryKey: findingKeys.damage(assetId), queryFn: () => call('references.damage', assetId === undefined ? {} : { assetId }) });
}

/** Findings follow assets, parties (standing, names), settings (review period, default teams) and models. */
export const refreshFindings: RefreshRule = (touched) =>
  touches(touched, 'assets', 'parties', 'settings', 'models', 'inventory') ? [{ queryKey: findingKeys.all }] : [];
