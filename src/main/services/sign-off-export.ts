/**
 * What the export says about sign-offs, read from the file a page of assets at a time (the engine
 * state is never loaded): each covered asset's state today, compared with the state it was signed
 * in, gives every sign-off's status (as listSignOffs gives it) and, per asset × layer, the latest
 * sign-off covering it in the export's words. What is kept is one entry per covered asset × scope
 * (the words the export prints), not the workbook.
 */
import type { SignOffExport } from '@core/export-model';
import { indexEngineInput } from '@core/engine-index';
import type { RaciContext } from '@core/raci';
import type { SignedState } from '@shared/sign-off';
import { workbookPages } from '../engine/input';
import type { OpenWorkbook, ServiceContext } from './context';
import { SignedOffWords, changesSinceSigned, signOffStatus, tallyItem, type StaleTally } from './sign-offs';

export function signOffExport(wb: OpenWorkbook, ctx: ServiceContext, pageSize?: number): SignOffExport {
  const { shared, pages } = workbookPages(wb, ctx, pageSize);
  const records = shared.signOffRecords;
  const recordById = new Map(records.map((r) => [r.id, r]));
  const tallies = new Map(records.map((r): [number, StaleTally] => [r.id, { count: 0, first: null }]));
  const words = new SignedOffWords();
  // Pages come in asset order and a page's items by sign-off, asset, layer: each sign-off sees its
  // items in the order the whole list has them, so its first changed asset is the same.
  for (const page of pages()) {
    const items = page.signOffs?.items ?? [];
    if (items.length === 0) continue;
    const index = indexEngineInput(page);
    const assetById = new Map(page.assets.map((a) => [a.id, a]));
    const contexts = new Map<string, RaciContext>();
    const current = new Map<number, SignedState>();
    for (const item of items) {
      const asset = assetById.get(item.assetId);
      const record = recordById.get(item.signOffId);
      if (asset === undefined || record === undefined) continue;
      const model = index.modelFor(asset).model;
      let raci = contexts.get(model.id);
      if (raci === undefined) contexts.set(model.id, (raci = { model, parties: page.parties, settings: page.settings }));
      const changes = changesSinceSigned(item.state, asset, raci, index.overridesByAsset.get(asset.id) ?? [], index.assignmentsByAsset.get(asset.id) ?? [], current);
      const tally = tallies.get(record.id);
      if (tally) tallyItem(tally, { asset, changes });
      words.add(record, item, changes.length > 0);
    }
  }
  const list = [...records].reverse().map((record) => signOffStatus(wb.db, record, tallies.get(record.id) ?? { count: 0, first: null }));
  return { list, signedOff: (assetId, layerId) => words.signedOff(assetId, layerId) };
}
