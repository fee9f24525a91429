/**
 * Damaged party and layer references: an asset's rows that name a party the workbook does not
 * hold (a RACI row), or a layer the model it is read under does not have (an override, a note, a
 * RACI row) — left by a hand edit, an old version or a bad merge. The workbook still opens and
 * reads: such a row holds nothing (a missing party is nobody; a layer the model lacks is not
 * read), the findings name each one (PARTY_MISSING, LAYER_MISSING), and nothing is written until
 * the user repairs them.
 */
import type { FindingCode, LayerNote, LayerOverride, RaciAssignment } from '@shared/domain';

/**
 * The findings a damaged reference raises: a RACI row naming a missing party, rows on an unknown
 * layer, and NO_OWNER (which names an owner id no party has — or, when it is only missing, no
 * damage at all: the damage list then has nothing for the asset).
 */
export const REFERENCE_FINDINGS: ReadonlySet<FindingCode> = new Set(['PARTY_MISSING', 'LAYER_MISSING', 'NO_OWNER']);

/** An asset's rows on one layer its model does not have. */
export interface UnknownLayerRows {
  layerId: string;
  override: LayerOverride | null;
  note: LayerNote | null;
  /** RACI rows, in the order read. */
  assignments: RaciAssignment[];
}

/** The rows of one asset, as the engine groups them. */
export interface AssetRows {
  overrides?: readonly LayerOverride[] | undefined;
  notes?: readonly LayerNote[] | undefined;
  assignments?: readonly RaciAssignment[] | undefined;
}

/** The RACI rows naming a party for which `partyExists` is false, in the order read. */
export function missingPartyRows(assignments: readonly RaciAssignment[] | undefined, partyExists: (id: number) => boolean): RaciAssignment[] {
  return assignments === undefined ? [] : assignments.filter((a) => !partyExists(a.partyId));
}

/**
 * The layers an asset's overrides, notes and RACI rows are on for which `layerExists` is false,
 * each with its rows, in the order first met (overrides, then notes, then RACI rows).
 */
export function unknownLayerRows(rows: AssetRows, layerExists: (layerId: string) => boolean): UnknownLayerRows[] {
  const byLayer = new Map<string, UnknownLayerRows>();
  const entry = (layerId: string): UnknownLayerRows => {
    let found = byLayer.get(layerId);
    if (found === undefined) {
      found = { layerId, override: null, note: null, assignments: [] };
      byLayer.set(layerId, found);
    }
    return found;
  };
  for (const o of rows.overrides ?? []) if (!layerExists(o.layerId)) entry(o.layerId).override = o;
  for (const n of rows.notes ?? []) if (!layerExists(n.layerId)) entry(n.layerId).note = n;
  for (const a of rows.assignments ?? []) if (!layerExists(a.layerId)) entry(a.layerId).assignments.push(a);
  return [...byLayer.values()];
}

/** "an override (shared), a note and 2 RACI rows": what one unknown layer holds, in words. */
export function describeLayerRows(rows: UnknownLayerRows): string {
  const parts: string[] = [];
  if (rows.override !== null) parts.push(`an override (${rows.override.responsibility})`);
  if (rows.note !== null) parts.push('a note');
  const n = rows.assignments.length;
  if (n > 0) parts.push(n === 1 ? `a RACI row (${rows.assignments[0]!.role})` : `${n} RACI rows (${rows.assignments.map((a) => a.role).join(', ')})`);
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`;
}
