/**
 * Where an import finds an asset's criticality, data classification and environment: the column
 * mapped to it (read by the row builder), else a tag whose key names it (`criticality`,
 * `env`, `data-classification`…: ATTRIBUTE_VOCABULARY's sources). Counted per file so the preview
 * shows where each came from; a tag value outside the vocabulary is said once with its count.
 */
import { ASSET_ATTRIBUTES, ATTRIBUTE_VOCABULARY, attributeValue, attributeValueList, type AssetAttribute, type AttributeValues } from '@shared/asset-attributes';
import type { AttributeReading } from '@shared/contract/import';
import type { ImportRow } from '@shared/import';
import { normaliseHeader } from './mapping';

export type RowAttributes = { [A in AssetAttribute]: AttributeValues[A] | null };

/** One file's tally: per attribute, the rows given a value by a column and by each tag key, and the unread tag values. */
export interface AttributeTally {
  column: Partial<Record<AssetAttribute, number>>;
  tags: Partial<Record<AssetAttribute, Map<string, number>>>;
  /** `attribute\u0000key\u0000value` → rows. */
  unread: Map<string, number>;
}

export const emptyAttributeTally = (): AttributeTally => ({ column: {}, tags: {}, unread: new Map() });

const SOURCE_OF = new Map<string, AssetAttribute>(ASSET_ATTRIBUTES.flatMap((a) => ATTRIBUTE_VOCABULARY[a].sources.map((s) => [s, a] as const)));

/** The attributes a row states (column first, then tags), counted into `tally`. */
export function readRowAttributes(row: ImportRow, tally: AttributeTally): RowAttributes {
  const values: RowAttributes = { criticality: row.criticality ?? null, dataClassification: row.dataClassification ?? null, environment: row.environment ?? null };
  for (const attribute of ASSET_ATTRIBUTES) if (values[attribute] !== null) tally.column[attribute] = (tally.column[attribute] ?? 0) + 1;
  for (const [key, text] of Object.entries(row.tags)) {
    const attribute = SOURCE_OF.get(normaliseHeader(key));
    if (attribute === undefined || values[attribute] !== null || text.trim() === '') continue;
    const value = attributeValue(attribute, text);
    if (value === null) {
      const unread = `${attribute}\u0000${key}\u0000${text}`;
      tally.unread.set(unread, (tally.unread.get(unread) ?? 0) + 1);
      continue;
    }
    (values as Record<AssetAttribute, string | null>)[attribute] = value;
    const keys = (tally.tags[attribute] ??= new Map());
    keys.set(key, (keys.get(key) ?? 0) + 1);
  }
  return values;
}

/** What the preview says of each attribute: the column and tag keys it was read from, with counts. */
export function attributeReadings(tally: AttributeTally, columns: Partial<Record<AssetAttribute, string>>): AttributeReading[] {
  return ASSET_ATTRIBUTES.map((attribute) => ({
    attribute,
    label: ATTRIBUTE_VOCABULARY[attribute].label,
    column: columns[attribute] ?? null,
    fromColumn: tally.column[attribute] ?? 0,
    tags: [...(tally.tags[attribute] ?? new Map<string, number>())].map(([key, rows]) => ({ key, rows }))
  }));
}

/** Tag values that name an attribute but are none of its levels, once per value. */
export function unreadTagWarnings(tally: AttributeTally): string[] {
  return [...tally.unread].map(([entry, rows]) => {
    const [attribute, key, value] = entry.split('\u0000') as [AssetAttribute, string, string];
    return `Tag "${key}" = "${value}" on ${rows.toLocaleString('en-GB')} ${rows === 1 ? 'row' : 'rows'} is not a ${ATTRIBUTE_VOCABULARY[attribute].label.toLowerCase()} (${attributeValueList(attribute)}): left unset; the tag is kept`;
  });
}
