import { reportJsonChunks, type ReportSource } from '@core/report-source';

/** The report's JSON text, without the as-of head (the one member a replay's report lacks). */
export function reportText(source: ReportSource): string {
  const { asOf: _asOf, ...head } = source.head;
  return [...reportJsonChunks({ ...source, head })].join('');
}
