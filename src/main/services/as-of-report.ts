/**
 * The report (the documented `demarc report` format) of the workbook as it was at a moment: the
 * as-of state (as-of.ts) read as pages of assets in id order, exactly as the file's pages are read
 * for the report of now, with the moment and what it stands on in the head's `asOf`.
 */
import { reportAssetPages, reportFindingPages, reportHead, reportPages, type EnginePages } from '@core/report';
import type { ReportSource } from '@core/report-source';
import type { EngineState } from '../engine/state';
import { ASSETS_PER_PAGE } from '../engine/input';
import { workbookAsOf } from './as-of';
import type { OpenWorkbook, ServiceContext } from './context';
import { workbookName } from './workbook-service';

/** The state's assets as pages of engine input, each with its own rows (as workbookPages reads the file). */
export function statePages(state: EngineState, pageSize = ASSETS_PER_PAGE): EnginePages {
  const { input } = state;
  const { signOffs } = input;
  return function* pages() {
    for (let from = 0; from < input.assets.length; from += pageSize) {
      const assets = input.assets.slice(from, from + pageSize);
      const ids = new Set(assets.map((a) => a.id));
      const of = <T>(byAsset: Map<number, T[]>): T[] => assets.flatMap((a) => byAsset.get(a.id) ?? []);
      yield {
        ...input,
        assets,
        overrides: of(state.overridesByAsset),
        assignments: of(state.assignmentsByAsset),
        notes: of(state.notesByAsset),
        actions: (input.actions ?? []).filter((a) => ids.has(a.assetId)),
        ...(signOffs ? { signOffs: { records: signOffs.records, items: signOffs.items.filter((i) => ids.has(i.assetId)) } } : {})
      };
    }
  };
}

/** The report of the workbook as it was at `requested` (a day, an instant or `#entry`). */
export function workbookReportAsOf(wb: OpenWorkbook, ctx: ServiceContext, requested: string): ReportSource {
  const { state, info } = workbookAsOf(wb, ctx, requested);
  const { input } = state;
  const head = {
    ...reportHead({
      settings: input.settings,
      models: input.models,
      parties: input.parties,
      workbookName: workbookName(wb.path),
      formatVersion: wb.formatVersion,
      lastChangeAt: info.entry.at,
      assetModels: input.assets
    }),
    asOf: info
  };
  const pages = statePages(state);
  return {
    head,
    assetPages: () => reportAssetPages(pages),
    findingPages: () => reportFindingPages(pages),
    pages: () => reportPages(pages)
  };
}
