/**
 * The vocabulary of the workbook's row model (see export-model.ts): cells, columns, sheets, and
 * the small helpers every sheet builder shares. Pure.
 */
import { ASSET_ATTRIBUTES, ATTRIBUTE_VOCABULARY } from '@shared/asset-attributes';
import type { ChangeLogEntry, PartyKind, ServiceModel } from '@shared/domain';
import type { DiffReport } from '@shared/audit-diff';
import type { SignOffStatus } from '@shared/contract/sign-offs';
import type { ReportHead, ReportModel } from '@shared/report';
import type { ReportSource } from './report-source';
import { normaliseLineBreaks, truncateCellText } from './spreadsheet-safe';

/** One cell: text, a number, or empty. */
export type ExportCell = string | number | null;

/** The drop-down lists the writer attaches to columns, backed by ranges on the hidden Lists sheet. */
export type ExportListName = 'parties' | 'responsibilities';

export interface ExportColumn {
  header: string;
  /** Width in Excel character units. */
  width: number;
  /** Long free text: the writer wraps it. */
  wrap?: boolean;
  /** Cells hold a responsibility word: the writer fills them with that responsibility's colour. */
  responsibilityFill?: boolean;
  /** A drop-down list on every data cell of the column, so a participant can edit in Excel. */
  list?: ExportListName;
}

export interface ExportSheet {
  /** Base name, already safe; the writer continues an overflowing sheet on "Name (2)", ... */
  name: string;
  columns: ExportColumn[];
  /** Data rows (header excluded), known before the sheet is written (progress is planned on them). */
  rowCount: number;
  /** A fresh pass over the data rows; every row has one cell per column. */
  rows: () => Iterable<ExportCell[]>;
  /** Columns kept in view when scrolling right (the header row is always frozen). */
  frozenColumns?: number;
  hidden?: boolean;
}

/** Document properties, with dates as ISO strings. */
export interface ExportProperties {
  title: string;
  subject: string;
  creator: string;
  lastModifiedBy: string;
  company: string;
  keywords: string;
  description: string;
  created: string;
  modified: string;
}

export interface ExportModel {
  properties: ExportProperties;
  /** Sheets in workbook order; the hidden Lists sheet comes last. */
  sheets: ExportSheet[];
  /** Absolute range of each list's values, or null when the list is empty (no validation then). */
  listRanges: Record<ExportListName, string | null>;
}

export interface ExportOptions {
  exportedAt: string;
  exportedBy: string;
  /** The logical-content SHA-256 shown on the Cover (computed in main; see content-hash.ts). */
  workbookSha256?: string;
  /** The change log's chain head (`#<id> sha256:<hex>`), printed on the Cover for `demarc verify --against`. */
  changeLogChainHead?: string | null;
  /**
   * Who the export belongs to, written on the hidden identity sheet so an edited copy is
   * recognised when it comes back (see core/roundtrip). Absent: no identity sheet.
   */
  identity?: ExportIdentity;
  /** Sign-offs: the Sign-offs sheet and the "signed off by / on" columns (none when omitted). */
  signOffs?: SignOffExport;
  /** A baseline the user picked: the "Changes since <date>" sheet and a line on the Cover (none when omitted). */
  changesSince?: DiffReport;
}

/** The workbook an export was made from, and at which point of its change log. */
export interface ExportIdentity {
  /** The workbook's id (meta workbook_id): stays the same across copies and renames. */
  workbookId: string;
  /** The id of the last change-log entry when the export was made (0: none). */
  revision: number;
}

/** What the export says about sign-offs (computed in main from the sign-off service). */
export interface SignOffExport {
  /** Every sign-off with its status, newest first. */
  list: readonly SignOffStatus[];
  /** "Name on YYYY-MM-DD" of the latest sign-off covering an asset × layer (layerId null: the whole asset), ", stale" when it no longer holds. */
  signedOff(assetId: number, layerId: string | null): string | null;
}

/** Sheet names in workbook order. */
export const SHEET_NAMES = {
  cover: 'Cover',
  models: 'Responsibility model',
  matrix: 'Matrix',
  raci: 'RACI',
  byParty: 'By party',
  findings: 'Findings',
  signOffs: 'Sign-offs',
  changeLog: 'Change log',
  /** Hidden: the export's identity (workbook id, revision, content hash), read back on import. */
  identity: 'Demarc',
  workshop: 'Workshop',
  lists: 'Lists'
} as const;

