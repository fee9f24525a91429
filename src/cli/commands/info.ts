import { parseArgs } from 'node:util';
import type { WorkbookInfo } from '@shared/contract/workbook';
import { CliRouter } from '../cli-router';
import { EXIT, UsageError, type CliIo } from '../io';

export const INFO_HELP = `Usage: demarc info <file.demarc> [--json]

Prints the workbook's format version, organisation, model and counts.
  --json   machine-readable output`;

export function printWorkbookInfo(info: WorkbookInfo, json: boolean, io: CliIo, verb?: string): void {
  if (json) {
    io.stdout(`${JSON.stringify(info, null, 2)}\n`);
    return;
  }
  const lines = [
    `${verb ? `${verb} ` : ''}${info.path}`,
    `  organisation:   ${info.organisation}`,
    `  format version: ${info.formatVersion}`,
    `  workbook id:    ${info.workbookId}`,
    `  default model:  ${info.defaultModelId} (${info.defaultModelVersion})`,
    `  review period:  ${info.reviewPeriodDays} days`,
    `  assets: ${info.counts.assets}  parties: ${info.counts.parties}  RACI assignments: ${info.counts.assignments}  overrides: ${info.counts.overrides}  changes: ${info.counts.changes}`
  ];
  for (const [index, opened] of info.appVersions.entries()) {
    lines.push(`  ${index === 0 ? 'opened by:' : '          '}      Demarc ${opened.version} (first ${opened.firstOpenedAt.slice(0, 10)} by ${opened.firstOpenedBy})`);
  }
  if (info.backupPath) lines.push(`  upgraded from an older format; the original was copied to ${info.backupPath}`);
  io.stdout(`${lines.join('\n')}\n`);
}

export async function runInfo(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean' } }, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new UsageError('demarc info: expected exactly one workbook file');
  const cli = new CliRouter(io);
  try {
    const info = await cli.call('workbook.open', { path: cli.path(positionals[0]!) });
    if (!info) throw new UsageError('demarc info: no file given');
    printWorkbookInfo(info, Boolean(values.json), io);
    return EXIT.ok;
  } finally {
    cli.close();
  }
}
