/**
 * The edited export compared with the workbook a page of assets at a time, neither ever held whole.
 * While a sheet names its assets in ascending id order (as the export writes them), each row is
 * compared as it is read: the page holding its asset is read by id range (the asset and the next
 * ones in id order) when the row is past the page read before; the pages a Matrix sheet was
 * compared with are kept for the RACI sheets after it (roundtrip-kept.ts), so every asset is read
 * once. Once a sheet goes back in id order (a participant sorted it), the rows are gathered until
 * they name a page of assets, which is then read by id and compared. Either way the rows are
 * compared in the sheet's order against the same report entries, and only the cells that differ
 * are kept. Once the file is read (its identity sheet comes last), the assets with a differing cell
 * that Demarc changed since the export are rewound to the export through the change log, so each
 * cell is settled three ways (core/roundtrip/settle.ts).
 */
import type { EngineInput } from '@core/engine-input';
import { diffedEntriesOf, reportAssetsOf, type SharedLayers } from '@core/report';
import { RoundTripDiffer, type PlannedChange, type UnreadEdit } from '@core/roundtrip/roundtrip-diff';
import { nameKey } from '@core/roundtrip/party-names';
import { MATRIX_READ, RACI_READ, headerIndex, locateColumns, readColumns, type ColumnsOf, type ReadRow } from '@core/roundtrip/sheet-cells';
import { settle } from '@core/roundtrip/settle';
import { UnreadHeaders } from '@core/roundtrip/unread';
import type { SinceExport } from '@core/roundtrip/since-export';
import type { RoundTripProblem } from '@shared/contract/roundtrip';
import type { ReportAsset, ReportModel } from '@shared/report';
import { ASSETS_PER_PAGE, WorkbookChanged, raciPageInput, readSharedInput, type PageShared } from '../engine/input';
import type { RoundTripSheetHandler, RoundTripTable } from '../export/xlsx-roundtrip-reader';
import { listAssets } from '../store/repos/assets';
import { KeptPages } from './roundtrip-kept';
import { listNotes } from '../store/repos/notes';
import { listAssignments, listOverrides } from '../store/repos/responsibility';
import type { OpenWorkbook, ServiceContext } from './context';
import { workbookReport } from './report';

interface Buffered {
  table: RoundTripTable;
  row: ReadRow;
}

/** The asset id a row names, or null (the differ says why when it compares the row). */
function idOf(row: ReadRow, column: number | null): number | null {
  const value = column === null ? undefined : row.cells[column]?.value;
  if (typeof value === 'number') return value;
  return typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : null;
}

/** A paged comparison of one edited file with the open workbook (see the module comment). */
export class PagedComparison {
  readonly problems: RoundTripProblem[] = [];
  readonly differ: RoundTripDiffer;
  readonly models: ReadonlyMap<string, ReportModel>;
  private readonly raci = new Map<string, ColumnsOf<typeof RACI_READ>>();
  private readonly matrix = new Map<string, { columns: ColumnsOf<typeof MATRIX_READ>; unread: UnreadHeaders }>();
  private readonly shared: PageShared;
  private readonly revision: number;
  private buffered: Buffered[] = [];
  private readonly ids = new Set<number>();
  /** Rows gathered by page (once a sheet went back in id order) instead of compared as read. */
  private gathering = false;
  /** The sheet whose rows came last, the id its last row named, and the ids of the page read by range. */
  private sheet = '';
  private lastId = -Infinity;
  private range: { from: number; to: number } | null = null;
  /** The pages a Matrix sheet was compared with, kept for the RACI sheets (each asset read once). */
  private readonly kept: KeptPages;
  /** The layers of the assets with nothing of their own, computed once for every page (the shared input is the same for all). */
  private readonly sharedLayers: SharedLayers = new Map();

  constructor(
    private readonly wb: OpenWorkbook,
    ctx: ServiceContext,
    createParties: boolean,
    /** Assets compared at once (smaller in tests, to cross page boundaries). */
    private readonly pageSize = ASSETS_PER_PAGE,
    /** Layers of assets' own kept between the sheets (smaller in tests, to pass the limit). */
    keptLayers?: number
  ) {
    this.kept = new KeptPages(keptLayers);
    const head = workbookReport(wb, ctx).head;
    const { signOffRecords: _signOffs, ...shared } = readSharedInput(wb.db, ctx);
    this.shared = shared;
    this.revision = wb.revision;
    this.models = new Map(head.models.map((m) => [m.id, m]));
    this.differ = new RoundTripDiffer(head, { createParties });
  }

  /** How many RACI sheets had a header the round trip could read. */
  get raciSheets(): number {
    return this.raci.size;
  }

