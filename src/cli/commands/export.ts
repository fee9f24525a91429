import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { HIDDEN_SHEETS } from '@core/export-model-cells';
import type { ExportFormat } from '@shared/contract/export';
import { EXIT, UsageError, type CliIo } from '../io';
import { sinceArg } from './diff';
import { runFrameworkExport } from './export-framework';
import { withWorkbook } from './workbook-arg';

export const EXPORT_HELP = `Usage: demarc export <file.demarc> --out <file.xlsx|file.csv> [--since DATE|EXPORT] [--now] [--json]
       demarc export <file.demarc> --framework ccm|fedramp|oscal-ssp [--scope FILTER] [--baseline B] [--caiq FILE] --out FILE [--now] [--json]

Writes the audit RACI workbook (xlsx: Cover, Responsibility model, Matrix, RACI, By party,
Findings, Change log) or the RACI table alone (CSV, UTF-8 with BOM). The format follows the
extension of --out. The file appears only when complete; an existing file is replaced.
  --out    the file to write (.xlsx or .csv)
  --now    state the current time as "exported at" (default: the workbook's last change, so
           exporting an unchanged workbook twice gives the same content)
  --since DATE|EXPORT  add a "Changes since <date>" sheet (xlsx): what changed from the start of
           that UTC day, or after the chain head an earlier export printed, per asset and layer
           (before → after, who, when), as demarc diff reads it; exit 1 when the change log is
           broken or that export's head was rewritten (the file is written all the same)
  --json   print the result as JSON (path, format, sheets, rows, sha256, fileSha256, ...)

sha256 is the logical-content hash printed on the Cover (report + change log as canonical JSON);
fileSha256 is the hash of the file's bytes.

With --framework, a framework view of the inventory, each control's ownership derived from the
layers it rests on (the control mapping: demarc mapping <file> show):
  ccm         CSA CCM v4 SSRM in the CAIQ v4.0.3 layout (.xlsx)
  fedramp     FedRAMP Rev5 Appendix J CIS and CRM worksheets (.xlsx)
  oscal-ssp   an OSCAL 1.1.3 System Security Plan (.json)
  --scope F   only the assets matching F (as assign's --where: sub=…, sm=paas, id=12, rg=…); default all
  --baseline  high, moderate (default), low or li-saas (fedramp, oscal-ssp)
  --caiq FILE your copy of CSA's CAIQ v4 workbook: its question texts and control titles fill the sheet (ccm)`;

function formatOf(out: string): ExportFormat {
  const ext = extname(out).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv') return 'csv';
  throw new UsageError(`demarc export: --out ${out}: the file must end in .xlsx or .csv (got ${ext || 'no extension'}).`);
}

export async function runExport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      out: { type: 'string' },
      now: { type: 'boolean' },
      json: { type: 'boolean' },
      framework: { type: 'string' },
      scope: { type: 'string' },
      baseline: { type: 'string' },
      caiq: { type: 'string' },
      since: { type: 'string' }
    },
    allowPositionals: true,
    strict: true
  });
  if (positionals.length > 1) throw new UsageError('demarc export: expected exactly one workbook file');
  if (values.framework !== undefined && values.since !== undefined) throw new UsageError('demarc export: --since goes with the xlsx export, not --framework');
  if (values.framework !== undefined) {
    const { framework, scope, baseline, caiq, out, now, json } = values;
    return runFrameworkExport({ framework, file: positionals[0], out, scope, baseline, caiq, now: Boolean(now), json: Boolean(json) }, io);
  }
  if (values.scope !== undefined || values.baseline !== undefined || values.caiq !== undefined) {
    throw new UsageError('demarc export: --scope, --baseline and --caiq go with --framework');
  }
  const out = values.out;
  if (positionals.length === 1 && (out === undefined || out.trim() === '')) {
    throw new UsageError('demarc export: --out <file.xlsx|file.csv> is required');
  }
  // Check the output before opening the workbook: a bad name should not wait on a large file.
  const format = out === undefined ? 'xlsx' : formatOf(out);
  return withWorkbook('export', positionals[0], io, async (cli) => {
    const since = values.since === undefined ? {} : { since: sinceArg(values.since, (p) => cli.path(p)) };
    const result = await cli.call('export.run', { format, path: cli.path(out ?? ''), exportedAt: values.now ? 'now' : 'last-change', ...since });
    if (!result) throw new UsageError('demarc export: no output file given');
    const changes = result.changesSince;
    const code = changes === undefined || (changes.chainWhole && changes.baselineMatches !== false) ? EXIT.ok : EXIT.checkFailed;
    if (values.json) {
      io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      return code;
    }
    const visible = result.sheets.filter((name) => !HIDDEN_SHEETS.has(name));
    const hidden = result.sheets.filter((name) => HIDDEN_SHEETS.has(name));
    io.stdout(
      [
        `path: ${result.path}`,
        `format: ${result.format}`,
        `sheets: ${result.sheets.length} (${visible.join(', ')}${hidden.length ? `; hidden: ${hidden.join(', ')}` : ''})`,
        `rows: ${result.rows}`,
        `sha256: ${result.sha256} (logical content, as on the Cover)`,
        `file sha256: ${result.fileSha256}`,
        `exported at: ${result.exportedAt}`,
        ...(changes === undefined
          ? []
          : [
              `changes since: ${changes.sheet}, ${changes.entries} entries; change log ${changes.chainWhole ? 'whole' : 'BROKEN (demarc verify names the entry)'}${changes.baselineMatches === null ? '' : changes.baselineMatches ? '; the baseline export agrees with this history' : '; MISMATCH: the baseline export no longer agrees with this history (demarc verify --against)'}`
            ])
      ].join('\n') + '\n'
    );
    return code;
  });
}
