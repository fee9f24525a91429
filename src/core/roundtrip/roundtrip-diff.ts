/**
 * The diff of an edited export against the workbook as it is now, a page of assets at a time: the
 * caller hands the rows of a page together with the report entries of the assets they name, and
 * every cell whose value differs from Demarc's becomes a candidate change (before → after);
 * unchanged cells cost one comparison and are not kept, so a million-row sheet with fifty edits
 * yields fifty candidates. Whether a candidate is the sheet's edit, Demarc's, or both (a conflict)
 * is settled afterwards against the value at the export (settle.ts). Rows of assets that no longer
 * exist, or added by hand, are listed apart; cells that cannot be taken are problems named by sheet
 * and cell. Pure: the reader in main feeds rows, the service plans and checks the rules.
 */
import { RESPONSIBILITIES } from '@shared/domain';
import type { Responsibility, ServiceModel } from '@shared/domain';
import type { ReportLayer, ReportModel, ReportParty } from '@shared/report';
import type { RoundTripApartRow, RoundTripChange, RoundTripField, RoundTripProblem } from '@shared/contract/roundtrip';
import { UNCLASSIFIED_LABEL, columnLabel } from '../export-model-cells';
import { ASSET_ATTRIBUTES, type AssetAttribute } from '@shared/asset-attributes';
import { PartyDirectory, nameKey, splitNames } from './party-names';
import { cleanText, joinNames, sameShown, shownValue, type DiffedAsset } from './shown';
import { cellRef, cellText, isEmptyCell, type ColumnsOf, type MATRIX_READ, type RACI_READ, type ReadCell, type ReadRow } from './sheet-cells';
import { UNREAD, sameUnread, unreadShown, type UnreadColumn, type UnreadEdit, type UnreadHeaders } from './unread';

export type { UnreadEdit } from './unread';

/** What a change sets, resolved: party ids (or names of parties to create), a word, or text. */
export type PlannedValue =
  | { kind: 'parties'; ids: number[]; create: string[] }
  | { kind: 'owner'; id: number | null; create: string | null }
  | { kind: 'serviceModel'; value: ServiceModel | null }
  | { kind: 'responsibility'; value: Responsibility }
  | { kind: 'text'; value: string };

export interface PlannedChange extends RoundTripChange {
  value: PlannedValue;
}

export interface DiffOptions {
  /** Names that are no party become new parties instead of errors. */
  createParties: boolean;
}

const ROLE_FIELDS = ['R', 'A', 'C', 'I'] as const;

/** What the diff needs of the report besides its assets: the models in use and the parties. */
export interface DiffedHead {
  models: readonly ReportModel[];
  parties: readonly ReportParty[];
}

export class RoundTripDiffer {
  /** Cells whose value differs from Demarc's now (settled against the export afterwards). */
  readonly changes: PlannedChange[] = [];
  readonly unread: UnreadEdit[] = [];
  readonly apart: RoundTripApartRow[] = [];
  readonly errors: RoundTripProblem[] = [];
  readonly newParties = new Map<string, string>();
  rows = 0;
  private page = new Map<number, DiffedAsset>();
  private readonly models: Map<string, ReportModel>;
  private readonly parties: PartyDirectory<ReportParty>;
  /** Per sheet kind, the layers (bits by position in the asset's model) already read of each asset. */
  private readonly seenLayers = new Map<number, number>();
  /** The asset whose RACI rows come now (its rows follow one another) and its layers read so far, written back when the next comes. */
  private seenAsset: number | null = null;
  private seenBits = 0;
  /** The attributes' values shown for the asset compared last (its RACI rows follow one another). */
  private attributesOf: DiffedAsset | null = null;
  private readonly attributesShown: (string | null)[] = [];
  private readonly seenWide = new Set<string>();
  private readonly seenAssets = new Set<number>();

  constructor(
    head: DiffedHead,
    private readonly options: DiffOptions
  ) {
    this.models = new Map(head.models.map((m) => [m.id, m]));
    this.parties = new PartyDirectory(head.parties);
  }

  /** The report entries of the assets the next rows name (any other id is no asset of the workbook). */
  usePage(assets: Iterable<DiffedAsset>): void {
    this.page = new Map([...assets].map((a) => [a.id, a]));
  }

