import { parseArgs } from 'node:util';
import { CliRouter } from '../cli-router';
import { EXIT, UsageError, type CliIo } from '../io';
import { printWorkbookInfo } from './info';

export const NEW_HELP = `Usage: demarc new <file.demarc> [--org NAME] [--json]

Creates a new, empty Demarc workbook with Microsoft's current responsibility model.
  --org NAME   the organisation the workbook is for (default: the file's name)
  --json       print the workbook's info as JSON`;

export async function runNew(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { org: { type: 'string' }, json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true
  });
  if (positionals.length !== 1) throw new UsageError('demarc new: expected exactly one file, e.g. demarc new acme.demarc --org Acme');
  const cli = new CliRouter(io);
  try {
    const info = await cli.call('workbook.create', {
      path: cli.path(positionals[0]!),
      ...(values.org !== undefined ? { organisation: values.org } : {})
    });
    if (!info) throw new UsageError('demarc new: no file given');
    printWorkbookInfo(info, Boolean(values.json), io, 'Created');
    return EXIT.ok;
  } finally {
    cli.close();
  }
}
