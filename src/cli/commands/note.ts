import { parseArgs } from 'node:util';
import { EXIT, UsageError, type CliIo } from '../io';
import { assetByNameOrId, layerOf, withWorkbook } from './workbook-arg';

export const NOTE_HELP = `Usage: demarc note <file.demarc> --asset NAME|ID --layer LAYER --text TEXT [--json]

Writes the note on one layer of one asset (the Comments column of the RACI export); an empty
--text "" removes it. Undoable in the app like any edit; one change-log entry.
  --asset   the asset's name (case-insensitive) or id
  --layer   the layer's id or title
  --text    the note`;

export async function runNote(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { asset: { type: 'string' }, layer: { type: 'string' }, text: { type: 'string' }, json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true
  });
  if (positionals.length !== 1) throw new UsageError('demarc note: expected exactly one workbook file');
  if (!values.asset) throw new UsageError('demarc note: --asset is required');
  if (!values.layer) throw new UsageError('demarc note: --layer is required');
  if (values.text === undefined) throw new UsageError('demarc note: --text is required (--text "" removes the note)');
  return withWorkbook('note', positionals[0], io, async (cli) => {
    const assetId = await assetByNameOrId(cli, 'note', values.asset!);
    const layer = await layerOf(cli, 'note', assetId, values.layer!);
    const detail = await cli.call('notes.set', { assetId, layerId: layer.id, note: values.text! });
    const after = detail.layers.find((l) => l.layerId === layer.id);
    if (values.json) io.stdout(`${JSON.stringify(after, null, 2)}\n`);
    else io.stdout(after?.note ? `Note on "${layer.title}" of ${detail.asset.name}: ${after.note.text}\n` : `No note on "${layer.title}" of ${detail.asset.name}\n`);
    return EXIT.ok;
  });
}
