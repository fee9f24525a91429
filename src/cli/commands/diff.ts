import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { beforeAfterText, diffCountsText, type DiffChange, type DiffReport } from '@shared/audit-diff';
import type { ExportSince } from '@shared/contract/export';
import { EXIT, UsageError, type CliIo } from '../io';
import { withWorkbook } from './workbook-arg';

export const DIFF_HELP = `Usage: demarc diff <file.demarc> --from YYYY-MM-DD|EXPORT [--to YYYY-MM-DD|now] [--json] [--out FILE.xlsx|FILE.json]

What changed between two dates, read from the change log: per asset and layer each override,
R/A/C/I, owner, service model, model, review and sign-off, with who changed it and when; the
workbook's own changes (imports, parties, settings, models, sign-offs of a scope); counts per kind
and per person; the assets first seen in the window. Days are UTC: --from from the start of its
day, --to to the end of its day (now when omitted). The change log's hash chain is walked too:
exits 1 when it is broken (the diff is then read from a log that was altered), 0 otherwise.
  --from EXPORT   an earlier xlsx or OSCAL export made by Demarc: the changes after the chain head
                  it printed (exit 1 when that head is no longer in the chain unchanged)
  --json          machine-readable output (docs/audit-trail.md)
  --out FILE      save the comparison instead of printing it: .json (what --json prints) or .xlsx
                  (the "Changes since" sheet demarc export --since adds to the audit workbook)`;

const changeLine = (c: DiffChange) => {
  const values = beforeAfterText(c);
  return `    #${c.entryId} ${c.at.slice(0, 16).replace('T', ' ')} ${c.actor}: ${c.summary}${values === null ? '' : ` [${values}]`}`;
};

function describe(report: DiffReport): string[] {
  const range =
    report.entries === 0
      ? 'no entries'
      : `entries #${report.firstEntryId}–#${report.lastEntryId}, ${report.entries} in all`;
  const lines = [
    `Changes from ${report.from} to ${report.to} (${range})`,
    ...(report.baseline === null
      ? []
      : [
          `Since ${report.baseline.path} (head ${report.baseline.head}): ${report.baseline.matches ? 'OK' : 'MISMATCH'} — ${report.baseline.message}`
        ]),
    report.chain.whole
      ? 'Chain: whole.'
      : `Chain: BROKEN (${report.chain.message ?? 'see demarc verify'}): this diff is read from an altered log.`,
    `By kind: ${diffCountsText(report.counts)}`,
    `By whom: ${report.byActor.length === 0 ? 'nobody' : report.byActor.map((a) => `${a.actor} ${a.entries}`).join(', ')}`,
    `Assets changed: ${report.assets.length}`
  ];
  for (const asset of report.assets) {
    lines.push(
      `  ${asset.name} (#${asset.assetId}): ${diffCountsText(asset.counts)}${asset.layers.length > 0 ? ` — layers: ${asset.layers.join(', ')}` : ''}`
    );
    for (const change of asset.changes) lines.push(changeLine(change));
  }
  lines.push(`Workbook changes: ${report.workbook.length}`);
  for (const change of report.workbook) lines.push(changeLine(change));
  lines.push(
    `Assets added: ${report.added.length}${report.added.length > 0 ? ` (${report.added.map((a) => a.name).join(', ')})` : ''}`
  );
  if (report.removed.length > 0)
    lines.push(`Assets removed: ${report.removed.length} (${report.removed.map((a) => a.name).join(', ')})`);
  if (report.notSeen > 0) lines.push(`Assets not seen by the imports: ${report.notSeen}`);
  return lines;
}

function outFormat(out: string): 'xlsx' | 'json' {
  const ext = extname(out).toLowerCase();
  if (ext === '.xlsx' || ext === '.json') return ext === '.xlsx' ? 'xlsx' : 'json';
  throw new UsageError(`demarc diff: --out ${out}: the file must end in .xlsx or .json (got ${ext || 'no extension'}).`);
}

/** A baseline argument: anything shaped like a date is one (a bad date is refused as such); anything else is an export's path. */
export function sinceArg(value: string, path: (p: string) => string): ExportSince {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? { from: value } : { fromExport: path(value) };
}

export async function runDiff(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' }, out: { type: 'string' } },
    allowPositionals: true,
    strict: true
  });
  if (positionals.length !== 1) throw new UsageError('demarc diff: expected exactly one workbook file');
  const from = values.from;
  if (from === undefined) throw new UsageError('demarc diff: --from YYYY-MM-DD|EXPORT is required');
  const to = values.to === undefined || values.to === 'now' ? undefined : values.to;
  const out = values.out;
  if (out !== undefined) outFormat(out);
  return withWorkbook('diff', positionals[0], io, async (cli) => {
    const since = sinceArg(from, (p) => cli.path(p));
    const window = { ...since, ...(to === undefined ? {} : { to }) };
    if (out !== undefined) {
      const saved = await cli.call('audit.exportDiff', { ...window, format: outFormat(out), path: cli.path(out) });
      if (saved === null) throw new UsageError('demarc diff: no output file given');
      io.stdout(values.json ? `${JSON.stringify(saved, null, 2)}\n` : `wrote ${saved.path} (${saved.sheet ?? 'JSON'}, ${saved.entries} entries; file sha256 ${saved.fileSha256})\n`);
      return saved.chainWhole && saved.baselineMatches !== false ? EXIT.ok : EXIT.checkFailed;
    }
    const report = await cli.call('audit.diff', window);
    io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${describe(report).join('\n')}\n`);
    return report.chain.whole && (report.baseline === null || report.baseline.matches)
      ? EXIT.ok
      : EXIT.checkFailed;
  });
}
