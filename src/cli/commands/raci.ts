import { parseArgs } from 'node:util';
import type { RaciRole } from '@shared/domain';
import { EXIT, UsageError, type CliIo } from '../io';
import { assetByNameOrId, layerOf, partyByName, withWorkbook } from './workbook-arg';

export const RACI_HELP = `Usage: demarc raci <file.demarc> --asset NAME|ID --layer LAYER [--R names] [--A name] [--C names] [--I names] [--json]

Sets who is Responsible, Accountable, Consulted and Informed on one layer of one asset.
Names are comma-separated party names; an empty value ("") returns the role to its default.
Refused with every broken rule: exactly one Accountable, a customer-side Responsible, only
active parties, never the provider Accountable for a layer the customer always keeps.`;

export async function runRaci(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      asset: { type: 'string' },
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
  if (!values.asset) throw new UsageError('demarc raci: --asset is required');
  if (!values.layer) throw new UsageError('demarc raci: --layer is required');
  const given = (['R', 'A', 'C', 'I'] as const).filter((role) => values[role] !== undefined);
  if (given.length === 0) throw new UsageError('demarc raci: give at least one of --R, --A, --C, --I');
  return withWorkbook('raci', positionals[0], io, async (cli) => {
    const parties = await cli.call('parties.list', {});
    const roles: Partial<Record<RaciRole, number[]>> = {};
    for (const role of given) {
      const names = (values[role] ?? '').split(',').map((n) => n.trim()).filter((n) => n !== '');
      roles[role] = names.map((name) => partyByName('raci', parties, name, `--${role}`).id);
    }
    const assetId = await assetByNameOrId(cli, 'raci', values.asset!);
    const layer = await layerOf(cli, 'raci', assetId, values.layer!);
    const detail = await cli.call('raci.set', { assetId, layerId: layer.id, roles });
    const after = detail.layers.find((l) => l.layerId === layer.id);
    if (values.json) io.stdout(`${JSON.stringify(after, null, 2)}\n`);
    else if (after) io.stdout(`"${layer.title}" on ${detail.asset.name}: R ${after.names.R.join(', ') || '—'}; A ${after.names.A.join(', ') || '—'}; C ${after.names.C.join(', ') || '—'}; I ${after.names.I.join(', ') || '—'}\n`);
    return EXIT.ok;
  });
}
