/**
 * Damaged references and their repair: rows naming a party the workbook does not hold (RACI rows,
 * an asset's owner) and rows on a layer the asset's model does not have (overrides, notes, RACI
 * rows). Reading them never writes; a repair is one logged, undoable edit, previewed first.
 */
import { z } from 'zod';
import { idSchema, layerIdSchema, line, LIMITS } from './bounds';

/** A damaged reference named as stored: a party id, or a layer id (any text a hand edit left, bounded). */
export const ReferenceTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('party'), partyId: idSchema }).strict(),
  z.object({ kind: z.literal('layer'), layerId: line(LIMITS.name).min(1) }).strict()
]);

export const referenceMethods = {
  /** The damage of the workbook (or of one asset): each missing party and unknown layer, with what names it. */
  'references.damage': z.object({ assetId: idSchema.optional() }).strict(),
  /**
   * Repairs the rows naming one missing party or one unknown layer (on `assetIds` only, when given):
   * `remove` drops them (an owner naming the party is cleared); `reassign` gives a missing party's
   * roles and assets to a party in the list; `move` puts an unknown layer's rows on a layer of the
   * asset's model. `preview`: say what it would do, write nothing.
   */
  'references.repair': z
    .object({
      target: ReferenceTargetSchema,
      action: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('remove') }).strict(),
        z.object({ kind: z.literal('reassign'), partyId: idSchema }).strict(),
        z.object({ kind: z.literal('move'), layerId: layerIdSchema }).strict()
      ]),
      assetIds: z.array(idSchema).min(1).max(LIMITS.ids).optional(),
      preview: z.boolean().optional()
    })
    .strict()
    .refine((q) => q.action.kind === 'remove' || (q.action.kind === 'reassign') === (q.target.kind === 'party'), {
      message: 'a missing party is reassigned to a party, an unknown layer is moved to a layer',
      path: ['action']
    })
};

/** A party id that rows name and the workbook does not hold. */
export interface MissingPartyDamage {
  partyId: number;
  /** RACI rows naming it. */
  assignments: number;
  /** Assets it owns. */
  owners: number;
  /** Distinct assets holding either. */
  assets: number;
}

/** A layer id that rows are on and the asset's model does not have. */
export interface UnknownLayerDamage {
  layerId: string;
  overrides: number;
  notes: number;
  assignments: number;
  assets: number;
  /** Layers of the affected assets' models the rows could move to (shared by all of them), id and title. */
  moveTo: { id: string; title: string }[];
}

export interface ReferenceDamage {
  missingParties: MissingPartyDamage[];
  unknownLayers: UnknownLayerDamage[];
}

/** What a repair did, or would do (preview). */
export interface ReferenceRepairResult {
  preview: boolean;
  /** The change log's summary (and the undo step's label). */
  summary: string;
  /** Assets whose rows it changes. */
  assets: number;
  /** Rows it removes, moves or reassigns. */
  rows: number;
  /** Up to 200 lines naming asset, layer and row. */
  examples: string[];
}

export interface ReferenceOutputs {
  'references.damage': ReferenceDamage;
  'references.repair': ReferenceRepairResult;
}
