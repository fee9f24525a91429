import { parseArgs } from 'node:util';
import type { VerifyReport } from '@shared/contract/audit';
import { EXIT, UsageError, type CliIo } from '../io';
import { withWorkbook } from './workbook-arg';

export const VERIFY_HELP = `Usage: demarc verify <file.demarc> [--against EXPORT] [--json]

Walks the change log's hash chain (each entry carries the SHA-256 of the entry before it and of
its own contents) and names the first entry that does not match: edited, deleted, reordered,
added outside Demarc, or removed from the end. Exits 1 on any break, 0 when the chain is whole.
  --against EXPORT   an earlier export (xlsx, or an OSCAL SSP JSON) made by Demarc: checks that the
                     chain head it printed is still in the chain unchanged, proving nothing up to
                     it was rewritten since. A CSV export carries no chain head.
  --json             machine-readable output

The owner of a file can rebuild a whole chain: what the chain proves is that the history agrees
with every export anyone kept. See docs/audit-trail.md.`;

function describe(report: VerifyReport): string[] {
  const lines = [
    report.head === null ? 'The change log is empty.' : `Change log: ${report.entries} entries; head ${report.head.text}`,
    report.firstBreak === null
      ? 'Chain: whole — every entry matches its hash and follows the one before it.'
      : `Chain: BROKEN at entry #${report.firstBreak.entryId} (${report.firstBreak.kind}): ${report.firstBreak.message}`
  ];
  if (report.against) lines.push(`Against ${report.against.path} (head ${report.against.head.text}): ${report.against.matches ? 'OK' : 'MISMATCH'} — ${report.against.message}`);
  lines.push(report.ok ? 'Verified.' : 'Verification failed.');
  return lines;
}

export async function runVerify(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean' }, against: { type: 'string' } },
    allowPositionals: true,
    strict: true
  });
  if (positionals.length !== 1) throw new UsageError('demarc verify: expected exactly one workbook file');
  return withWorkbook('verify', positionals[0], io, async (cli) => {
    const report = await cli.call('audit.verify', values.against === undefined ? {} : { againstPath: cli.path(values.against) });
    if (!report) throw new UsageError('demarc verify: no export given');
    io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${describe(report).join('\n')}\n`);
    return report.ok ? EXIT.ok : EXIT.checkFailed;
  });
}