/** Sheets a reader does not see (the identity and the drop-down lists): left out of what an export lists. */
export const HIDDEN_SHEETS: ReadonlySet<string> = new Set([SHEET_NAMES.identity, SHEET_NAMES.lists]);

/** The column naming who signed off an asset (Matrix) or an asset × layer (RACI, CSV), and on which date. */
export const SIGNED_OFF_HEADER = 'Signed off by / on';

/**
 * What the published model says for the asset × layer, beside the responsibility in force. Shown
 * for comparison only: the round trip does not read it back (an edit typed there is reported).
 */
export const PUBLISHED_HEADER = 'Published';

/**
 * Headers of the RACI table, shared by the RACI sheet and the CSV export. Readers match them by
 * text, so a column may be added anywhere; the asset's attributes close the row.
 */
export const RACI_HEADERS = [
  'Asset',
  'Asset id',
  'Layer',
  'Responsibility',
  PUBLISHED_HEADER,
  'Overridden',
  'Justification',
  'R',
  'A',
  'C',
  'I',
  'Comments',
  SIGNED_OFF_HEADER,
  ...ASSET_ATTRIBUTES.map((attribute) => ATTRIBUTE_VOCABULARY[attribute].label)
] as const;

/** The Matrix's column of a layer's Accountable (beside the layer's responsibility, headed by its title). */
export const accountableHeader = (layerTitle: string): string => `A: ${layerTitle}`;

export const KIND_LABELS: Record<PartyKind, string> = {
  person: 'person',
  team: 'team',
  provider: 'provider',
  third_party: 'third party'
};

/** Free text for a cell: empty stays empty, the rest within Excel's cell limit. */
export function text(value: string | null | undefined): ExportCell {
  return value === null || value === undefined || value === ''
    ? null
    : truncateCellText(normaliseLineBreaks(value));
}

export function names(list: readonly string[]): ExportCell {
  if (list.length === 0) return null;
  // One name (the common case) keeps the report's own string, so nothing new is built per row.
  return text(list.length === 1 ? list[0] : list.join('; '));
}

export function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}

/** What the export writes for an asset without a service model (and reads back as none). */
export const UNCLASSIFIED_LABEL = 'Unclassified';

/** A column's label under a report model: its own label, else its id ("Unclassified" for none). */
export function columnLabel(model: ReportModel | undefined, serviceModel: ServiceModel | null): string {
  if (serviceModel === null) return UNCLASSIFIED_LABEL;
  return model?.serviceModelLabels[serviceModel] ?? serviceModel;
}

/** A service model's label under the report model it belongs to ("Unclassified" for none). */
export function serviceModelLabel(head: ReportHead, modelId: string, serviceModel: ServiceModel | null): string {
  return columnLabel(head.models.find((m) => m.id === modelId), serviceModel);
}

/** The columns of the models in use, each once (models in order, then their columns in order), with a label. */
export function serviceModelsInUse(head: ReportHead): { id: ServiceModel; label: string }[] {
  const seen = new Map<ServiceModel, string>();
  for (const model of head.models) for (const id of model.serviceModels) if (!seen.has(id)) seen.set(id, model.serviceModelLabels[id] ?? id);
  return [...seen].map(([id, label]) => ({ id, label }));
}

export function sheet(
  name: string,
  columns: ExportColumn[],
  rowCount: number,
  rows: () => Iterable<ExportCell[]>
): ExportSheet {
  return { name, columns, rowCount, rows };
}

/** Layer ids in column order (the models in use, the default first) → title. */
export function layerColumns(head: ReportHead): Map<string, string> {
  const columns = new Map<string, string>();
  for (const model of head.models) {
    for (const layer of model.layers) if (!columns.has(layer.id)) columns.set(layer.id, layer.title);
  }
  return columns;
}

/** What the workbook export reads: the report a page at a time, and the change log. */
export interface ExportSource extends ReportSource {
  /** A fresh pass over the change log, oldest first (what the sheet shows of each entry). */
  changeLog(): Iterable<Omit<ChangeLogEntry, 'before' | 'after'>>;
  changeLogCount: number;
}
