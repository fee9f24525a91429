/** `demarc export <wb> --framework ccm|fedramp|oscal-ssp …`: a framework view of a scope. */
import { FilterParseError, parseWhere } from '@core/bulk-filter';
import { BASELINES, FRAMEWORK_EXPORTS, FRAMEWORK_EXTENSIONS, OWNERSHIP_LABELS, type Baseline, type FrameworkExport } from '@shared/contract/frameworks';
import { CONTROL_OWNERSHIPS } from '@shared/frameworks';
import type { AssetFilter } from '@shared/filter';
import { EXIT, UsageError, type CliIo } from '../io';
import { savedSetsFor, withWorkbook } from './workbook-arg';

export interface FrameworkArgs {
  framework: string;
  file: string | undefined;
  out: string | undefined;
  scope: string | undefined;
  baseline: string | undefined;
  caiq: string | undefined;
  now: boolean;
  json: boolean;
}

function checked(args: FrameworkArgs): { framework: FrameworkExport; baseline: Baseline; out: string } {
  const framework = args.framework.toLowerCase();
  if (!(FRAMEWORK_EXPORTS as readonly string[]).includes(framework)) {
    throw new UsageError(`demarc export: --framework: "${args.framework}" is not one of ${FRAMEWORK_EXPORTS.join(', ')}`);
  }
  const baseline = (args.baseline ?? 'moderate').toLowerCase();
  if (!(BASELINES as readonly string[]).includes(baseline)) throw new UsageError(`demarc export: --baseline: "${args.baseline ?? ''}" is not one of ${BASELINES.join(', ')}`);
  if (args.baseline !== undefined && framework === 'ccm') throw new UsageError('demarc export: --baseline applies to fedramp and oscal-ssp, not ccm');
  if (args.caiq !== undefined && framework !== 'ccm') throw new UsageError('demarc export: --caiq applies to ccm only');
  const extension = FRAMEWORK_EXTENSIONS[framework as FrameworkExport];
  if (args.out === undefined || args.out.trim() === '') throw new UsageError(`demarc export: --out <file.${extension}> is required`);
  if (!args.out.toLowerCase().endsWith(`.${extension}`)) {
    throw new UsageError(`demarc export: --out ${args.out}: the ${framework} export is a .${extension} file`);
  }
  return { framework: framework as FrameworkExport, baseline: baseline as Baseline, out: args.out };
}

export async function runFrameworkExport(args: FrameworkArgs, io: CliIo): Promise<number> {
  const { framework, baseline, out } = checked(args);
  return withWorkbook('export', args.file, io, async (cli) => {
    let scope: AssetFilter = {};
    if (args.scope !== undefined) {
      try {
        scope = parseWhere(args.scope, { parties: await cli.call('parties.list', {}), sets: await savedSetsFor(cli, args.scope) });
      } catch (error) {
        if (error instanceof FilterParseError) throw new UsageError(`demarc export: --scope: ${error.message}`);
        throw error;
      }
    }
    const result = await cli.call('export.framework', {
      framework,
      scope,
      baseline,
      path: cli.path(out),
      exportedAt: args.now ? 'now' : 'last-change',
      ...(args.caiq === undefined ? {} : { caiqPath: cli.path(args.caiq) })
    });
    if (!result) throw new UsageError('demarc export: no output file given');
    if (args.json) {
      io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      return EXIT.ok;
    }
    const counts = CONTROL_OWNERSHIPS.filter((o) => result.counts[o] > 0).map((o) => `${OWNERSHIP_LABELS[o].toLowerCase()} ${result.counts[o]}`);
    io.stdout(
      [
        `path: ${result.path}`,
        `framework: ${result.framework}${result.baseline ? ` (${result.baseline} baseline)` : ''}`,
        ...(result.sheets.length > 0 ? [`sheets: ${result.sheets.join(', ')}`] : []),
        `rows: ${result.rows}`,
        `assets in scope: ${result.assets}`,
        `controls: ${counts.join(', ')}`,
        `file sha256: ${result.fileSha256}`,
        `exported at: ${result.exportedAt}`,
        ...result.notes.map((n) => `note: ${n}`)
      ].join('\n') + '\n'
    );
    return EXIT.ok;
  });
}