  /** One row of the RACI sheet (or a continuation sheet). */
  raciRow(row: ReadRow, columns: ColumnsOf<typeof RACI_READ>): void {
    this.rows += 1;
    const asset = this.assetOf(row, columns.assetId!, columns.asset!);
    if (asset === null) return;
    const layerTitle = this.layerTitleOf(row.cells[columns.layer!]);
    let at = -1;
    for (let i = 0; i < asset.layers.length && at < 0; i++) if (asset.layers[i]!.title === layerTitle) at = i;
    if (at < 0) at = asset.layers.findIndex((l) => nameKey(l.title) === nameKey(layerTitle));
    const layer = asset.layers[at];
    if (layer === undefined) {
      this.problem(row.sheet, columns.layer!, row.row, `"${layerTitle}" is not a layer of ${asset.name} (its layers: ${asset.layers.map((l) => l.title).join(', ')}).`);
      return;
    }
    if (this.seenLayer(asset.id, at)) {
      const ref = cellRef(row.sheet, columns.asset!, row.row);
      this.errors.push({ cell: ref, message: `${ref}: ${asset.name}, "${layer.title}" appears again (one row per asset and layer): keep one row.` });
      return;
    }
    this.responsibility(row, columns.responsibility!, asset, layer);
    if (columns.published !== null) this.unreadCell(row, columns.published, asset, layer, 'published');
    this.text(row, columns.justification!, asset, layer, 'justification');
    for (const role of ROLE_FIELDS) this.roleCell(row, columns[role]!, asset, layer, role);
    if (columns.note !== null) this.text(row, columns.note, asset, layer, 'note');
    this.attributes(row, columns, asset);
  }

  /** The layer a RACI row names (the common cell, plain text, read without building cellText's answer). */
  private layerTitleOf(cell: ReadCell | undefined): string {
    if (cell !== undefined && typeof cell.value === 'string' && cell.formula === undefined && cell.date !== true) return cell.value.trim();
    const title = cellText(cell);
    return 'text' in title ? title.text.trim() : '';
  }

  /**
   * One row of the Matrix sheet: the owner and the service model are read; the columns that are
   * not (`unread`: the Model's and each layer's, found by their header) are compared only to name
   * an edit there.
   */
  matrixRow(row: ReadRow, columns: ColumnsOf<typeof MATRIX_READ>, unread: UnreadHeaders): void {
    const asset = this.assetOf(row, columns.assetId!, columns.asset!, false);
    if (asset === null) return;
    if (this.seenAssets.has(asset.id)) {
      const ref = cellRef(row.sheet, columns.asset!, row.row);
      this.errors.push({ cell: ref, message: `${ref}: ${asset.name} appears again (one row per asset): keep one row.` });
      return;
    }
    this.seenAssets.add(asset.id);
    this.owner(row, columns.owner!, asset);
    this.serviceModel(row, columns.serviceModel!, asset);
    this.unreadCell(row, unread.at('model', ''), asset, null, 'model');
    for (const layer of asset.layers) {
      this.unreadCell(row, unread.at('responsibility', layer.title), asset, layer, 'responsibility');
      this.unreadCell(row, unread.at('accountable', layer.title), asset, layer, 'accountable');
    }
    this.attributes(row, columns, asset);
  }

  /** A cell of a column that is not read back: an edit there (differing from Demarc's value now) is kept to be settled and named. */
  private unreadCell(row: ReadRow, at: number | undefined, asset: DiffedAsset, layer: ReportLayer | null, column: UnreadColumn, shown?: string | null): void {
    if (at === undefined) return;
    const cell = row.cells[at];
    const sheet = cell === undefined || cell.value === null ? null : String(cell.value).trim() || null;
    if (sameUnread(sheet, shown === undefined ? unreadShown(asset, layer, column) : shown)) return;
    const header = UNREAD[column].header(layer?.title ?? '');
    this.unread.push({ cell: cellRef(row.sheet, at, row.row), assetId: asset.id, assetName: asset.name, layerId: layer?.layerId ?? null, column, header, sheet });
  }

