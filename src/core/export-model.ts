/**
 * The row model of the RACI workbook: every sheet's columns and rows, computed from a `Report`
 * and the change log. The xlsx and CSV writers in main are dumb: they style by column flags and
 * stream the rows; everything an auditor reads is decided (and unit-tested) here.
 *
 * Rows are produced lazily (`rows()` is a generator) so a 100k-asset × 10-layer workbook is never
 * held in memory twice. Text goes through `truncateCellText`; formula-looking text is kept
 * verbatim (see spreadsheet-safe.ts for why that is safe in xlsx).
 * Pure: no I/O, no node:*, no clock.
 */
import { RESPONSIBILITIES } from '@shared/domain';
import type { ChangeLogEntry } from '@shared/domain';
import type { Report } from '@shared/report';
import { truncateCellText } from './spreadsheet-safe';
import type { ExportModel, ExportOptions, ExportProperties } from './export-model-cells';
import { SHEET_NAMES, layerColumns } from './export-model-cells';
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
import { byPartySheet } from './export-model-by-party';
import { workshopSheet } from './export-model-workshop';
import type { WorkshopMinutes } from '@shared/workshop';

export type {
  ExportCell,
  ExportIdentity,
  ExportListName,
  ExportModel,
  ExportOptions,
  ExportProperties,
  ExportSheet,
  SignOffExport
} from './export-model-cells';
export { RACI_HEADERS, SHEET_NAMES, layerColumns } from './export-model-cells';
export { COVER_EXPORT_ITEMS, IDENTITY_FORMAT, IDENTITY_ITEMS, coverSheet, identitySheet, raciSheet } from './export-model-sheets';

/** Document properties of the workbook exported from `report` with `options`. */
export function exportProperties(report: Report, options: ExportOptions): ExportProperties {
  return {
    title: truncateCellText(`${report.workbook.name}: RACI and shared responsibility`),
    subject: 'Shared-responsibility model and RACI per asset and layer',
    creator: options.exportedBy,
    lastModifiedBy: options.exportedBy,
    company: report.workbook.organisation,
    keywords: 'Demarc; RACI; shared responsibility',
    description: `Exported by Demarc. Logical-content SHA-256: ${options.workbookSha256 ?? 'not computed'}`,
    created: options.exportedAt,
    modified: options.exportedAt
  };
}

/**
 * The whole workbook's row model. Deterministic: the same report, change log and options give the
 * same sheets, rows and properties.
 */
export function buildExportModel(
  report: Report,
  changeLog: readonly ChangeLogEntry[],
  options: ExportOptions,
  /** The workshops' minutes: a Workshop sheet when there are any. */
  workshops: readonly WorkshopMinutes[] = []
): ExportModel {
  const partyNames = [...new Set(report.parties.map((p) => p.name))].filter((n) => n.length > 0);
  const layers = layerColumns(report);
  const identity = identitySheet(options);
  return {
    properties: exportProperties(report, options),
    sheets: [
      coverSheet(report, changeLog, options),
      modelSheet(report),
      matrixSheet(report, layers, options.signOffs),
      raciSheet(report, options.signOffs),
      byPartySheet(report, layers),
      findingsSheet(report, layers),
      signOffsSheet(options.signOffs),
      changeLogSheet(changeLog),
      ...(workshops.length === 0 ? [] : [workshopSheet(workshops)]),
      ...(identity ? [identity] : []),
      listsSheet(partyNames)
    ],
    listRanges: {
      parties: partyNames.length === 0 ? null : `'${SHEET_NAMES.lists}'!$A$2:$A$${partyNames.length + 1}`,
      responsibilities: `'${SHEET_NAMES.lists}'!$B$2:$B$${RESPONSIBILITIES.length + 1}`
    }
  };
}
