/**
 * Notes on an asset × layer: free text a workshop leaves beside the RACI (the export's Comments
 * column). Undoable like any edit; the text is stored as written, trimmed of outer blank space.
 */
import type { AssetDetail } from '@shared/contract/engine';
import type { ParsedInput } from '@shared/contract';
import { DemarcError } from '@shared/errors';
import { assetDetail } from '../engine/asset-detail';
import { modelOf, requireAsset } from '../engine/state';
import type { OpenWorkbook, ServiceContext } from './context';
import type { EditOp } from './edit-ops';
import { writeEdit } from './history';
import { actorOf } from './write';

/** Writes (or, with an empty text, removes) the note of one asset × layer; an unchanged note writes nothing. */
export function setNote(wb: OpenWorkbook, ctx: ServiceContext, input: ParsedInput<'notes.set'>): AssetDetail {
  const state = wb.engine.state(ctx);
  const asset = requireAsset(state, input.assetId);
  const model = modelOf(state, asset);
  const layer = model.layers.find((l) => l.id === input.layerId);
  if (layer === undefined) {
    throw new DemarcError('NOT_FOUND', `The model "${model.name}" has no layer "${input.layerId}" (its layers: ${model.layers.map((l) => l.id).join(', ')}).`);
  }
  const text = input.note.trim();
  const previous = state.notesByAsset.get(asset.id)?.find((n) => n.layerId === layer.id);
  if ((previous?.note ?? '') === text) return assetDetail(wb, ctx, asset.id);
  const row = { assetId: asset.id, layerId: layer.id, note: text, by: actorOf(wb, ctx), at: ctx.clock() };
  const forward: EditOp[] = text === '' ? [{ op: 'deleteNote', assetId: asset.id, layerId: layer.id }] : [{ op: 'putNote', row }];
  const backward: EditOp[] = previous === undefined ? [{ op: 'deleteNote', assetId: asset.id, layerId: layer.id }] : [{ op: 'putNote', row: previous }];
  writeEdit(wb, ctx, {
    action: 'notes.set',
    entity: 'asset',
    entityId: String(asset.id),
    summary: text === '' ? `Removed the note on "${layer.title}" of ${asset.name}` : `Note on "${layer.title}" of ${asset.name}: ${text.length > 80 ? `${text.slice(0, 77)}…` : text}`,
    forward,
    backward,
    before: previous ?? null,
    after: text === '' ? null : row
  });
  return assetDetail(wb, ctx, asset.id);
}
