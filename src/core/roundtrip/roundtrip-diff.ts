/**
 * The diff of an edited export against the workbook as it is now: every cell whose value differs
 * becomes a change (before → after), grouped by asset; unchanged rows cost one comparison and are
 * not kept, so a million-row sheet with fifty edits yields fifty changes. Rows of assets that no
 * longer exist, or added by hand, are listed apart; cells that cannot be taken are problems named
 * by sheet and cell. Pure: the reader in main feeds rows, the service plans and checks the rules.
 */
import { RESPONSIBILITIES } from '@shared/domain';
import type { Responsibility, ServiceModel } from '@shared/domain';
import type { ReportAsset, ReportLayer, ReportModel, ReportParty, Report } from '@shared/report';
import type { RoundTripApartRow, RoundTripChange, RoundTripField, RoundTripProblem } from '@shared/contract/roundtrip';
import { normaliseLineBreaks } from '../spreadsheet-safe';
import { UNCLASSIFIED_LABEL, columnLabel } from '../export-model-cells';
import { PartyDirectory, nameKey, splitNames } from './party-names';
import { cellRef, cellText, type ColumnsOf, type MATRIX_READ, type RACI_READ, type ReadRow } from './sheet-cells';

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
const joinNames = (names: readonly string[]): string | null => (names.length === 0 ? null : names.join('; '));
const cleanText = (value: string): string => normaliseLineBreaks(value).trim();

/** What the diff reads of the workbook's report: its models, parties and assets (not its findings). */
export type DiffedReport = Pick<Report, 'models' | 'parties' | 'assets'>;

export class RoundTripDiffer {
  readonly changes: PlannedChange[] = [];
  readonly apart: RoundTripApartRow[] = [];
  readonly errors: RoundTripProblem[] = [];
  readonly newParties = new Map<string, string>();
  rows = 0;
  private readonly assets: Map<number, ReportAsset>;
  private readonly models: Map<string, ReportModel>;
  private readonly parties: PartyDirectory<ReportParty>;
  private readonly seen = new Map<string, string>();

  constructor(
    report: DiffedReport,
    private readonly options: DiffOptions
  ) {
    this.assets = new Map(report.assets.map((a) => [a.id, a]));
    this.models = new Map(report.models.map((m) => [m.id, m]));
    this.parties = new PartyDirectory(report.parties);
  }

  /** One row of the RACI sheet (or a continuation sheet). */
  raciRow(row: ReadRow, columns: ColumnsOf<typeof RACI_READ>): void {
    this.rows += 1;
    const asset = this.assetOf(row, columns.assetId!, columns.asset!);
    if (asset === null) return;
    const title = cellText(row.cells[columns.layer!]);
    const layerTitle = 'text' in title ? title.text.trim() : '';
    const layer = asset.layers.find((l) => nameKey(l.title) === nameKey(layerTitle));
    if (layer === undefined) {
      this.problem(row.sheet, columns.layer!, row.row, `"${layerTitle}" is not a layer of ${asset.name} (its layers: ${asset.layers.map((l) => l.title).join(', ')}).`);
      return;
    }
    if (this.duplicate(`${asset.id}:${layer.layerId}`, cellRef(row.sheet, columns.asset!, row.row), `${asset.name}, "${layer.title}"`)) return;
    this.responsibility(row, columns.responsibility!, asset, layer);
    this.text(row, columns.justification!, asset, layer, 'justification', layer.justification);
    for (const role of ROLE_FIELDS) this.roleCell(row, columns[role]!, asset, layer, role);
    if (columns.note !== null) this.text(row, columns.note, asset, layer, 'note', layer.note);
  }

  /** One row of the Matrix sheet: the owner and the service model. */
  matrixRow(row: ReadRow, columns: ColumnsOf<typeof MATRIX_READ>): void {
    const asset = this.assetOf(row, columns.assetId!, columns.asset!, false);
    if (asset === null) return;
    if (this.duplicate(`${asset.id}:`, cellRef(row.sheet, columns.asset!, row.row), asset.name)) return;
    this.owner(row, columns.owner!, asset);
    this.serviceModel(row, columns.serviceModel!, asset);
  }

  private assetOf(row: ReadRow, idColumn: number, nameColumn: number, listApart = true): ReportAsset | null {
    const idCell = row.cells[idColumn];
    const nameCell = cellText(row.cells[nameColumn]);
    const name = 'text' in nameCell && nameCell.text.trim() !== '' ? nameCell.text.trim() : null;
    const id = typeof idCell?.value === 'number' ? idCell.value : typeof idCell?.value === 'string' && /^\s*\d+\s*$/.test(idCell.value) ? Number(idCell.value) : null;
    if (id === null) {
      const empty = row.cells.every((c) => c === undefined || c.value === null || c.value === '');
      if (!empty && listApart) this.apart.push({ cell: cellRef(row.sheet, idColumn, row.row), assetName: name, reason: 'no asset id: a row added by hand (add the asset in Demarc, then export again)' });
      return null;
    }
    const asset = this.assets.get(id);
    if (asset === undefined) {
      if (listApart) this.apart.push({ cell: cellRef(row.sheet, idColumn, row.row), assetName: name, reason: `asset #${id} is not in this workbook (it was removed, or the row was added by hand)` });
      return null;
    }
    return asset;
  }

