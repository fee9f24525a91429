import { parseArgs } from 'node:util';
import { formatRowError, type ImportCounts, type ImportPreview, type ImportResult } from '@shared/contract/import';
import { DemarcError } from '@shared/errors';
import {
  ColumnMappingSchema,
  IMPORT_FORMAT_LABELS,
  IMPORT_FORMATS,
  MAPPABLE_FIELDS,
  type ColumnMapping,
  type ImportFormat
} from '@shared/import';
import { EXIT, UsageError, type CliIo } from '../io';
import { ROUND_TRIP_HELP, parseRoundTripFlags, runRoundTripImport } from './roundtrip-import';
import { withWorkbook } from './workbook-arg';

const FORMAT_LIST = IMPORT_FORMATS.map((f) => `    ${f.padEnd(20)} ${IMPORT_FORMAT_LABELS[f]}`).join('\n');

export const IMPORT_HELP = `Usage: demarc import <file.demarc> <inventory-file...> [--format F] [--encoding E] [--map field=column ...] [--dry-run] [--json]
       demarc import <file.demarc> <edited-export.xlsx|.csv> [--dry-run] [--accept all|none] [--on-conflict sheet|workbook|fail] [--json]

Imports an asset inventory: all or nothing. Rows listing the same asset merge into one; a re-import
updates what changed, never a service model chosen by hand, owners, reviews, RACI or overrides, and
flags assets of the same source the file no longer lists as "not seen" (nothing is deleted).
Any row error refuses the whole import: exit 2 with file:line: field: reason, workbook untouched.
  --format F        read as this format instead of detecting it from the content:
${FORMAT_LIST}
  --encoding E      the file's text encoding (utf-8, utf-16le, windows-1252, ...); detected by default
  --map field=col   map a source column to a field (repeatable) for CSV/xlsx; fields:
                    ${MAPPABLE_FIELDS.join(', ')}
  --sheet NAME      xlsx: the sheet to read (default: the first)
  --dry-run         show what would change and write nothing
  --json            machine-readable output

${ROUND_TRIP_HELP}`;

function parseMapping(pairs: readonly string[]): ColumnMapping | undefined {
  if (pairs.length === 0) return undefined;
  const mapping: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const field = eq < 0 ? '' : pair.slice(0, eq).trim();
    const column = eq < 0 ? '' : pair.slice(eq + 1).trim();
    if (!(MAPPABLE_FIELDS as readonly string[]).includes(field) || column === '') {
      throw new UsageError(`demarc import: --map ${pair}: use field=column with a field among ${MAPPABLE_FIELDS.join(', ')}`);
    }
    mapping[field] = column;
  }
  return ColumnMappingSchema.parse(mapping);
}

function countsLine(c: ImportCounts): string {
  return `${c.rows} rows: ${c.new} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.notSeen} not seen, ${c.merged} merged, ${c.errors} errors`;
}

function printPreview(p: ImportPreview, io: CliIo): void {
  const lines: string[] = [];
  for (const f of p.files) {
    lines.push(`${f.fileName}: ${f.formatLabel} (${f.format}), ${f.encoding}${f.delimiter ? `, delimiter ${JSON.stringify(f.delimiter)}` : ''}`);
    lines.push(`  ${countsLine(f.counts)}`);
    for (const w of f.warnings) lines.push(`  warning: ${w}`);
  }
  const s = p.classification;
  const several = new Set(s.byServiceModel.filter((c) => c.count > 0 && c.modelId !== null).map((c) => c.modelId)).size > 1;
  const models = s.byServiceModel
    .filter((c) => c.count > 0)
    .map((c) => `${c.serviceModel === null ? 'unclassified' : several ? `${c.label} (${c.modelId ?? ''})` : c.label} ${c.count}`)
    .join(', ');
  lines.push(`Would import ${countsLine(p.counts)}`);
  lines.push(`Service models: ${models || 'none'}; ${s.needsReview} need review`);
  if (p.owners.assigned > 0) lines.push(`Owners from the file: ${p.owners.assigned} new assets`);
  if (p.owners.unknownNames.length > 0) lines.push(`Owner names that are not an active party (left without owner): ${p.owners.unknownNames.slice(0, 10).join(', ')}`);
  io.stdout(`${lines.join('\n')}\n`);
}

/** "import run 5", or every run of a multi-file import: "import runs 5, 6, 7 (one per file)". */
function runsText(ids: readonly number[]): string {
  return ids.length === 1 ? `import run ${ids[0]}` : `import runs ${ids.join(', ')} (one per file)`;
}

function printErrors(p: ImportPreview, io: CliIo): void {
  for (const f of p.files) for (const e of f.errors) io.stderr(`${formatRowError(f.file, e)}\n`);
}

export async function runImport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      format: { type: 'string' },
      encoding: { type: 'string' },
      map: { type: 'string', multiple: true },
      sheet: { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      accept: { type: 'string' },
      'on-conflict': { type: 'string' },
      'any-workbook': { type: 'boolean' },
      'create-parties': { type: 'boolean' }
    },
    allowPositionals: true,
    strict: true
  });
  const [workbook, ...files] = positionals;
  if (workbook === undefined || files.length === 0) throw new UsageError('demarc import: expected a workbook file and at least one inventory file');
  if (values.format !== undefined && !(IMPORT_FORMATS as readonly string[]).includes(values.format)) {
    throw new UsageError(`demarc import: --format: "${values.format}" is not a format; use one of ${IMPORT_FORMATS.join(', ')}`);
  }
  const mapping = parseMapping(values.map ?? []);
  const roundTrip = parseRoundTripFlags(values);
  return withWorkbook('import', workbook, io, async (cli) => {
    // Demarc's own export, edited and brought back, is reviewed as changes, not read as an inventory.
    const [only] = files;
    if (files.length === 1 && only !== undefined && values.format === undefined && /\.(xlsx|csv)$/i.test(only)) {
      const detected = await cli.call('roundtrip.detect', { path: cli.path(only) });
      if (detected.isExport) return runRoundTripImport(cli, cli.path(only), roundTrip, io);
    }
    const request = {
      paths: files.map((f) => cli.path(f)),
      ...(values.format ? { format: values.format as ImportFormat } : {}),
      ...(values.encoding ? { encoding: values.encoding } : {}),
      ...(values.sheet ? { sheet: values.sheet } : {}),
      ...(mapping ? { mapping } : {})
    };
    const preview = await cli.call('import.preview', request);
    if (preview === null) throw new UsageError('demarc import: no file given');
    if (!preview.canApply) {
      if (values.json) io.stdout(`${JSON.stringify(preview, null, 2)}\n`);
      printErrors(preview, io);
      const incomplete = preview.files.find((f) => f.errors.length === 0 && (!f.complete || f.counts.rows === 0));
      if (incomplete) io.stderr(`${incomplete.file}: no assets could be read\n`);
      io.stderr('demarc import: nothing was imported\n');
      return EXIT.usage;
    }
    if (values['dry-run']) {
      if (values.json) io.stdout(`${JSON.stringify(preview, null, 2)}\n`);
      else printPreview(preview, io);
      return EXIT.ok;
    }
    let result: ImportResult;
    try {
      result = await cli.call('import.apply', { token: preview.token });
    } catch (error) {
      if (error instanceof DemarcError && error.code === 'BAD_FILE') {
        io.stderr(`${error.message}\n`);
        return EXIT.usage;
      }
      throw error;
    }
    if (values.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
    else io.stdout(`${result.summary}\n  ${result.classification.needsReview} need review; ${runsText(result.importRunIds)}\n`);
    return EXIT.ok;
  });
}
