/** Findings as the app shows them: a summary per code, and pages of individual findings. */
import type { FindingGroup, FindingPage } from '@shared/contract/engine';
import { FINDING_CODES, SEVERITIES, type FindingCode } from '@shared/domain';
import type { OpenWorkbook, ServiceContext } from './context';
import { engineState } from './engine-state';

/** A short title per finding code, for headings and the CLI. */
export const FINDING_TITLES: Record<FindingCode, string> = {
  UNCLASSIFIED: 'No service model',
  CLASSIFICATION_NEEDS_REVIEW: 'Service model to review',
  NO_OWNER: 'No owner',
  NO_ACCOUNTABLE: 'Not exactly one Accountable',
  NO_RESPONSIBLE: 'Nobody Responsible on the customer side',
  INACTIVE_PARTY: 'Held by someone who left',
  HANDED_TO_PROVIDER: 'Customer duty handed to the provider',
  UNWATCHED_SECURITY_TOOL: 'Security tool nobody watches',
  STALE_REVIEW: 'Review overdue'
};

/** Findings grouped by code: count, distinct assets, severity, title and the fix. Worst first. */
export function findingsSummary(wb: OpenWorkbook, ctx: ServiceContext): FindingGroup[] {
  const state = engineState(wb, ctx);
  const groups = new Map<FindingCode, FindingGroup & { assetIds: Set<number> }>();
  for (const f of state.findings) {
    let group = groups.get(f.code);
    if (group === undefined) {
      group = { code: f.code, severity: f.severity, count: 0, assets: 0, title: FINDING_TITLES[f.code], fix: f.fix, assetIds: new Set() };
      groups.set(f.code, group);
    }
    group.count++;
    group.assetIds.add(f.assetId);
  }
  return [...groups.values()]
    .sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || FINDING_CODES.indexOf(a.code) - FINDING_CODES.indexOf(b.code))
    .map(({ assetIds, ...group }) => ({ ...group, assets: assetIds.size }));
}

/** A page of findings, optionally of one code or one asset. */
export function listFindings(
  wb: OpenWorkbook,
  ctx: ServiceContext,
  query: { code?: FindingCode; assetId?: number; offset: number; limit: number }
): FindingPage {
  const state = engineState(wb, ctx);
  const source = query.assetId === undefined ? state.findings : (state.findingsByAsset.get(query.assetId) ?? []);
  const matching = query.code === undefined ? source : source.filter((f) => f.code === query.code);
  return { total: matching.length, rows: matching.slice(query.offset, query.offset + query.limit) };
}
