import { parseArgs } from 'node:util';
import { EXIT, UsageError, type CliIo } from '../io';
import { withWorkbook } from './workbook-arg';

export const COPY_HELP = `Usage: demarc copy <file.demarc> <copy.demarc> --for LABEL [--json]

Saves a copy of the workbook for someone to take away and edit offline (a business unit, a
laptop). The copy keeps the workbook's id and history; both logs record when and for whom it was
made, so "demarc merge" later finds where the two parted. A plain file copy merges too.
  --for LABEL   who the copy is for, e.g. "Finance"
  --json        print { path, label, workbookId, head }`;

export async function runCopy(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { for: { type: 'string' }, json: { type: 'boolean' } }, allowPositionals: true, strict: true });
  if (positionals.length !== 2) throw new UsageError('demarc copy: expected the workbook and the copy to write, e.g. demarc copy acme.demarc acme-finance.demarc --for Finance');
  const label = values.for?.trim();
  if (!label) throw new UsageError('demarc copy: --for is required: who the copy is for, e.g. --for Finance');
  return withWorkbook('copy', positionals[0], io, async (cli) => {
    const result = await cli.call('workbook.copy', { path: cli.path(positionals[1]!), label });
    if (!result) throw new UsageError('demarc copy: no file given');
    io.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : `Copy for ${result.label}: ${result.path} (workbook ${result.workbookId})\n`);
    return EXIT.ok;
  });
}
