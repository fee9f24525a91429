import { parseArgs } from 'node:util';
import { workbookReport, writeReportJson } from '@main/services/report';
import { workbookReportAsOf } from '@main/services/as-of-report';
import { EXIT, UsageError, type CliIo } from '../io';
import { asOfLines, checkAsOfArg } from './as-of-arg';
import { withWorkbook } from './workbook-arg';

export const REPORT_HELP = `Usage: demarc report <file.demarc> [--json] [--as-of DATE|DATETIME|#ENTRY]

Prints who carries each layer of each asset (provider, customer, shared) under the workbook's
model, the RACI on the customer side, and the findings.
  --json    the full report as JSON (stable format, see docs/report-format.md)
  --as-of   the workbook as it was at the end of a UTC day (2026-03-31), at an instant
            (2026-03-31T14:00:00Z) or just after a change-log entry (#123), rebuilt from the
            change log (refused when its hash chain does not verify; see docs/audit-trail.md)`;

export async function runReport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean' }, 'as-of': { type: 'string' } }, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new UsageError('demarc report: expected exactly one workbook file');
  checkAsOfArg('report', values['as-of']);
  return withWorkbook('report', positionals[0], io, async (cli) => {
    // Streamed page by page: a 100k-asset report is hundreds of MB of text, never held at once.
    const asOf = values['as-of'];
    const report = asOf === undefined ? workbookReport(cli.session.require(), cli.services) : workbookReportAsOf(cli.session.require(), cli.services, asOf);
    if (values.json) {
      await writeReportJson(report, io.streamStdout);
      return EXIT.ok;
    }
    const { head } = report;
    const model = head.models[0];
    if (head.asOf !== undefined) await io.streamStdout(asOfLines(head.asOf));
    await io.streamStdout(`${head.workbook.name} — ${head.workbook.organisation}\nmodel: ${model ? `${model.name} (${model.version})` : head.workbook.defaultModelId}\n\n`);
    let findings = 0;
    for (const page of report.pages()) {
      findings += page.findings.length;
      const lines: string[] = [];
      for (const asset of page.assets) {
        lines.push(`${asset.name} [${asset.serviceModel ?? 'no service model'}] owner: ${asset.owner ?? '—'}`);
        for (const layer of asset.layers) {
          const who = layer.A.length ? ` A: ${layer.A.join(', ')}` : '';
          const r = layer.R.length ? ` R: ${layer.R.join(', ')}` : '';
          lines.push(`  ${layer.title.padEnd(30)} ${layer.responsibility}${layer.overridden ? ' (overridden)' : ''}${who}${r}`);
        }
      }
      if (lines.length > 0) await io.streamStdout(`${lines.join('\n')}\n`);
    }
    await io.streamStdout(`\n${findings} finding(s); run demarc check for details.\n`);
    return EXIT.ok;
  });
}
