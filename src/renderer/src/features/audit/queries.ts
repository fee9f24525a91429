import { useMutation, useQuery } from '@tanstack/react-query';
import type { ExportSince } from '@shared/contract/export';
import { call } from '../../lib/api';
import { WORKBOOK, type RefreshRule } from '../../lib/refresh';

/** A window of the change log: from a day or an export kept from then, to a day (to: now when null). */
export interface DiffRange {
  since: ExportSince;
  to: string | null;
}

const baselineKey = (since: ExportSince) => ('from' in since ? `date:${since.from}` : `export:${since.fromExport}`);

export const auditKeys = {
  all: [WORKBOOK, 'audit'] as const,
  diff: (range: DiffRange) => [...auditKeys.all, 'diff', baselineKey(range.since), range.to ?? 'now'] as const
};

/** The contract's window for a range. */
export const diffWindow = (range: DiffRange) => ({ ...range.since, ...(range.to ? { to: range.to } : {}) });

/** What changed in a window of the change log; nothing is asked until a range is chosen. */
export function useDiff(range: DiffRange | null) {
  return useQuery({
    queryKey: auditKeys.diff(range ?? { since: { from: '' }, to: null }),
    queryFn: () => call('audit.diff', range === null ? { from: '' } : diffWindow(range)),
    enabled: range !== null
  });
}

/** Saves the comparison on its own (main asks where with the save dialog): the sheet as xlsx, or JSON. */
export function useSaveDiff() {
  return useMutation({
    mutationFn: ({ range, format }: { range: DiffRange; format: 'xlsx' | 'json' }) => call('audit.exportDiff', { ...diffWindow(range), format })
  });
}

/** Every committed write adds a change-log entry: a comparison on screen is read again. */
export const refreshAudit: RefreshRule = () => [{ queryKey: auditKeys.all }];
