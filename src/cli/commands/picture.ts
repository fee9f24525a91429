import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { FilterParseError, parseWhere } from '@core/bulk-filter';
import { DEFAULT_PNG_WIDTH, type PictureFormat } from '@shared/contract/picture';
import { PICTURE_THEMES, type PictureScope, type PictureTheme } from '@shared/picture';
import { EXIT, UsageError, type CliIo } from '../io';
import { assetByNameOrId, savedSetsFor, withWorkbook } from './workbook-arg';

export const PICTURE_HELP = `Usage: demarc picture <file.demarc> --out <line.svg|line.png> [--scope FILTER] [--asset ID|NAME]
                      [--model ID] [--theme light|print] [--width PX] [--json]

Draws the demarcation line: the model's layers by service model, provider and customer cells,
the line between them, and the workbook's own numbers (assets per column, who is Accountable,
where nobody is, overrides). The format follows the extension of --out.
  --out      the file to write (.svg or .png); it appears only when complete
  --scope F  count only matching assets, e.g. "sub=Production", "rg=prod", "tag=env=prod",
             "sm=paas", "owner=Alice"; keys: type, rg, sub, tag, sm, owner, text, id
  --asset A  one asset's stack (an id or an exact name), after its overrides
  --model M  the model to draw (default: the workbook's); its assets are counted
  --theme T  light (screens, projectors; the default) or print (grey only)
  --width N  PNG width in pixels (default ${DEFAULT_PNG_WIDTH})
  --json     print the result as JSON (path, size, sha256, columns and their lines, totals)`;

function formatOf(out: string): PictureFormat {
  const ext = extname(out).toLowerCase();
  if (ext === '.svg') return 'svg';
  if (ext === '.png') return 'png';
  throw new UsageError(`demarc picture: --out ${out}: the file must end in .svg or .png (got ${ext || 'no extension'}).`);
}

function themeOf(value: string | undefined): PictureTheme {
  if (value === undefined) return 'light';
  const theme = PICTURE_THEMES.find((t) => t === value.toLowerCase());
  if (theme === undefined) throw new UsageError(`demarc picture: --theme: "${value}" is not one of ${PICTURE_THEMES.join(', ')}.`);
  return theme;
}

function widthOf(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PNG_WIDTH;
  const width = Number(value);
  if (!/^\d+$/.test(value) || width < 100 || width > 8000) throw new UsageError(`demarc picture: --width: "${value}" is not a width from 100 to 8000 pixels.`);
  return width;
}

export async function runPicture(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      out: { type: 'string' },
      scope: { type: 'string' },
      asset: { type: 'string' },
      model: { type: 'string' },
      theme: { type: 'string' },
      width: { type: 'string' },
      json: { type: 'boolean' }
    },
    allowPositionals: true,
    strict: true
  });
  if (positionals.length > 1) throw new UsageError('demarc picture: expected exactly one workbook file');
  if (values.out === undefined || values.out.trim() === '') throw new UsageError('demarc picture: --out <line.svg|line.png> is required');
  if (values.asset !== undefined && (values.scope !== undefined || values.model !== undefined)) {
    throw new UsageError('demarc picture: --asset draws one asset under its own model; leave out --scope and --model.');
  }
  // Check the arguments before opening the workbook: a bad name should not wait on a large file.
  const format = formatOf(values.out);
  const theme = themeOf(values.theme);
  const width = widthOf(values.width);
  return withWorkbook('picture', positionals[0], io, async (cli) => {
    let scope: PictureScope = {};
    if (values.scope !== undefined) {
      try {
        const { findingCode, ...rest } = parseWhere(values.scope, { parties: await cli.call('parties.list', {}), sets: await savedSetsFor(cli, values.scope) });
        if (findingCode !== undefined) throw new FilterParseError('finding: a picture counts from the workbook file and cannot select by finding; use the inventory for that.');
        scope = rest;
      } catch (error) {
        if (error instanceof FilterParseError) throw new UsageError(`demarc picture: --scope: ${error.message}`);
        throw error;
      }
    }
    const assetId = values.asset === undefined ? undefined : await assetByNameOrId(cli, 'picture', values.asset);
    const result = await cli.call('picture.save', {
      format,
      path: cli.path(values.out ?? ''),
      scope,
      theme,
      width,
      ...(values.model === undefined ? {} : { modelId: values.model }),
      ...(assetId === undefined ? {} : { assetId })
    });
    if (result === null) throw new UsageError('demarc picture: no output file given');
    if (values.json) {
      io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      return EXIT.ok;
    }
    const lines = result.columns.map((c) => `  ${c.label}: ${c.assets} assets, ${c.lineAfter} layers above the line`);
    io.stdout(
      [
        `path: ${result.path}`,
        `format: ${result.format} (${result.width}×${result.height})`,
        `picture: ${result.title}`,
        `scope: ${result.scopeLabel}`,
        ...lines,
        `without an Accountable: ${result.noAccountable} asset layers`,
        `overrides: ${result.overrides}`,
        `sha256: ${result.sha256}`
      ].join('\n') + '\n'
    );
    return EXIT.ok;
  });
}