  private seenLayer(assetId: number, at: number): boolean {
    if (at >= 30) {
      const key = `${assetId}:${at}`;
      if (this.seenWide.has(key)) return true;
      this.seenWide.add(key);
      return false;
    }
    if (assetId !== this.seenAsset) {
      if (this.seenAsset !== null) this.seenLayers.set(this.seenAsset, this.seenBits);
      this.seenAsset = assetId;
      this.seenBits = this.seenLayers.get(assetId) ?? 0;
    }
    if ((this.seenBits & (1 << at)) !== 0) return true;
    this.seenBits |= 1 << at;
    return false;
  }

  /** The asset's criticality, data classification and environment: exported to filter by, not read back. */
  private attributes(row: ReadRow, columns: ColumnsOf<Record<AssetAttribute, string>>, asset: DiffedAsset): void {
    const fresh = asset !== this.attributesOf;
    this.attributesOf = asset;
    for (let i = 0; i < ASSET_ATTRIBUTES.length; i++) {
      const attribute = ASSET_ATTRIBUTES[i]!;
      if (fresh) this.attributesShown[i] = unreadShown(asset, null, attribute);
      this.unreadCell(row, columns[attribute] ?? undefined, asset, null, attribute, this.attributesShown[i]);
    }
  }

  private assetOf(row: ReadRow, idColumn: number, nameColumn: number, listApart = true): DiffedAsset | null {
    const idCell = row.cells[idColumn];
    const id = typeof idCell?.value === 'number' ? idCell.value : typeof idCell?.value === 'string' && /^\s*\d+\s*$/.test(idCell.value) ? Number(idCell.value) : null;
    const asset = id === null ? undefined : this.page.get(id);
    if (asset !== undefined) return asset;
    const nameCell = cellText(row.cells[nameColumn]);
    const name = 'text' in nameCell && nameCell.text.trim() !== '' ? nameCell.text.trim() : null;
    if (id === null) {
      const empty = row.cells.every(isEmptyCell);
      if (!empty && listApart) this.apart.push({ cell: cellRef(row.sheet, idColumn, row.row), assetName: name, reason: 'no asset id: a row added by hand (add the asset in Demarc, then export again)' });
      return null;
    }
    if (listApart) this.apart.push({ cell: cellRef(row.sheet, idColumn, row.row), assetName: name, reason: `asset #${id} is not in this workbook (it was removed, or the row was added by hand)` });
    return null;
  }

  private problem(sheet: string, column: number, row: number, message: string): void {
    const ref = cellRef(sheet, column, row);
    this.errors.push({ cell: ref, message: `${ref}: ${message}` });
  }

  private add(row: ReadRow, column: number, asset: DiffedAsset, layer: ReportLayer | null, field: RoundTripField, after: string | null, value: PlannedValue): void {
    this.changes.push({
      id: `${asset.id}:${layer?.layerId ?? ''}:${field}`,
      assetId: asset.id,
      assetName: asset.name,
      layerId: layer?.layerId ?? null,
      layerTitle: layer?.title ?? null,
      field,
      cell: cellRef(row.sheet, column, row.row),
      before: shownValue(this.models.get(asset.modelId), asset, layer, field),
      after,
      // Settled once the values at the export are known (settle.ts).
      conflict: null,
      value
    });
  }

  private textOf(row: ReadRow, column: number): string | null {
    const cell = row.cells[column];
    // The common cell (empty, or plain text) answered without building cellText's answer: a million rows pass here.
    if (cell === undefined || cell.value === null) return '';
    if (typeof cell.value === 'string' && cell.formula === undefined && cell.date !== true) return cell.value;
    const read = cellText(cell);
    if ('problem' in read) {
      this.problem(row.sheet, column, row.row, read.problem);
      return null;
    }
    return read.text;
  }

  private text(row: ReadRow, column: number, asset: DiffedAsset, layer: ReportLayer, field: 'justification' | 'note'): void {
    const read = this.textOf(row, column);
    // The common cell, as exported: the same text (or none) as Demarc's now.
    if (read === null || read === (layer[field] ?? '')) return;
    const after = cleanText(read) || null;
    if (sameShown(after, shownValue(undefined, asset, layer, field))) return;
    this.add(row, column, asset, layer, field, after, { kind: 'text', value: after ?? '' });
  }

