import { parseArgs } from 'node:util';
import type { ReferenceDamage, ReferenceRepairResult } from '@shared/contract/references';
import type { ParsedInput } from '@shared/contract';
import { EXIT, UsageError, type CliIo } from '../io';
import { assetByNameOrId, partyByName, withWorkbook } from './workbook-arg';

export const REPAIR_HELP = `Usage: demarc repair <file.demarc> [--json]
       demarc repair <file.demarc> --party ID (--remove | --to PARTY) [--asset NAME|ID]... [--preview] [--json]
       demarc repair <file.demarc> --layer ID (--remove | --to LAYER) [--asset NAME|ID]... [--preview] [--json]

Damaged references: rows naming a party the workbook does not hold (RACI rows, an owner) and rows
on a layer the asset's model does not have (overrides, notes, RACI rows), as findings
PARTY_MISSING, NO_OWNER and LAYER_MISSING name them. Opening never repairs them. Without --party
or --layer: list them. With one: repair its rows in one step (one change-log entry, undoable).
  --party ID     the missing party's id (as the finding names it: party #ID)
  --layer ID     the unknown layer's id, as stored
  --remove       drop the rows (an owner naming the missing party is cleared)
  --to PARTY     give the missing party's roles and assets to this party (by name), under the RACI rules
  --to LAYER     move the layer's rows to this layer of each asset's model (id or title)
  --asset A      only this asset's rows (repeatable)
  --preview      print what would change and change nothing`;

function damageText(damage: ReferenceDamage): string {
  const lines: string[] = [];
  for (const p of damage.missingParties) {
    lines.push(`party #${p.partyId} (not in the parties list): ${p.assignments} RACI row(s), owner of ${p.owners} asset(s), on ${p.assets} asset(s)`);
  }
  for (const l of damage.unknownLayers) {
    lines.push(`layer "${l.layerId}" (not in the assets' model): ${l.overrides} override(s), ${l.notes} note(s), ${l.assignments} RACI row(s), on ${l.assets} asset(s)`);
  }
  return lines.length === 0 ? 'No damaged references: every row names a party and a layer the workbook holds.' : lines.join('\n');
}

function resultText(result: ReferenceRepairResult): string {
  const head = result.preview ? `Would change ${result.rows} row(s) on ${result.assets} asset(s) (nothing was changed): ${result.summary}` : `${result.summary}.`;
  return [head, ...result.examples.map((line) => `  ${line}`)].join('\n');
}

export async function runRepair(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      party: { type: 'string' },
      layer: { type: 'string' },
      remove: { type: 'boolean' },
      to: { type: 'string' },
      asset: { type: 'string', multiple: true },
      preview: { type: 'boolean' },
      json: { type: 'boolean' }
    },
    allowPositionals: true,
    strict: true
  });
  if (positionals.length !== 1) throw new UsageError('demarc repair: expected exactly one workbook file');
  if (values.party !== undefined && values.layer !== undefined) throw new UsageError('demarc repair: give --party or --layer, not both');
  const listing = values.party === undefined && values.layer === undefined;
  if (listing && (values.remove || values.to !== undefined || values.asset || values.preview)) {
    throw new UsageError('demarc repair: say what to repair with --party ID or --layer ID');
  }
  if (!listing && (values.remove === true) === (values.to !== undefined)) throw new UsageError('demarc repair: give --remove or --to');
  if (values.party !== undefined && !/^[1-9]\d{0,15}$/.test(values.party)) throw new UsageError(`demarc repair: --party: "${values.party}" is not a party id (a positive whole number)`);
  return withWorkbook('repair', positionals[0], io, async (cli) => {
    if (listing) {
      const damage = await cli.call('references.damage', {});
      io.stdout(values.json ? `${JSON.stringify(damage, null, 2)}\n` : `${damageText(damage)}\n`);
      return EXIT.ok;
    }
    const assetIds = values.asset === undefined ? undefined : await Promise.all(values.asset.map((ref) => assetByNameOrId(cli, 'repair', ref)));
    let input: ParsedInput<'references.repair'>;
    if (values.party !== undefined) {
      const target = { kind: 'party' as const, partyId: Number(values.party) };
      const action = values.to === undefined ? { kind: 'remove' as const } : { kind: 'reassign' as const, partyId: partyByName('repair', await cli.call('parties.list', {}), values.to, '--to').id };
      input = { target, action, ...(assetIds ? { assetIds } : {}), preview: values.preview === true };
    } else {
      const layerId = values.layer!;
      let action: ParsedInput<'references.repair'>['action'] = { kind: 'remove' };
      if (values.to !== undefined) {
        const damage = await cli.call('references.damage', {});
        const found = damage.unknownLayers.find((l) => l.layerId === layerId);
        if (found === undefined) throw new UsageError(`demarc repair: --layer: no row is on a layer "${layerId}" that its asset's model does not have (run demarc repair ${positionals[0]} to list them)`);
        const wanted = values.to.toLowerCase();
        const to = found.moveTo.find((l) => l.id === wanted || l.title.toLowerCase() === wanted);
        if (to === undefined) {
          throw new UsageError(`demarc repair: --to: "${values.to}" is not a layer of every affected asset's model; use one of: ${found.moveTo.map((l) => l.id).join(', ') || '(none in common: repair asset by asset with --asset)'}`);
        }
        action = { kind: 'move', layerId: to.id };
      }
      input = { target: { kind: 'layer', layerId }, action, ...(assetIds ? { assetIds } : {}), preview: values.preview === true };
    }
    const result = await cli.call('references.repair', input);
    io.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : `${resultText(result)}\n`);
    return EXIT.ok;
  });
}
