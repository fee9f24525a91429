/**
 * The demarcation picture of the open workbook: facts from SQL (never the whole inventory),
 * composed and drawn by the core. A read: no transaction, no change-log entry.
 */
import { composeAggregates } from '@core/picture/aggregates';
import { diffDrawings } from '@core/picture/diff';
import { drawPicture } from '@core/picture/draw';
import { scopeLabel } from '@core/picture/scope-label';
import { fallbackModelId, readModelId } from '@core/model-references';
import { pictureSvg } from '@core/picture/svg';
import { svgMarkup } from '@core/picture/svg-element';
import type { Party, ResponsibilityModel, WorkbookSettings } from '@shared/domain';
import { DemarcError } from '@shared/errors';
import type { PictureComparison, PictureDrawing, PictureScope, PictureTheme, PictureView } from '@shared/picture';
import { renderPng, type RenderedPng } from '../export/picture-png';
import { getAsset } from '../store/repos/assets';
import { readSettings } from '../store/repos/meta';
import { listParties } from '../store/repos/parties';
import { readPictureFacts } from '../store/repos/picture';
import { actorName, type OpenWorkbook, type ServiceContext } from './context';
import { resolvePictureScope, savedSetName } from './saved-set-filter';
import { loadModels } from '../engine/input';

export interface PictureQuery {
  scope?: PictureScope;
  /** The model to draw (default: the workbook's); its assets are counted. */
  modelId?: string;
  /** One asset's stack, under its own model (scope and modelId are then ignored). */
  assetId?: number;
}

/** What every picture of the workbook reads besides its facts: all small. */
interface PictureSetting {
  settings: WorkbookSettings;
  models: Record<string, ResponsibilityModel>;
  parties: Party[];
}

function settingOf(wb: OpenWorkbook, ctx: ServiceContext): PictureSetting {
  return { settings: readSettings(wb.db, actorName(ctx)), models: loadModels(wb.db), parties: listParties(wb.db) };
}

function modelNamed(setting: PictureSetting, id: string): ResponsibilityModel {
  const model = setting.models[id];
  if (model === undefined) {
    throw new DemarcError('NOT_FOUND', `No responsibility model has id "${id}" (available: ${Object.keys(setting.models).join(', ')}).`);
  }
  return model;
}

/** Draws `model` over the facts of the assets read under `readUnder` in `scope`. */
function draw(
  wb: OpenWorkbook,
  setting: PictureSetting,
  model: ResponsibilityModel,
  readUnder: string,
  scope: PictureScope,
  asset?: { id: number; name: string; serviceModel: string | null }
): PictureDrawing {
  const facts = readPictureFacts(wb.db, { modelId: readUnder, settings: setting.settings, models: setting.models, scope: resolvePictureScope(wb.db, scope) });
  const ctx = { model, parties: setting.parties, settings: setting.settings };
  const byId = new Map(setting.parties.map((p) => [p.id, p]));
  const owner = scope.owner === undefined || scope.owner === 'none' ? null : (byId.get(scope.owner)?.name ?? null);
  return drawPicture({
    model,
    aggregates: composeAggregates(ctx, facts),
    partyOf: (id) => byId.get(id) ?? null,
    scopeLabel: scopeLabel(scope, model, owner, savedSetName(wb.db, scope)),
    ...(asset === undefined ? {} : { asset })
  });
}

/** The picture of a model (default: the workbook's) over a scope, or of one asset. */
export function drawWorkbookPicture(wb: OpenWorkbook, ctx: ServiceContext, query: PictureQuery): PictureDrawing {
  const setting = settingOf(wb, ctx);
  if (query.assetId !== undefined) {
    const asset = getAsset(wb.db, query.assetId);
    if (asset === null) throw new DemarcError('NOT_FOUND', `No asset has id ${query.assetId}.`);
    const modelId = readModelId(asset, setting.settings, setting.models);
    const model = modelNamed(setting, modelId);
    return draw(wb, setting, model, modelId, { ids: [asset.id] }, { id: asset.id, name: asset.name, serviceModel: asset.serviceModel });
  }
  // The default model, or the fallback when the workbook's default is not in it (model-references.ts).
  const modelId = query.modelId ?? fallbackModelId(setting.settings, setting.models);
  return draw(wb, setting, modelNamed(setting, modelId), modelId, query.scope ?? {});
}

/** The picture as a PNG `width` pixels wide, with its drawing (the audit Cover shows it). */
export async function picturePng(
  wb: OpenWorkbook,
  ctx: ServiceContext,
  query: PictureQuery,
  theme: PictureTheme,
  width: number
): Promise<RenderedPng & { drawing: PictureDrawing }> {
  const drawing = drawWorkbookPicture(wb, ctx, query);
  return { ...(await renderPng(svgMarkup(pictureSvg(drawing, { theme })), width)), drawing };
}

/** The drawing with its SVG as the app shows it (light theme; interactive unless told otherwise). */
export function pictureView(
  wb: OpenWorkbook,
  ctx: ServiceContext,
  query: PictureQuery & { interactive?: boolean; idPrefix?: string }
): PictureView {
  const drawing = drawWorkbookPicture(wb, ctx, query);
  return { drawing, svg: pictureSvg(drawing, { interactive: query.interactive ?? true, idPrefix: query.idPrefix ?? 'picture' }) };
}

/**
 * The assets of model `a` in a scope, drawn under `a` and under `b` side by side, the cells where
 * the line moved outlined in both.
 */
export function comparePictures(wb: OpenWorkbook, ctx: ServiceContext, query: { scope?: PictureScope; a: string; b: string }): PictureComparison {
  const setting = settingOf(wb, ctx);
  const scope = query.scope ?? {};
  const a = draw(wb, setting, modelNamed(setting, query.a), query.a, scope);
  const b = draw(wb, setting, modelNamed(setting, query.b), query.a, scope);
  const diff = diffDrawings(a, b);
  return {
    a: { drawing: a, svg: pictureSvg(a, { idPrefix: 'picture-a', highlight: diff.a }) },
    b: { drawing: b, svg: pictureSvg(b, { idPrefix: 'picture-b', highlight: diff.b }) },
    diff
  };
}