  private responsibility(row: ReadRow, column: number, asset: DiffedAsset, layer: ReportLayer): void {
    const read = this.textOf(row, column);
    if (read === null || read === layer.responsibility) return;
    const word = read.trim().toLowerCase();
    if (word === layer.responsibility) return;
    if (!(RESPONSIBILITIES as readonly string[]).includes(word)) {
      this.problem(row.sheet, column, row.row, `"${read.trim()}" is not a responsibility (one of ${RESPONSIBILITIES.join(', ')}).`);
      return;
    }
    const value = word as Responsibility;
    this.add(row, column, asset, layer, 'responsibility', value, { kind: 'responsibility', value });
  }

  /** Resolves the names of a cell; unknown names are problems (or new parties when allowed). */
  private resolveNames(row: ReadRow, column: number, text: string): { ids: number[]; create: string[]; names: string[] } | null {
    const ids: number[] = [];
    const create: string[] = [];
    const names: string[] = [];
    let failed = false;
    for (const name of splitNames(text, (n) => this.parties.find(n) !== undefined)) {
      const party = this.parties.find(name);
      if (party !== undefined) {
        if (!ids.includes(party.id)) ids.push(party.id);
        names.push(party.name);
      } else if (this.options.createParties) {
        const known = this.newParties.get(nameKey(name)) ?? name.replace(/\s+/g, ' ').trim();
        this.newParties.set(nameKey(name), known);
        if (!create.includes(known)) create.push(known);
        names.push(known);
      } else {
        const suggestion = this.parties.suggest(name);
        this.problem(row.sheet, column, row.row, `'${name}' is not a party${suggestion ? ` — did you mean ${suggestion.name}?` : '.'}`);
        failed = true;
      }
    }
    return failed ? null : { ids, create, names: [...new Set(names)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) };
  }

  private roleCell(row: ReadRow, column: number, asset: DiffedAsset, layer: ReportLayer, role: (typeof ROLE_FIELDS)[number]): void {
    const read = this.textOf(row, column);
    if (read === null) return;
    const before = joinNames(layer[role]);
    if (read.trim() === (before ?? '')) return;
    const resolved = this.resolveNames(row, column, read);
    if (resolved === null) return;
    const after = joinNames(resolved.names);
    if (after === before) return;
    this.add(row, column, asset, layer, role, after, { kind: 'parties', ids: resolved.ids, create: resolved.create });
  }

  private owner(row: ReadRow, column: number, asset: DiffedAsset): void {
    const read = this.textOf(row, column);
    if (read === null || read.trim() === (asset.owner ?? '')) return;
    const resolved = this.resolveNames(row, column, read);
    if (resolved === null) return;
    if (resolved.names.length > 1) {
      this.problem(row.sheet, column, row.row, `an asset has one owner; found "${read.trim()}".`);
      return;
    }
    const after = resolved.names[0] ?? null;
    if (after === asset.owner) return;
    this.add(row, column, asset, null, 'owner', after, { kind: 'owner', id: resolved.ids[0] ?? null, create: resolved.create[0] ?? null });
  }

  /** A service model is one of the columns of the model the asset is read under, by its id or its label. */
  private serviceModel(row: ReadRow, column: number, asset: DiffedAsset): void {
    const read = this.textOf(row, column);
    if (read === null) return;
    const model = this.models.get(asset.modelId);
    const label = (id: ServiceModel | null): string => columnLabel(model, id);
    const key = nameKey(read);
    if (key === nameKey(label(asset.serviceModel))) return;
    const columns = model?.serviceModels ?? [];
    const value = key === '' || key === nameKey(UNCLASSIFIED_LABEL) ? null : columns.find((id) => key === nameKey(id) || key === nameKey(label(id)));
    if (value === undefined) {
      const known = [...columns.map(label), UNCLASSIFIED_LABEL];
      this.problem(row.sheet, column, row.row, `"${read.trim()}" is not a service model of ${model?.name ?? asset.modelId} (one of ${known.join(', ')}).`);
      return;
    }
    if (value === asset.serviceModel) return;
    this.add(row, column, asset, null, 'serviceModel', label(value), { kind: 'serviceModel', value });
  }
}
