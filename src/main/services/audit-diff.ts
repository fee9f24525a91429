/**
 * `diffWorkbook(wb, ctx, { from | fromExport, to? })`: what changed from the start of day `from`
 * — or after the chain head an earlier export printed — to the end of day `to` (UTC; now when
 * omitted), read from the change log: per asset and layer (overrides, R/A/C/I, owner, service
 * model, model, review, sign-offs), the workbook's own changes (imports, parties, settings,
 * models, scope sign-offs), counts per kind and per person, the assets first seen in the window.
 * The hash chain is walked too: a diff read from a broken log, or from an export whose head is no
 * longer in the chain unchanged, says so. Read only.
 */
import { diffChanges, entryEffects } from '@core/audit/change-diff';
import type { ParsedInput } from '@shared/contract';
import type { DiffReport } from '@shared/audit-diff';
import { readModelId } from '@core/model-references';
import { readSharedInput } from '../engine/input';
import { assetLabels, assetsCreatedBetween } from '../store/repos/asset-labels';
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
  // Names and models of just the assets the window names (the workbook is not loaded for a diff).
  const shared = readSharedInput(wb.db, ctx);
  const labels = assetLabels(wb.db, entries.flatMap((e) => entryEffects(e).flatMap((f) => f.assetIds ?? [])));
  const partyNames = new Map(shared.parties.map((p) => [p.id, p.name]));
  const layersOf = new Map<string | null, { count: number; byId: Map<string, { title: string; index: number }> }>();
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
    assetName: (id) => labels.get(id)?.name ?? null,
    partyName: (id) => partyNames.get(id) ?? `party #${id}`,
    layerOf: (assetId, layerId) => {
      const asset = labels.get(assetId);
      const modelId = asset === undefined ? null : readModelId(asset, shared.settings, shared.models);
      // Each model's layers by id, built once per model the window names.
      let layers = layersOf.get(modelId);
      if (layers === undefined) {
        const list = modelId === null ? [] : (shared.models[modelId]?.layers ?? []);
        layers = { count: list.length, byId: new Map(list.map((l, index) => [l.id, { title: l.title, index }])) };
        layersOf.set(modelId, layers);
      }
      return layers.byId.get(layerId) ?? { title: layerId, index: layers.count };
    },
    added: assetsCreatedBetween(wb.db, from, to)
  });
}
