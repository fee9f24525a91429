/**
 * `diffWorkbook(wb, ctx, { from | fromExport, to? })`: what changed from the start of day `from`
 * — or after the chain head an earlier export printed — to the end of day `to` (UTC; now when
 * omitted), read from the change log: per asset and layer (overrides, R/A/C/I, owner, service
 * model, model, review, sign-offs), the workbook's own changes (imports, parties, settings,
 * models, scope sign-offs), counts per kind and per person, the assets first seen in the window.
 * The hash chain is walked too: a diff read from a broken log, or from an export whose head is no
 * longer in the chain unchanged, says so. Read only.
 */
import { diffChanges } from '@core/audit/change-diff';
import type { ParsedInput } from '@shared/contract';
import type { DiffReport } from '@shared/audit-diff';
import { modelOf } from '../engine/state';
import { readExportChainHead } from '../export/chain-head-reader';
import { walkChain } from '../store/repos/change-log-chain';
import { listChanges } from '../store/repos/change-log';
import { againstHead, printed } from './audit-verify';
import type { OpenWorkbook, ServiceContext } from './context';

const DAY_MS = 86_400_000;

/** The instant a UTC day starts. */
const startOf = (date: string): string => `${date}T00:00:00.000Z`;
/** The instant the UTC day after `date` starts. */
const endOf = (date: string): string => new Date(Date.parse(startOf(date)) + DAY_MS).toISOString();

/** `fromExport`: the path as the router granted it. */
export async function diffWorkbook(
  wb: OpenWorkbook,
  ctx: ServiceContext,
  query: ParsedInput<'audit.diff'>
): Promise<DiffReport> {
  // Read the export first: a file that is not a Demarc export is refused before anything else.
  const exportHead = query.fromExport === undefined ? null : await readExportChainHead(query.fromExport);
  const state = wb.engine.state(ctx);
  const walk = walkChain(wb.db);
  const baseline =
    exportHead === null || query.fromExport === undefined
      ? null
      : {
          path: query.fromExport,
          head: printed(exportHead).text,
          ...againstHead(wb.db, exportHead, walk.firstBreak?.entryId ?? null, walk.entries)
        };
  const headAt =
    exportHead === null ? undefined : listChanges(wb.db, { afterId: exportHead.id - 1, limit: 1 })[0]?.at;
  const from = query.from === undefined ? (headAt ?? '') : startOf(query.from);
  const to = query.to === undefined ? null : endOf(query.to);
  const entries = listChanges(wb.db, {
    ...(exportHead === null ? { atFrom: from } : { afterId: exportHead.id }),
    ...(to === null ? {} : { atBefore: to })
  });
  const inWindow = (at: string) => at >= from && (to === null || at < to);
  return diffChanges({
    from,
    to: to ?? ctx.clock(),
    entries,
    baseline,
    chain: {
      whole: walk.firstBreak === null,
      message:
        walk.firstBreak === null ? null : `entry #${walk.firstBreak.entryId}: ${walk.firstBreak.message}`
    },
    assetName: (id) => state.assetById.get(id)?.name ?? null,
    layerOf: (assetId, layerId) => {
      const asset = state.assetById.get(assetId);
      const layers = asset === undefined ? [] : modelOf(state, asset).layers;
      const index = layers.findIndex((l) => l.id === layerId);
      return { title: layers[index]?.title ?? layerId, index: index === -1 ? layers.length : index };
    },
    added: state.input.assets
      .filter((a) => inWindow(a.createdAt))
      .map((a) => ({ assetId: a.id, name: a.name }))
  });
}
