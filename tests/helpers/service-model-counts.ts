import type { ServiceModelCount } from '@shared/domain';

/** Counts by column id ('none' for the unclassified row); a column of two models in use is summed. */
export function countsById(rows: readonly ServiceModelCount[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const row of rows) out[row.serviceModel ?? 'none'] = (out[row.serviceModel ?? 'none'] ?? 0) + row.count;
  return out;
}
