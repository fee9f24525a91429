/**
 * The row model of the RACI workbook: every sheet's columns and rows, computed from the report
 * (read a page at a time), the change log and the first pass's tally. The xlsx and CSV writers in
 * main are dumb: they style by column flags and stream the rows; everything an auditor reads is
 * decided (and unit-tested) here. The sheets and their columns are declared here once: a new
 * sheet or column is added here and every writer and the content hash follow.
 *
 * Rows are produced lazily (`rows()` is a generator over the report's pages), so a 100k-asset ×
 * 10-layer workbook is never held in memory. Text goes through `truncateCellText`;
 * formula-looking text is kept verbatim (see spreadsheet-safe.ts for why that is safe in xlsx).
 * Pure: no I/O, no node:*, no clock.
 */
import { RESPONSIBILITIES } from '@shared/domain';
import type { ReportHead } from '@shared/report';
import { truncateCellText } from './spreadsheet-safe';
import type { ExportModel, ExportOptions, ExportProperties, ExportSource } from './export-model-cells';
import { SHEET_NAMES } from './export-model-cells';
import {
  changeLogSheet,
  coverSheet,
  findingsSheet,
  identitySheet,
  listsSheet,
  matrixSheet,
  modelSheet,
  raciSheet
} from './export-model-sheets';
import { signOffsSheet } from './export-model-sign-offs';
import { changesSinceSheet } from './export-model-changes';
import { byPartySheet } from './export-model-by-party';
import { ExportTally } from './export-model-totals';
import { workshopSheet, type WorkshopSheetSource } from './export-model-workshop';

export type {
  ExportCell,
  ExportIdentity,
  ExportListName,
  ExportModel,
  ExportOptions,
  ExportProperties,
  ExportSheet,
  ExportSource,
  SignOffExport
} from './export-model-cells';
export { RACI_HEADERS, SHEET_NAMES, layerColumns } from './export-model-cells';
export { COVER_EXPORT_ITEMS, IDENTITY_FORMAT, IDENTITY_ITEMS, coverSheet, identitySheet, raciSheet } from './export-model-sheets';
export { ExportTally } from './export-model-totals';

/** Document properties of the workbook exported from `head` with `options`. */
export function exportProperties(head: ReportHead, options: ExportOptions): ExportProperties {
  return {
    title: truncateCellText(`${head.workbook.name}: RACI and shared responsibility`),
    subject: 'Shared-responsibility model and RACI per asset and layer',
    creator: options.exportedBy,
    lastModifiedBy: options.exportedBy,
    company: head.workbook.organisation,
    keywords: 'Demarc; RACI; shared responsibility',
    description: `Exported by Demarc. Logical-content SHA-256: ${options.workbookSha256 ?? 'not computed'}`,
    created: options.exportedAt,
    modified: options.exportedAt
  };
}

/**
 * The whole workbook's row model, from a source and the tally of a complete first pass over it.
 * Deterministic: the same report, change log and options give the same sheets, rows and properties.
 */
export function buildExportModel(
  source: ExportSource,
  tally: ExportTally,
  options: ExportOptions,
  /** The workshops' decisions and actions: a Workshop sheet when the workbook has workshops. */
  workshops?: WorkshopSheetSource
): ExportModel {
  const { head, layers } = tally;
  const partyNames = [...new Set(head.parties.map((p) => p.name))].filter((n) => n.length > 0);
  const identity = identitySheet(options);
  return {
    properties: exportProperties(head, options),
    sheets: [
      coverSheet(head, tally.cover, source.changeLogCount, options),
      modelSheet(head),
      matrixSheet(source, layers, tally.cover.assets, options.signOffs),
      raciSheet(source, tally.raciRows, options.signOffs),
      byPartySheet(tally.byParty),
      findingsSheet(source, layers, tally.findings),
      signOffsSheet(options.signOffs),
      changeLogSheet(source),
      ...(options.changesSince ? [changesSinceSheet(options.changesSince)] : []),
      ...(workshops === undefined ? [] : [workshopSheet(workshops)]),
      ...(identity ? [identity] : []),
      listsSheet(partyNames)
    ],
    listRanges: {
      parties: partyNames.length === 0 ? null : `'${SHEET_NAMES.lists}'!$A$2:$A$${partyNames.length + 1}`,
      responsibilities: `'${SHEET_NAMES.lists}'!$B$2:$B$${RESPONSIBILITIES.length + 1}`
    }
  };
}

/** The tally of a whole source, taken at once (small workbooks, tests; the writers take it a page at a time). */
export function tallyOf(source: ExportSource): ExportTally {
  const tally = new ExportTally(source.head);
  for (const page of source.pages()) {
    tally.addAssets(page.assets);
    tally.addFindings(page.findings);
  }
  return tally;
}
