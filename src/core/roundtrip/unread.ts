/**
 * The columns of an export that are NOT read back, each said once: the Matrix's Model and its
 * per-layer responsibility and Accountable, the RACI sheet's (and CSV's) Published, and the
 * asset's criticality, data classification and environment on both. An edit there is never taken;
 * it is named in a warning by its cell — but only when the sheet changed it: the sheet's value is
 * compared with Demarc's now while reading (S ≠ D), then with the value at the export (settle.ts:
 * S ≠ E), so a value Demarc changed after the export that the sheet still shows as exported says
 * nothing. Pure.
 */
import { ASSET_ATTRIBUTES, ATTRIBUTE_VOCABULARY, attributeLabel, type AssetAttribute } from '@shared/asset-attributes';
import type { ReportLayer } from '@shared/report';
import { PUBLISHED_HEADER, accountableHeader } from '../export-model-cells';
import { nameKey } from './party-names';
import { joinNames, type DiffedAsset } from './shown';

interface UnreadSpec {
  /** Where the column is: "the Matrix's", "the RACI sheet's". */
  where: string;
  /** Its header (a layer's column: from the layer's title). */
  header: (layerTitle: string) => string;
  /** What the warning calls it. */
  label: string;
  /** A layer's column (one per layer) or the asset's. */
  perLayer: boolean;
  /** The value the export writes for the asset (and layer). */
  shown: (asset: DiffedAsset, layer: ReportLayer | null) => string | null;
  /** Why it is not read, and where the value is changed instead. */
  why: string;
}

function attributeColumn(attribute: AssetAttribute): UnreadSpec {
  const { label, cliName } = ATTRIBUTE_VOCABULARY[attribute];
  return {
    where: "the Matrix's or RACI sheet's",
    header: () => label,
    label,
    perLayer: false,
    shown: (asset) => attributeLabel(attribute, asset[attribute]),
    why: `an asset's ${label.toLowerCase()} is set in Demarc (the asset panel, Set criticality… on the grid, or demarc assign --where … --${cliName} …)`
  };
}

export const UNREAD = {
  model: {
    where: "the Matrix's",
    header: () => 'Model',
    label: 'Model',
    perLayer: false,
    shown: (asset) => asset.modelId,
    why: 'the model an asset is read under is changed in Demarc (Inventory › Model), where its layers, overrides and roles are moved with a preview'
  },
  responsibility: {
    where: "the Matrix's",
    header: (layerTitle) => layerTitle,
    label: 'responsibility',
    perLayer: true,
    shown: (_asset, layer) => layer?.responsibility ?? null,
    why: "a layer's responsibility is read from the RACI sheet's Responsibility column"
  },
  accountable: {
    where: "the Matrix's",
    header: accountableHeader,
    label: 'Accountable',
    perLayer: true,
    shown: (_asset, layer) => (layer === null ? null : joinNames(layer.A)),
    why: "a layer's Accountable is read from the RACI sheet's A column"
  },
  published: {
    where: "the RACI sheet's",
    header: () => PUBLISHED_HEADER,
    label: PUBLISHED_HEADER,
    perLayer: true,
    shown: (_asset, layer) => layer?.published ?? null,
    why: 'it is what the responsibility model says; to change who carries a layer, edit Responsibility (an override, with a justification)'
  },
  ...(Object.fromEntries(ASSET_ATTRIBUTES.map((a) => [a, attributeColumn(a)])) as Record<AssetAttribute, UnreadSpec>)
} as const satisfies Record<string, UnreadSpec>;
export type UnreadColumn = keyof typeof UNREAD;

/** The value of a column that is not read back, as the export wrote it for the asset (and layer). */
export function unreadShown(asset: DiffedAsset, layer: ReportLayer | null, column: UnreadColumn): string | null {
  const spec: UnreadSpec = UNREAD[column];
  if (spec.perLayer && layer === null) return null;
  return spec.shown(asset, layer);
}

/** Whether a cell of such a column shows a value (compared by its text, case and spacing aside). */
export function sameUnread(sheet: string | null, shown: string | null): boolean {
  // The common case, a value left as exported, answered without comparing keys: a million rows pass here.
  if (sheet === shown) return true;
  return nameKey(sheet ?? '') === nameKey(shown ?? '');
}

/**
 * Where the columns that are not read back are in a Matrix sheet (every header the round trip does
 * not read, by its compared text): the Model's and each layer's, looked up by header once per
 * sheet and layer title, not once per row.
 */
export class UnreadHeaders {
  private readonly found = new Map<UnreadColumn, Map<string, number>>();

  constructor(private readonly byKey: ReadonlyMap<string, number>) {}

  /** The column of `column` for a layer of that title (the asset's columns: any title), or undefined. */
  at(column: UnreadColumn, layerTitle: string): number | undefined {
    let titles = this.found.get(column);
    if (titles === undefined) this.found.set(column, (titles = new Map<string, number>()));
    let at = titles.get(layerTitle);
    if (at === undefined) titles.set(layerTitle, (at = this.byKey.get(nameKey(UNREAD[column].header(layerTitle))) ?? -1));
    return at < 0 ? undefined : at;
  }
}

/** An edit in a column that is not read back. */
export interface UnreadEdit {
  cell: string;
  assetId: number;
  assetName: string;
  layerId: string | null;
  column: UnreadColumn;
  /** The column's header, as the sheet has it. */
  header: string;
  /** The sheet's value (null when empty). */
  sheet: string | null;
}

/** Listed cells per column before the rest are counted. */
const LISTED_UNREAD = 20;

/**
 * The edits made in columns that are not read back, named by cell in one warning per column (the
 * first ones; the rest counted): never dropped silently.
 */
export function unreadWarnings(unread: readonly UnreadEdit[]): string[] {
  return (Object.keys(UNREAD) as UnreadColumn[]).flatMap((column) => {
    const edits = unread.filter((u) => u.column === column);
    if (edits.length === 0) return [];
    const { where, label, why } = UNREAD[column];
    const listed = edits.slice(0, LISTED_UNREAD).map((u) => `${u.cell} (${u.assetName}, "${u.header}": ${u.sheet === null ? '(empty)' : JSON.stringify(u.sheet)})`);
    const more = edits.length > LISTED_UNREAD ? ` and ${edits.length - LISTED_UNREAD} more` : '';
    const many = edits.length !== 1;
    return [
      `${edits.length} edit${many ? 's' : ''} in ${where} ${label} column${many ? 's are' : ' is'} not read back, so not applied: ${listed.join('; ')}${more}. ${why[0]!.toUpperCase()}${why.slice(1)}.`
    ];
  });
}
