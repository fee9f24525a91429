/**
 * The workbook report read from the file a page at a time (core/report.ts computes each page's
 * entries and findings): what `demarc report --json` prints and the exports are written from.
 */
import { raciEntryPages, reportAssetPages, reportFindingPages, reportHead, reportPages } from '@core/report';
import { reportJsonChunks, type ReportSource } from '@core/report-source';
import { workbookPages } from '../engine/input';
import { distinctAssetModels } from '../store/repos/assets';
import { lastChangeAt } from '../store/repos/change-log';
import type { OpenWorkbook, ServiceContext } from './context';
import { workbookName } from './workbook-service';

/** The report of the open workbook as a source of pages, read from the file as it is now. */
export function workbookReport(wb: OpenWorkbook, ctx: ServiceContext, pageSize?: number): ReportSource {
  const { shared, pages, raciPages } = workbookPages(wb, ctx, pageSize);
  const head = reportHead({
    ...shared,
    workbookName: workbookName(wb.path),
    formatVersion: wb.formatVersion,
    lastChangeAt: lastChangeAt(wb.db),
    assetModels: distinctAssetModels(wb.db)
  });
  return {
    head,
    assetPages: () => reportAssetPages(pages),
    findingPages: () => reportFindingPages(pages),
    pages: () => reportPages(pages),
    raciPages: () => raciEntryPages(raciPages)
  };
}

/** Characters gathered before a write: few writes, and never much text held at once. */
const WRITE_CHARS = 1 << 20;

/**
 * Writes the report's JSON (the documented format, one line break at the end) to `write`, which
 * resolves when its destination can take more: the text never piles up in memory.
 */
export async function writeReportJson(source: ReportSource, write: (text: string) => Promise<void>): Promise<void> {
  let pending = '';
  for (const chunk of reportJsonChunks(source)) {
    pending += chunk;
    if (pending.length >= WRITE_CHARS) {
      await write(pending);
      pending = '';
    }
  }
  if (pending.length > 0) await write(pending);
}
