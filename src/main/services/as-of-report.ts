/**
 * The report (the documented `demarc report` format) of the workbook as it was at a moment: the
 * as-of pages (as-of-pages.ts: the file's pages with the later entries undone) read exactly as the
 * file's pages are read for the report of now, with the moment and what it stands on in the
 * head's `asOf`. Streamed: no more than a page of the workbook is held at once.
 */
import { reportAssetPages, reportFindingPages, reportHead, reportPages } from '@core/report';
import type { ReportSource } from '@core/report-source';
import { asOfPages } from './as-of-pages';
import type { OpenWorkbook, ServiceContext } from './context';
import { workbookName } from './workbook-service';

/** The report of the workbook as it was at `requested` (a day, an instant or `#entry`). */
export function workbookReportAsOf(wb: OpenWorkbook, ctx: ServiceContext, requested: string, pageSize?: number): ReportSource {
  const then = asOfPages(wb, ctx, requested, pageSize);
  const head = {
    ...reportHead({
      settings: then.settings,
      models: then.models,
      parties: then.parties,
      workbookName: workbookName(wb.path),
      formatVersion: wb.formatVersion,
      lastChangeAt: then.info.entry.at,
      assetModels: then.assetModels()
    }),
    asOf: then.info
  };
  const { pages } = then;
  return {
    head,
    assetPages: () => reportAssetPages(pages),
    findingPages: () => reportFindingPages(pages),
    pages: () => reportPages(pages)
  };
}
