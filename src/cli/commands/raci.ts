import { parseArgs } from 'node:util';
import { FilterParseError, parseWhere } from '@core/bulk-filter';
import type { SelectionModel } from '@shared/contract/bulk-raci';
import type { PartyListEntry } from '@shared/contract/engine';
import type { RaciRole } from '@shared/domain';
import type { AssetFilter } from '@shared/filter';
import type { CliRouter } from '../cli-router';
import { EXIT, UsageError, type CliIo } from '../io';
import { assetByNameOrId, layerOf, partyByName, savedSetsFor, withWorkbook } from './workbook-arg';

export const RACI_HELP = `Usage: demarc raci <file.demarc> --asset NAME|ID --layer LAYER [--R names] [--A name] [--C names] [--I names] [--json]
       demarc raci <file.demarc> --where FILTER --layer LAYER [--R names] [--A name] [--C names] [--I names] [--json]

Sets who is Responsible, Accountable, Consulted and Informed on one layer of one asset, or
(--where, the filter of demarc assign) of every matching asset in one step, each asset under
its own responsibility model: LAYER (an id or a title) is looked up in each model of the matching
assets, and an asset whose model has no such layer is refused and listed.
Names are comma-separated party names; an empty value ("") returns the role to its default.
Refused with every broken rule: exactly one Accountable, a customer-side Responsible, only
active parties, never the provider Accountable for a layer the customer always keeps. With
--where the rules are checked for each asset: the assets they refuse are left as they were
and listed (exit 1 when any was refused); nothing is written when none can take the roles.`;

const ROLE_OPTIONS = ['R', 'A', 'C', 'I'] as const;

function rolesFrom(values: Partial<Record<RaciRole, string>>, parties: readonly PartyListEntry[]): Partial<Record<RaciRole, number[]>> {
  const roles: Partial<Record<RaciRole, number[]>> = {};
  for (const role of ROLE_OPTIONS) {
    if (values[role] === undefined) continue;
    const names = (values[role] ?? '').split(',').map((n) => n.trim()).filter((n) => n !== '');
    roles[role] = names.map((name) => partyByName('raci', parties, name, `--${role}`).id);
  }
  return roles;
}

/**
 * The layer named by --layer (its id or title) under each model of the selection. One id for all is
 * sent as it is; when the models name it differently, a layer per model, the first id standing for
 * the models that lack it (their assets are refused, the model's layers named).
 */
function layersNamed(models: readonly SelectionModel[], ref: string): { layerId: string; layers?: Record<string, string> } {
  const wanted = ref.trim().toLowerCase();
  const found = new Map<string, string>();
  for (const model of models) {
    const layer = model.layers.find((l) => l.id === wanted || l.title.toLowerCase() === wanted);
    if (layer) found.set(model.id, layer.id);
  }
  const first = found.values().next().value;
  if (first === undefined) {
    const theirs = models.map((m) => `${m.name}: ${m.layers.map((l) => l.id).join(', ')}`).join('; ');
    throw new UsageError(`demarc raci: --layer: "${ref}" is not a layer of the ${models.length === 1 ? 'model' : 'models'} of the matching assets; use one of (${theirs}).`);
  }
  return new Set(found.values()).size === 1 ? { layerId: first } : { layerId: first, layers: Object.fromEntries(found) };
}

async function raciWhere(cli: CliRouter, io: CliIo, where: string, layerRef: string, roles: Partial<Record<RaciRole, number[]>>, json: boolean, parties: readonly PartyListEntry[]): Promise<number> {
  let filter: AssetFilter;
  try {
    filter = parseWhere(where, { parties, sets: await savedSetsFor(cli, where) });
  } catch (error) {
    if (error instanceof FilterParseError) throw new UsageError(`demarc raci: --where: ${error.message}`);
    throw error;
  }
  const models = await cli.call('assets.modelsOf', { filter });
  if (models.length === 0) throw new UsageError(`demarc raci: --where: no asset matches "${where}"`);
  const layers = layersNamed(models, layerRef);
  const result = await cli.call('raci.setMany', { filter, ...layers, roles });
  if (json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else {
    const lines = [result.summary, ...result.refused.map((r) => `  refused: ${r.message}`)];
    if (result.refusedCount > result.refused.length) lines.push(`  … and ${result.refusedCount - result.refused.length} more refused`);
    io.stdout(`${lines.join('\n')}\n`);
  }
  return result.refusedCount > 0 ? EXIT.checkFailed : EXIT.ok;
}

export async function runRaci(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      asset: { type: 'string' },
      where: { type: 'string' },
      layer: { type: 'string' },
      R: { type: 'string' },
      A: { type: 'string' },
      C: { type: 'string' },
      I: { type: 'string' },
      json: { type: 'boolean' }
    },
    allowPositionals: true,
    strict: true
  });
  if (positionals.length !== 1) throw new UsageError('demarc raci: expected exactly one workbook file');
  if ((values.asset === undefined) === (values.where === undefined)) throw new UsageError('demarc raci: give --asset (one asset) or --where (every matching asset)');
  if (!values.layer) throw new UsageError('demarc raci: --layer is required');
  const given = ROLE_OPTIONS.filter((role) => values[role] !== undefined);
  if (given.length === 0) throw new UsageError('demarc raci: give at least one of --R, --A, --C, --I');
  return withWorkbook('raci', positionals[0], io, async (cli) => {
    const parties = await cli.call('parties.list', {});
    const roles = rolesFrom(values, parties);
    if (values.where !== undefined) return raciWhere(cli, io, values.where, values.layer!, roles, values.json === true, parties);
    const assetId = await assetByNameOrId(cli, 'raci', values.asset!);
    const layer = await layerOf(cli, 'raci', assetId, values.layer!);
    const detail = await cli.call('raci.set', { assetId, layerId: layer.id, roles });
    const after = detail.layers.find((l) => l.layerId === layer.id);
    if (values.json) io.stdout(`${JSON.stringify(after, null, 2)}\n`);
    else if (after) io.stdout(`"${layer.title}" on ${detail.asset.name}: R ${after.names.R.join(', ') || '—'}; A ${after.names.A.join(', ') || '—'}; C ${after.names.C.join(', ') || '—'}; I ${after.names.I.join(', ') || '—'}\n`);
    return EXIT.ok;
  });
}
