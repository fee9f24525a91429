/**
 * What a cell of the RACI or Matrix sheet shows for an asset, as the round trip compares it: the
 * same text whether it is Demarc's value now, the value at the export, or the sheet's value once
 * read and normalised. One function per field, so the three values are always compared alike. Pure.
 */
import type { RoundTripField } from '@shared/contract/roundtrip';
import type { AssetAttribute } from '@shared/asset-attributes';
import type { ReportAsset, ReportLayer, ReportModel } from '@shared/report';
import { normaliseLineBreaks } from '../spreadsheet-safe';
import { columnLabel } from '../export-model-cells';

/**
 * What the round trip reads of an asset's report entry: the cells of the RACI and Matrix sheets
 * show nothing else of it. The review reads no more of each asset than this follows from
 * (core/report.ts diffedEntriesOf, from RACI_ASSET_FIELDS), and keeps the entries a Matrix sheet
 * compared for the RACI sheets after it (services/roundtrip-read.ts).
 */
export type DiffedAsset = Pick<ReportAsset, 'id' | 'name' | 'modelId' | 'owner' | 'serviceModel' | 'layers' | AssetAttribute>;

/** Names as one value: "; " between them, null for none. */
export const joinNames = (names: readonly string[]): string | null => (names.length === 0 ? null : names.length === 1 ? names[0]! : names.join('; '));
/** Text as compared: line breaks normalised, blank space at the ends dropped. */
export const cleanText = (value: string): string => normaliseLineBreaks(value).trim();

/** Excel's limit on a cell's text: the export cuts longer text there. */
const CUT_AT = 32_000;

/** A cell's value for an asset (and a layer for the RACI's fields), as the review shows it; null when empty. */
export function shownValue(model: ReportModel | undefined, asset: DiffedAsset, layer: ReportLayer | null, field: RoundTripField): string | null {
  switch (field) {
    case 'owner':
      return asset.owner;
    case 'serviceModel':
      return columnLabel(model, asset.serviceModel);
    case 'responsibility':
      return layer?.responsibility ?? null;
    case 'justification':
    case 'note': {
      const text = layer?.[field] ?? null;
      return text === null ? null : cleanText(text) || null;
    }
    default:
      return joinNames(layer?.[field] ?? []);
  }
}

/**
 * Whether the sheet's value equals a value Demarc shows. A text the export cut at Excel's limit
 * that comes back unchanged equals the whole text.
 */
export function sameShown(sheet: string | null, shown: string | null): boolean {
  if (sheet === shown) return true;
  return sheet !== null && shown !== null && sheet.length >= CUT_AT && shown.startsWith(sheet.slice(0, CUT_AT - 1));
}
