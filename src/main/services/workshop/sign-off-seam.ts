/**
 * Who has signed off their part of a workshop's scope: an attendee counts as signed when sign-offs
 * of theirs that still hold (none of what they cover changed since) cover every asset the workshop
 * walked. A sign-off gone stale, or one covering only part of the scope, does not count; the
 * minutes then list the attendee as still to sign.
 */
import type { OpenWorkbook, ServiceContext } from '../context';
import { listSignOffs } from '../sign-offs';

export function signedOffAttendees(wb: OpenWorkbook, ctx: ServiceContext, scope: { assetIds: readonly number[] }): ReadonlySet<number> {
  const state = wb.engine.state(ctx);
  const holding = new Map(listSignOffs(wb, ctx, {}).filter((s) => s.stale === null).map((s) => [s.id, s.partyId]));
  const coveredBy = new Map<number, Set<number>>();
  for (const item of state.input.signOffs?.items ?? []) {
    const partyId = holding.get(item.signOffId);
    if (partyId === undefined || item.layerId !== null) continue;
    let covered = coveredBy.get(partyId);
    if (covered === undefined) coveredBy.set(partyId, (covered = new Set()));
    covered.add(item.assetId);
  }
  const signed = new Set<number>();
  for (const [partyId, covered] of coveredBy) if (scope.assetIds.length > 0 && scope.assetIds.every((id) => covered.has(id))) signed.add(partyId);
  return signed;
}
