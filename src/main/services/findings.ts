/** Findings as the app shows them: a summary per code, and pages of individual findings. */
import type { FindingGroup, FindingPage } from '@shared/contract/engine';
import { FINDING_TITLES } from '@core/finding-messages';
import { FINDING_CODES, SEVERITIES, type FindingCode } from '@shared/domain';
import type { EngineState } from '../engine/state';
import type { OpenWorkbook, ServiceContext } from './context';

/** The order of finding groups: worst severity first, then the codes' declared order. */
export function worstFirst(a: Pick<FindingGroup, 'severity' | 'code'>, b: Pick<FindingGroup, 'severity' | 'code'>): number {
  return SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || FINDING_CODES.indexOf(a.code) - FINDING_CODES.indexOf(b.code);
}

/** Findings grouped by code: count, distinct assets, severity, title and the fix. Worst first. */
export function findingsSummary(wb: OpenWorkbook, ctx: ServiceContext): FindingGroup[] {
  return findingGroupsOf(wb.engine.state(ctx));
}

/** The findings of a loaded state grouped by code, worst first. */
export function findingGroupsOf(state: EngineState): FindingGroup[] {
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
    .sort(worstFirst)
    .map(({ assetIds, ...group }) => ({ ...group, assets: assetIds.size }));
}

/** A page of findings, optionally of one code or one asset. */
export function listFindings(
  wb: OpenWorkbook,
  ctx: ServiceContext,
  query: { code?: FindingCode; assetId?: number; offset: number; limit: number }
): FindingPage {
  const state = wb.engine.state(ctx);
  const source = query.assetId === undefined ? state.findings : (state.findingsByAsset.get(query.assetId) ?? []);
  const matching = query.code === undefined ? source : source.filter((f) => f.code === query.code);
  return { total: matching.length, rows: matching.slice(query.offset, query.offset + query.limit) };
}
