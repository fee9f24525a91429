import { parseArgs } from 'node:util';
import { EXIT, UsageError, type CliIo } from '../io';
import { withWorkbook } from './workbook-arg';

export const REPORT_HELP = `Usage: demarc report <file.demarc> [--json]

Prints who carries each layer of each asset (provider, customer, shared) under the workbook's
model, the RACI on the customer side, and the findings.
  --json   the full report as JSON (stable format, see docs/report-format.md)`;

export async function runReport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean' } }, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new UsageError('demarc report: expected exactly one workbook file');
  return withWorkbook('report', positionals[0], io, async (cli) => {
    const report = await cli.call('report.get', {});
    if (values.json) {
      io.stdout(`${JSON.stringify(report, null, 2)}\n`);
      return EXIT.ok;
    }
    const model = report.models[0];
    const lines = [`${report.workbook.name} — ${report.workbook.organisation}`, `model: ${model ? `${model.name} (${model.version})` : report.workbook.defaultModelId}`, ''];
    for (const asset of report.assets) {
      lines.push(`${asset.name} [${asset.serviceModel ?? 'no service model'}] owner: ${asset.owner ?? '—'}`);
      for (const layer of asset.layers) {
        const who = layer.A.length ? ` A: ${layer.A.join(', ')}` : '';
        const r = layer.R.length ? ` R: ${layer.R.join(', ')}` : '';
        lines.push(`  ${layer.title.padEnd(30)} ${layer.responsibility}${layer.overridden ? ' (overridden)' : ''}${who}${r}`);
      }
    }
    lines.push('', `${report.findings.length} finding(s); run demarc check for details.`);
    io.stdout(`${lines.join('\n')}\n`);
    return EXIT.ok;
  });
}