  private duplicate(key: string, ref: string, what: string): boolean {
    const first = this.seen.get(key);
    if (first === undefined) {
      this.seen.set(key, ref);
      return false;
    }
    this.errors.push({ cell: ref, message: `${ref}: ${what} appears again (first at ${first}); keep one row.` });
    return true;
  }

  private problem(sheet: string, column: number, row: number, message: string): void {
    const ref = cellRef(sheet, column, row);
    this.errors.push({ cell: ref, message: `${ref}: ${message}` });
  }

  private add(row: ReadRow, column: number, asset: ReportAsset, layer: ReportLayer | null, field: RoundTripField, before: string | null, after: string | null, value: PlannedValue): void {
    this.changes.push({
      id: `${asset.id}:${layer?.layerId ?? ''}:${field}`,
      assetId: asset.id,
      assetName: asset.name,
      layerId: layer?.layerId ?? null,
      layerTitle: layer?.title ?? null,
      field,
      cell: cellRef(row.sheet, column, row.row),
      before,
      after,
      // Settled by the service once it knows what Demarc changed since the export.
      conflict: null,
      value
    });
  }

  private textOf(row: ReadRow, column: number): string | null {
    const read = cellText(row.cells[column]);
    if ('problem' in read) {
      this.problem(row.sheet, column, row.row, read.problem);
      return null;
    }
    return read.text;
  }

  private text(row: ReadRow, column: number, asset: ReportAsset, layer: ReportLayer, field: 'justification' | 'note', current: string | null): void {
    const read = this.textOf(row, column);
    if (read === null) return;
    const after = cleanText(read);
    const before = current === null ? '' : cleanText(current);
    // The export cuts text at Excel's cell limit: a cut cell that comes back unchanged is no edit.
    if (after === before || (after.length >= 32_000 && before.startsWith(after.slice(0, 32_000 - 1)))) return;
    this.add(row, column, asset, layer, field, before || null, after || null, { kind: 'text', value: after });
  }

  private responsibility(row: ReadRow, column: number, asset: ReportAsset, layer: ReportLayer): void {
    const read = this.textOf(row, column);
    if (read === null) return;
    const word = read.trim().toLowerCase();
    if (word === layer.responsibility) return;
    if (!(RESPONSIBILITIES as readonly string[]).includes(word)) {
      this.problem(row.sheet, column, row.row, `"${read.trim()}" is not a responsibility (one of ${RESPONSIBILITIES.join(', ')}).`);
      return;
    }
    const value = word as Responsibility;
    this.add(row, column, asset, layer, 'responsibility', layer.responsibility, value, { kind: 'responsibility', value });
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

  private roleCell(row: ReadRow, column: number, asset: ReportAsset, layer: ReportLayer, role: (typeof ROLE_FIELDS)[number]): void {
    const read = this.textOf(row, column);
    if (read === null) return;
    const before = joinNames(layer[role]);
    if (read.trim() === (before ?? '')) return;
    const resolved = this.resolveNames(row, column, read);
    if (resolved === null) return;
    const after = joinNames(resolved.names);
    if (after === before) return;
    this.add(row, column, asset, layer, role, before, after, { kind: 'parties', ids: resolved.ids, create: resolved.create });
  }

  private owner(row: ReadRow, column: number, asset: ReportAsset): void {
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
    this.add(row, column, asset, null, 'owner', asset.owner, after, { kind: 'owner', id: resolved.ids[0] ?? null, create: resolved.create[0] ?? null });
  }

  /** A service model is one of the columns of the model the asset is read under, by its id or its label. */
  private serviceModel(row: ReadRow, column: number, asset: ReportAsset): void {
    const read = this.textOf(row, column);
    if (read === null) return;
    const model = this.models.get(asset.modelId);
    const label = (id: ServiceModel | null): string => columnLabel(model, id);
    const before = label(asset.serviceModel);
    const key = nameKey(read);
    if (key === nameKey(before)) return;
    const columns = model?.serviceModels ?? [];
    const value = key === '' || key === nameKey(UNCLASSIFIED_LABEL) ? null : columns.find((id) => key === nameKey(id) || key === nameKey(label(id)));
    if (value === undefined) {
      const known = [...columns.map(label), UNCLASSIFIED_LABEL];
      this.problem(row.sheet, column, row.row, `"${read.trim()}" is not a service model of ${model?.name ?? asset.modelId} (one of ${known.join(', ')}).`);
      return;
    }
    if (value === asset.serviceModel) return;
    this.add(row, column, asset, null, 'serviceModel', before, label(value), { kind: 'serviceModel', value });
  }
}
