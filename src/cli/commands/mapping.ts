import { parseArgs } from 'node:util';
import type { MappingInfo } from '@shared/contract/frameworks';
import { EXIT, UsageError, type CliIo } from '../io';
import { withWorkbook } from './workbook-arg';

export const MAPPING_HELP = `Usage: demarc mapping <file.demarc> <action> ...

The layer → control mapping the framework exports use: for each control layer (customer data,
identities, physical datacenter…) the CSA CCM v4 and NIST SP 800-53 Rev. 5 controls resting on
it; organisational controls rest on none. See docs/frameworks.md.
  show [--json]          the mapping in use, its layers with their controls, how each model joins it
  save --out FILE.json   write the mapping in use as JSON: a starting point for your own
  import FILE.json       replace the mapping with your own (validated; refused with each problem's JSON path)
  reset                  go back to the built-in mapping`;

function printMapping(info: MappingInfo, io: CliIo): void {
  const lines = [
    `${info.name} (${info.id}, version ${info.version}) — ${info.builtin ? 'built into Demarc' : `imported from ${info.fileName ?? '?'} on ${info.importedAt ?? '?'} by ${info.importedBy ?? '?'}`}`,
    `CCM v4: ${info.counts.ccmMapped} controls on layers, ${info.counts.ccmOrganisational} organisational. NIST SP 800-53: ${info.counts.nistMapped} on layers, ${info.counts.nistOrganisational} organisational.`,
    ''
  ];
  for (const layer of info.layers) {
    lines.push(`${layer.title} (${layer.id})`, `  CCM:  ${layer.ccm.join(' ') || '—'}`, `  NIST: ${layer.nist.join(' ') || '—'}`);
  }
  lines.push('Organisational (the customer\'s own, whatever the cloud)', `  CCM:  ${info.organisational.ccm.join(' ')}`, `  NIST: ${info.organisational.nist.join(' ')}`, '', 'Models:');
  for (const m of info.models) {
    const how = m.explicit ? 'bound by the mapping' : 'joined by layer ids and aliases';
    const gaps = [m.unboundLayers.length > 0 ? `layers carrying no control layer: ${m.unboundLayers.join(', ')}` : '', m.uncovered.length > 0 ? `control layers it lacks: ${m.uncovered.join(', ')}` : ''].filter(Boolean);
    lines.push(`  ${m.modelName} (${m.modelId}): ${how}${gaps.length > 0 ? `; ${gaps.join('; ')}` : ''}`);
  }
  io.stdout(`${lines.join('\n')}\n`);
}

export async function runMapping(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean' }, out: { type: 'string' } }, allowPositionals: true, strict: true });
  const [file, action, ...rest] = positionals;
  if (action === undefined) throw new UsageError('demarc mapping: expected a workbook file and an action: show, save, import or reset');
  return withWorkbook('mapping', file, io, async (cli) => {
    const done = (info: MappingInfo, verb: string): number => {
      if (values.json) io.stdout(`${JSON.stringify(info, null, 2)}\n`);
      else io.stdout(`${verb}: ${info.name} (${info.id}, version ${info.version})\n`);
      return EXIT.ok;
    };
    switch (action) {
      case 'show': {
        const info = await cli.call('frameworks.mapping', {});
        if (values.json) io.stdout(`${JSON.stringify(info, null, 2)}\n`);
        else printMapping(info, io);
        return EXIT.ok;
      }
      case 'save': {
        if (values.out === undefined) throw new UsageError('demarc mapping save: --out FILE.json is required');
        const path = await cli.call('frameworks.saveMapping', { path: cli.path(values.out) });
        io.stdout(`${path ?? ''}\n`);
        return EXIT.ok;
      }
      case 'import': {
        const [source] = rest;
        if (source === undefined || rest.length !== 1) throw new UsageError('demarc mapping import: expected one FILE.json');
        const info = await cli.call('frameworks.importMapping', { path: cli.path(source) });
        if (info === null) throw new UsageError('demarc mapping import: no file given');
        return done(info, 'Mapping in use');
      }
      case 'reset':
        return done(await cli.call('frameworks.resetMapping', {}), 'Mapping in use');
      default:
        throw new UsageError(`demarc mapping: unknown action "${action}": use show, save, import or reset`);
    }
  });
}