  readonly handler: RoundTripSheetHandler = {
    header: (table, sheet, cells) => {
      const located =
        cells === null
          ? { problem: `${sheet}!1: the header row is missing (a row of headers was deleted, merged or moved).` }
          : table === 'raci'
            ? locateColumns(sheet, RACI_READ, cells)
            : locateColumns(sheet, MATRIX_READ, cells);
      if ('problem' in located) {
        this.problems.push({ cell: `${sheet}!1`, message: located.problem });
        return null;
      }
      if (table === 'matrix') {
        // The Matrix's other columns are compared by their header (the Model, each layer's): all read.
        this.matrix.set(sheet, { columns: located.columns as ColumnsOf<typeof MATRIX_READ>, unread: new UnreadHeaders(unreadColumns(cells ?? [])) });
        return null;
      }
      this.raci.set(sheet, located.columns as ColumnsOf<typeof RACI_READ>);
      return readColumns(located.columns);
    },
    row: (table, row) => {
      const id = idOf(row, table === 'raci' ? (this.raci.get(row.sheet)?.assetId ?? null) : (this.matrix.get(row.sheet)?.columns.assetId ?? null));
      if (!this.gathering && row.sheet !== this.sheet) {
        this.sheet = row.sheet;
        this.lastId = -Infinity;
      }
      if (!this.gathering && id !== null && id < this.lastId) {
        this.gathering = true;
        this.kept.clear();
      }
      if (this.gathering) {
        if (id !== null) this.ids.add(id);
        this.buffered.push({ table, row });
        if (this.ids.size >= this.pageSize) this.flush();
        return;
      }
      if (id !== null) {
        this.lastId = id;
        if (this.range === null || id < this.range.from || id > this.range.to) this.readRange(id, table);
      }
      this.compare(table, row);
    }
  };

  /**
   * Reads the page of the assets from `from` on in id order (as many as a page holds) and compares
   * the next rows with it; a RACI sheet's rows first look among the pages the Matrix kept.
   */
  private readRange(from: number, table: RoundTripTable): void {
    if (this.wb.revision !== this.revision) throw new WorkbookChanged();
    const kept = table === 'raci' ? this.kept.covering(from) : undefined;
    if (kept !== undefined) {
      this.differ.usePage(kept.assets);
      this.range = kept;
      return;
    }
    const input = raciPageInput(this.wb.db, this.shared, { afterId: Math.ceil(from) - 1, limit: this.pageSize });
    // When the page is not full it holds every asset from `from` on.
    const to = input.assets.length < this.pageSize ? Infinity : input.assets[input.assets.length - 1]!.id;
    const page = diffedEntriesOf(input, this.sharedLayers);
    this.differ.usePage(page);
    this.range = { from, to };
    if (table === 'matrix') this.kept.keep(from, to, page);
  }

  private compare(table: RoundTripTable, row: ReadRow): void {
    if (table === 'raci') {
      const columns = this.raci.get(row.sheet);
      if (columns) this.differ.raciRow(row, columns);
    } else {
      const at = this.matrix.get(row.sheet);
      if (at) this.differ.matrixRow(row, at.columns, at.unread);
    }
  }

  /** Compares the rows gathered so far with their page of assets, then forgets them. */
  flush(): void {
    if (this.wb.revision !== this.revision) throw new WorkbookChanged();
    if (this.buffered.length === 0) return;
    this.differ.usePage(this.ids.size === 0 ? [] : diffedEntriesOf(raciPageInput(this.wb.db, this.shared, { ids: [...this.ids] }), this.sharedLayers));
    this.range = null;
    for (const { table, row } of this.buffered) this.compare(table, row);
    this.buffered = [];
    this.ids.clear();
  }

  /** The whole engine input of some assets, read by id (to be rewound to the export): their rows and what every asset shares. */
  private pageOf(ids: readonly number[]): EngineInput {
    const scope = { ids };
    const db = this.wb.db;
    return { ...this.shared, assets: listAssets(db, scope), overrides: listOverrides(db, scope), assignments: listAssignments(db, scope), notes: listNotes(db, scope) };
  }

  /**
   * Settles the candidates three ways: the assets Demarc changed since the export (among those with
   * a differing cell) are read again a page at a time and rewound to the export.
   */
  settle(since: SinceExport): { changes: PlannedChange[]; demarcOnly: number; unread: UnreadEdit[] } {
    this.flush();
    const touched = [...new Set([...this.differ.changes, ...this.differ.unread].map((c) => c.assetId))].filter((id) => since.touches(id)).sort((a, b) => a - b);
    const atExport = new Map<number, ReportAsset>();
    for (let i = 0; i < touched.length; i += this.pageSize) {
      for (const asset of reportAssetsOf(since.rewind(this.pageOf(touched.slice(i, i + this.pageSize))))) atExport.set(asset.id, asset);
    }
    return settle(this.differ.changes, this.differ.unread, since, (id) => atExport.get(id), this.models);
  }
}

/** The Matrix's columns that are not read back, by their compared header text. */
function unreadColumns(cells: NonNullable<Parameters<RoundTripSheetHandler['header']>[2]>): Map<string, number> {
  const read = new Set(Object.values(MATRIX_READ).map(nameKey));
  // Every other header may be the Model, a layer's title or its Accountable: the differ asks for those of each asset.
  return new Map([...headerIndex(cells)].filter(([key]) => !read.has(key)));
}
