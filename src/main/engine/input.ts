/**
 * Reading the engine's input from a workbook: the whole of it, or one page of assets with what
 * they need. The loaded state and its cache live in engine-state.ts.
 */
import { FINDING_ASSET_FIELDS, type EngineInput, type FindingAsset } from '@core/engine-input';
import type { SignOffRecord } from '@shared/sign-off';
import { RACI_ASSET_FIELDS, type EnginePages, type RaciAsset } from '@core/report';
import { BUILTIN_MODELS, ModelError, modelTable, parseModel } from '@core/models';
import type { Asset, Party, ResponsibilityModel, WorkbookSettings } from '@shared/domain';
import { DemarcError } from '@shared/errors';
import { listAssetFields, listAssets, type AssetSlice } from '../store/repos/assets';
import { listCustomModels } from '../store/repos/custom-models';
import { readSettings } from '../store/repos/meta';
import { listNotes } from '../store/repos/notes';
import { listParties } from '../store/repos/parties';
import { listAssignments, listOverrides, type AssetIdScope } from '../store/repos/responsibility';
import { listOpenActionRows } from '../store/repos/workshops';
import { listSignOffItems, listSignOffRecords } from '../store/repos/sign-offs';
import type { Db } from '../store/workbook-file';
import { actorName, type OpenWorkbook, type ServiceContext } from '../services/context';

/** Custom models stored in the workbook, parsed; a broken row is reported rather than skipped. */
export function loadCustomModels(db: Db): ResponsibilityModel[] {
  return listCustomModels(db).map((row) => {
    try {
      return parseModel(JSON.parse(row.json) as unknown, `custom model "${row.id}"`);
    } catch (error) {
      const message = error instanceof ModelError || error instanceof Error ? error.message : String(error);
      throw new DemarcError('BAD_FILE', `The workbook's custom model "${row.id}" cannot be read: ${message}`);
    }
  });
}

/** Every model the workbook can use: the built-in ones, then its imported ones. */
export function loadModels(db: Db): Record<string, ResponsibilityModel> {
  return modelTable([...Object.values(BUILTIN_MODELS), ...loadCustomModels(db)]);
}

/**
 * The engine input around assets already read: what they share (settings, models, parties) and
 * their overrides and assignments, those of an id range when the assets are one.
 */
export function engineInputOf(
  db: Db,
  ctx: ServiceContext,
  assets: Asset[],
  scope?: { fromId: number; toId: number }
): EngineInput {
  return {
    settings: readSettings(db, actorName(ctx)),
    models: loadModels(db),
    assets,
    parties: listParties(db),
    overrides: listOverrides(db, scope),
    assignments: listAssignments(db, scope),
    notes: listNotes(db, scope),
    actions: listOpenActionRows(db, scope),
    signOffs: { records: listSignOffRecords(db), items: listSignOffItems(db, scope) },
    now: ctx.clock()
  };
}

/** Reads everything the engine needs from the workbook. */
export function loadEngineInput(wb: { db: Db }, ctx: ServiceContext): EngineInput {
  return engineInputOf(wb.db, ctx, listAssets(wb.db));
}

/**
 * The engine input of a page of assets in id order (offset, limit): those assets with their own
 * overrides and assignments, and the whole of what they share (settings, models, parties). Since
 * findings are per asset, a state built from it answers that page exactly as the whole one would.
 */
export function loadPageInput(db: Db, ctx: ServiceContext, offset: number, limit: number): EngineInput {
  const assets = listAssets(db, { offset, limit });
  return engineInputOf(db, ctx, assets, { fromId: assets[0]?.id ?? 0, toId: assets[assets.length - 1]?.id ?? -1 });
}

/** What every page of a workbook shares: read once per pass source, not once per page. */
export interface SharedInput {
  settings: WorkbookSettings;
  models: Record<string, ResponsibilityModel>;
  parties: Party[];
  /** The sign-offs themselves (a few rows; their items, one per covered asset, come with each page). */
  signOffRecords: SignOffRecord[];
  now: string;
}

export function readSharedInput(db: Db, ctx: ServiceContext): SharedInput {
  return {
    settings: readSettings(db, actorName(ctx)),
    models: loadModels(db),
    parties: listParties(db),
    signOffRecords: listSignOffRecords(db),
    now: ctx.clock()
  };
}

/** Assets per page of a paged pass: a few MB of report text, a few ms of work each. */
export const ASSETS_PER_PAGE = 1000;

