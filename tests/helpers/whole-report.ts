/**
 * The report gathered into one object, for tests over small workbooks: the app never holds it
 * whole (it streams page by page, src/main/services/report.ts).
 */
import type { EngineInput } from '@core/engine-input';
import { reportAssetsOf, reportFindingsOf, reportHead, type ReportHeadInput } from '@core/report';
import type { ReportSource } from '@core/report-source';
import type { Report } from '@shared/report';

/** Every page of `source`, gathered. */
export function wholeReport(source: ReportSource): Report {
  return {
    ...source.head,
    assets: [...source.assetPages()].flat(),
    findings: [...source.findingPages()].flat()
  };
}

/** The report of a workbook's input as one page, in id order (as the workbook's pages come). */
export function reportOfInput(input: EngineInput & Omit<ReportHeadInput, 'assetModels'>): Report {
  const page: EngineInput = { ...input, assets: [...input.assets].sort((a, b) => a.id - b.id) };
  return {
    ...reportHead({ ...input, assetModels: input.assets }),
    assets: reportAssetsOf(page),
    findings: reportFindingsOf(page)
  };
}
