import { useQuery } from '@tanstack/react-query';
import { call } from '../../lib/api';
import { WORKBOOK, type RefreshRule } from '../../lib/refresh';

/** A window of the change log: from a day to a day (to: now when null). */
export interface DiffRange {
  from: string;
  to: string | null;
}

export const auditKeys = {
  all: [WORKBOOK, 'audit'] as const,
  diff: (range: DiffRange) => [...auditKeys.all, 'diff', range.from, range.to ?? 'now'] as const
};

/** What changed in a window of the change log; nothing is asked until a range is chosen. */
export function useDiff(range: DiffRange | null) {
  return useQuery({
    queryKey: auditKeys.diff(range ?? { from: '', to: null }),
    queryFn: () => call('audit.diff', { from: range?.from ?? '', ...(range?.to ? { to: range.to } : {}) }),
    enabled: range !== null
  });
}

/** Every committed write adds a change-log entry: a comparison on screen is read again. */
export const refreshAudit: RefreshRule = () => [{ queryKey: auditKeys.all }];
