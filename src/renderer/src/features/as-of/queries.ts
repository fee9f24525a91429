import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { call } from '../../lib/api';
import { WORKBOOK, type RefreshRule } from '../../lib/refresh';

/** Rows per page of the History view's asset table. */
export const AS_OF_PAGE = 50;

export const asOfKeys = {
  all: [WORKBOOK, 'as-of'] as const,
  entries: () => [...asOfKeys.all, 'entries'] as const,
  summary: (moment: string) => [...asOfKeys.all, 'summary', moment] as const,
  assets: (moment: string, text: string, page: number) => [...asOfKeys.all, 'assets', moment, text, page] as const,
  asset: (moment: string, id: number) => [...asOfKeys.all, 'asset', moment, id] as const
};

/** The latest change-log entries, newest first: the moments the History view offers. */
export function useMomentEntries() {
  return useQuery({ queryKey: asOfKeys.entries(), queryFn: () => call('changes.list', { newestFirst: true, limit: 500 }) });
}

/** What the answer stands on, the asset count and the findings as of the moment (nothing asked before one is chosen). */
export function useAsOfSummary(moment: string | null) {
  return useQuery({ queryKey: asOfKeys.summary(moment ?? ''), queryFn: () => call('asOf.summary', { moment: moment ?? '' }), enabled: moment !== null });
}

/** A page of the assets as they were, matching `text`. */
export function useAsOfAssets(moment: string, text: string, page: number) {
  return useQuery({
    queryKey: asOfKeys.assets(moment, text, page),
    queryFn: () => call('asOf.assets', { moment, filter: text === '' ? {} : { text }, offset: page * AS_OF_PAGE, limit: AS_OF_PAGE }),
    placeholderData: keepPreviousData
  });
}

/** One asset as it was. */
export function useAsOfAsset(moment: string, id: number | null) {
  return useQuery({ queryKey: asOfKeys.asset(moment, id ?? 0), queryFn: () => call('asOf.asset', { moment, id: id ?? 0 }), enabled: id !== null });
}

/**
 * Every write adds a change-log entry (the list of moments grows, and an answer counts the entries
 * it undid); a moment that is today moves with it. The answers on screen are read again.
 */
export const refreshAsOf: RefreshRule = () => [{ queryKey: asOfKeys.all }];
