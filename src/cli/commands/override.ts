import { parseArgs } from 'node:util';
import { CELL_VALUES, type CellValue } from '@shared/domain';
import { EXIT, UsageError, type CliIo } from '../io';
import { assetByNameOrId, layerOf, withWorkbook } from './workbook-arg';

export const OVERRIDE_HELP = `Usage: demarc override <file.demarc> --asset NAME|ID --layer LAYER --to provider|customer|shared --why TEXT [--json]
       demarc override <file.demarc> --asset NAME|ID --layer LAYER --clear [--json]

Records that one layer of one asset departs from the published model, with the reason, or
(--clear) removes that override so the layer is the published model's again.
A layer the customer always keeps (data, configurations, identities) cannot go to the provider.
  --asset   the asset's name (case-insensitive) or id
  --layer   the layer's id or title, e.g. customer-data or "Customer data"
  --to      provider, customer or shared
  --why     the justification (required with --to)
  --clear   remove the layer's override (refused when it has none)`;

export async function runOverride(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      asset: { type: 'string' },
      layer: { type: 'string' },
      to: { type: 'string' },
      why: { type: 'string' },
      clear: { type: 'boolean' },
      json: { type: 'boolean' }
    },
    allowPositionals: true,
    strict: true
  });
  if (positionals.length !== 1) throw new UsageError('demarc override: expected exactly one workbook file');
  if (!values.asset) throw new UsageError('demarc override: --asset is required');
  if (!values.layer) throw new UsageError('demarc override: --layer is required');
  if (values.clear) {
    if (values.to !== undefined || values.why !== undefined) throw new UsageError('demarc override: --clear takes no --to or --why');
  } else {
    if (!values.to || !(CELL_VALUES as readonly string[]).includes(values.to)) throw new UsageError('demarc override: --to: use provider, customer or shared (or --clear to remove an override)');
    if (!values.why?.trim()) throw new UsageError('demarc override: --why: say why this layer differs from the published model');
  }
  return withWorkbook('override', positionals[0], io, async (cli) => {
    const assetId = await assetByNameOrId(cli, 'override', values.asset!);
    const layer = await layerOf(cli, 'override', assetId, values.layer!);
    const detail = values.clear
      ? await cli.call('overrides.clear', { assetId, layerId: layer.id })
      : await cli.call('overrides.set', { assetId, layerId: layer.id, responsibility: values.to as CellValue, justification: values.why! });
    const after = detail.layers.find((l) => l.layerId === layer.id);
    if (values.json) io.stdout(`${JSON.stringify(after, null, 2)}\n`);
    else if (values.clear) io.stdout(`"${layer.title}" on ${detail.asset.name}: override cleared, back to the published ${after?.published ?? '?'}\n`);
    else io.stdout(`"${layer.title}" on ${detail.asset.name}: ${after?.published ?? '?'} → ${after?.responsibility ?? '?'}\n`);
    return EXIT.ok;
  });
}
