/** The workbook report: the core's buildReport over the loaded state, with the file's facts. */
import { buildReport } from '@core/report';
import type { Report } from '@shared/report';
import { lastChangeAt } from '../store/repos/change-log';
import type { OpenWorkbook, ServiceContext } from './context';

import { workbookName } from './workbook-service';

/** The report `demarc report --json` prints and the exports are written from. */
export function workbookReport(wb: OpenWorkbook, ctx: ServiceContext): Report {
  const state = wb.engine.state(ctx);
  return buildReport({
    ...state.input,
    workbookName: workbookName(wb.path),
    formatVersion: wb.formatVersion,
    lastChangeAt: lastChangeAt(wb.db)
  });
}