/**
 * The workbook as pages of engine input in id order: each page's assets with their own overrides,
 * assignments, notes, open actions and sign-off items, and what they share (read once, here). Each pass reads the pages afresh with
 * keyset queries, one short statement per page, so other statements may run between two pages.
 * A pass refuses to go on once the workbook has been written to since the source was made: its
 * pages would not be one revision of the workbook.
 */
export function workbookPages(wb: OpenWorkbook, ctx: ServiceContext, pageSize = ASSETS_PER_PAGE): WorkbookPages {
  const shared = readSharedInput(wb.db, ctx);
  return {
    shared,
    pages: pagesOf(wb, shared, (slice) => listAssets(wb.db, slice), pageSize, true),
    raciPages: pagesOf(wb, shared, (slice) => raciAssets(wb.db, slice), pageSize, false)
  };
}

/** A workbook's pages: what they share, and fresh passes over them. */
export interface WorkbookPages {
  shared: SharedInput;
  /** The whole engine input of each page (what the findings and the report read). */
  pages: EnginePages;
  /** Each page read as far as the RACI table needs (its assets' layers, names and attributes; no actions or sign-offs). */
  raciPages: EnginePages<RaciAsset>;
}

/** The same pages with only the fields the findings read of each asset (FINDING_ASSET_FIELDS): for a pass that wants only findings. */
export function findingPages(wb: OpenWorkbook, ctx: ServiceContext, pageSize = ASSETS_PER_PAGE): { shared: SharedInput; pages: EnginePages<FindingAsset> } {
  const shared = readSharedInput(wb.db, ctx);
  return { shared, pages: pagesOf(wb, shared, (slice) => listAssetFields(wb.db, FINDING_ASSET_FIELDS, slice), pageSize, true) };
}

/**
 * Passes over the pages of the assets `read` gives, each page with its assets' own overrides,
 * assignments and notes, and, when `findings`, the open actions and sign-off items the findings read.
 */
function pagesOf<A extends Pick<Asset, 'id'>>(
  wb: OpenWorkbook,
  shared: SharedInput,
  read: (slice: { afterId: number; limit: number }) => A[],
  pageSize: number,
  findings: boolean
): EnginePages<A> {
  const revision = wb.revision;
  const { signOffRecords, ...rest } = shared;
  return function* pages(): Generator<EngineInput<A>> {
    for (let afterId = 0; ; ) {
      if (wb.revision !== revision) throw new WorkbookChanged();
      const assets = read({ afterId, limit: pageSize });
      if (assets.length === 0) return;
      const scope = { fromId: assets[0]!.id, toId: assets[assets.length - 1]!.id };
      yield {
        ...pageInput(wb.db, rest, assets, scope),
        ...(findings ? { actions: listOpenActionRows(wb.db, scope), signOffs: { records: signOffRecords, items: listSignOffItems(wb.db, scope) } } : {})
      };
      if (assets.length < pageSize) return;
      afterId = scope.toId;
    }
  };
}

/** What the pages share besides the sign-offs (which only the findings read). */
export type PageShared = Omit<SharedInput, 'signOffRecords'>;

/**
 * One page of what the RACI table and the round trip read of each asset (RACI_ASSET_FIELDS): the
 * assets `slice` names, in id order, with their own overrides, assignments and notes — a page of
 * `raciPages` for a reader that picks its own pages (the round trip follows the sheet's rows).
 */
export function raciPageInput(db: Db, shared: PageShared, slice: AssetSlice): EngineInput<RaciAsset> {
  const assets = raciAssets(db, slice);
  const scope = 'ids' in slice ? { ids: slice.ids } : { fromId: assets[0]?.id ?? 0, toId: assets[assets.length - 1]?.id ?? -1 };
  return pageInput(db, shared, assets, scope);
}

const raciAssets = (db: Db, slice: AssetSlice): RaciAsset[] => listAssetFields(db, RACI_ASSET_FIELDS, slice);

/** Some assets with their own overrides, assignments and notes (`scope` names them), and what every page shares. */
function pageInput<A extends Pick<Asset, 'id'>>(db: Db, shared: PageShared, assets: A[], scope: AssetIdScope): EngineInput<A> {
  return { ...shared, assets, overrides: listOverrides(db, scope), assignments: listAssignments(db, scope), notes: listNotes(db, scope) };
}

/** A paged pass found the workbook written to since it began. */
export class WorkbookChanged extends DemarcError {
  constructor() {
    super('CANCELLED', 'The workbook changed while it was being read; nothing was written.');
  }
}
