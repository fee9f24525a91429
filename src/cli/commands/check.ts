import { parseArgs } from 'node:util';
import { asOfFindingPages } from '@main/services/as-of-pages';
import { findingDigest, findingDigestOf } from '@main/services/findings-digest';
import { EXIT, UsageError, type CliIo } from '../io';
import { asOfLines, checkAsOfArg } from './as-of-arg';
import { withWorkbook } from './workbook-arg';

export const CHECK_HELP = `Usage: demarc check <file.demarc> [--examples N] [--json] [--as-of DATE|DATETIME|#ENTRY]

Lists the workbook's findings grouped by code, with the fix and example assets.
Exits 1 when any error-severity finding exists, 0 otherwise.
  --examples N   example findings per code (default 5)
  --json         machine-readable output
  --as-of        the findings of the workbook as it was then (see demarc report --help)`;

export async function runCheck(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean' }, examples: { type: 'string' }, 'as-of': { type: 'string' } },
    allowPositionals: true,
    strict: true
  });
  if (positionals.length !== 1) throw new UsageError('demarc check: expected exactly one workbook file');
  const examples = values.examples === undefined ? 5 : Number(values.examples);
  if (!Number.isInteger(examples) || examples < 0 || examples > 5000) throw new UsageError('demarc check: --examples: give a whole number from 0 to 5000');
  const asOfArg = values['as-of'];
  checkAsOfArg('check', asOfArg);
  return withWorkbook('check', positionals[0], io, async (cli) => {
    // Read from the file a page of assets at a time (the engine state is never loaded); as of a
    // moment, each page with the later entries undone.
    const asOf = asOfArg === undefined ? null : asOfFindingPages(cli.session.require(), cli.services, asOfArg);
    const detailed = asOf === null ? findingDigest(cli.session.require(), cli.services, examples) : findingDigestOf(asOf.pages, examples);
    const failed = detailed.some((g) => g.severity === 'error');
    if (values.json) {
      await io.streamStdout(`${JSON.stringify({ ok: !failed, ...(asOf === null ? {} : { asOf: asOf.info }), groups: detailed }, null, 2)}\n`);
      return failed ? EXIT.checkFailed : EXIT.ok;
    }
    if (asOf !== null) await io.streamStdout(asOfLines(asOf.info));
    if (detailed.length === 0) {
      await io.streamStdout('No findings.\n');
      return EXIT.ok;
    }
    const lines: string[] = [];
    for (const g of detailed) {
      lines.push(`${g.severity.toUpperCase()} ${g.code} — ${g.title}: ${g.count} finding(s) on ${g.assets} asset(s)`, `  fix: ${g.fix}`);
      for (const e of g.examples) lines.push(`  - ${e.message}`);
      if (g.count > g.examples.length) lines.push(`  … and ${g.count - g.examples.length} more`);
    }
    lines.push('', failed ? 'Check failed: there are error findings.' : 'No errors (warnings only).');
    await io.streamStdout(`${lines.join('\n')}\n`);
    return failed ? EXIT.checkFailed : EXIT.ok;
  });
}
