import { useQuery } from '@tanstack/react-query';
import { call } from '../../lib/api';
import { touches, WORKBOOK, type RefreshRule } from '../../lib/refresh';

export const signOffKeys = {
  all: [WORKBOOK, 'sign-offs'] as const,
  list: (assetId: number | null) => [...signOffKeys.all, 'list', assetId ?? 'all'] as const
};

/** Sign-offs with their status, newest first; those covering one asset when `assetId` is given. */
export function useSignOffs(assetId: number | null) {
  return useQuery({ queryKey: signOffKeys.list(assetId), queryFn: () => call('signOffs.list', assetId === null ? {} : { assetId }) });
}

/** A sign-off's status follows everything its assets show: their fields, RACI, parties, settings and models. */
export const refreshSignOffs: RefreshRule = (touched) =>
  touches(touched, 'assets', 'parties', 'settings', 'models', 'inventory', 'signOffs') ? [{ queryKey: signOffKeys.all }] : [];

/** The signing key of the person at this computer (not of the workbook): where it is kept, whether it can be, its public key. */
export const signingKeyKeys = { key: ['signing-key'] as const };

export function useSigningKey() {
  return useQuery({ queryKey: signingKeyKeys.key, queryFn: () => call('signing.key', {}) });
}
