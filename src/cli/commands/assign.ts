import { parseArgs } from 'node:util';
import { FilterParseError, parseWhere } from '@core/bulk-filter';
import { ServiceModelSchema, type ServiceModel } from '@shared/domain';
import type { AssetFilter } from '@shared/filter';
import { EXIT, UsageError, type CliIo } from '../io';
import { modelChangeText } from './models';
import { partyByName, savedSetsFor, withWorkbook } from './workbook-arg';

export const ASSIGN_HELP = `Usage: demarc assign <file.demarc> --where <filter> [--service-model ID] [--model ID|default] [--owner NAME|none] [--reviewed] [--preview] [--json]

Changes every asset matching the filter in one step (one change-log entry, undoable in the app).
  --where F            e.g. "type=microsoft.compute/virtualmachines,rg=prod,tag=env=prod,sm=none,owner=none";
                       set=NAME takes a saved set's assets (demarc sets)
                       keys: type, rg, sub, tag, sm, owner, text, finding, id
  --service-model ID   a column of the assets' responsibility model (Microsoft and Google: onprem, iaas,
                       paas, saas; AWS: infrastructure, container, abstracted) or none; a choice made here
                       is never overwritten by an import
  --model ID|default   read the assets under this responsibility model (default: their provider's model,
                       else the workbook's); service models, overrides and roles move as --preview says
  --preview            with --model: print what would move and change nothing
  --owner NAME|none    an active party, by name (case-insensitive)
  --reviewed           mark the assets reviewed now
  --json               print { count, summary }`;

export async function runAssign(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      where: { type: 'string' },
      'service-model': { type: 'string' },
      model: { type: 'string' },
      preview: { type: 'boolean' },
      owner: { type: 'string' },
      reviewed: { type: 'boolean' },
      json: { type: 'boolean' }
    },
    allowPositionals: true,
    strict: true
  });
  if (positionals.length !== 1) throw new UsageError('demarc assign: expected exactly one workbook file');
  if (values.where === undefined) throw new UsageError('demarc assign: --where is required, e.g. --where sm=none (--where "" selects every asset)');
  const sm = values['service-model']?.toLowerCase();
  if (sm !== undefined && sm !== 'none' && !ServiceModelSchema.safeParse(sm).success) {
    throw new UsageError(`demarc assign: --service-model: "${values['service-model']}" is not a service model id (a column of the assets' model, e.g. iaas or infrastructure) or none`);
  }
  const model = values.model === undefined ? undefined : values.model.toLowerCase() === 'default' ? null : values.model;
  if (sm === undefined && model === undefined && values.owner === undefined && !values.reviewed) {
    throw new UsageError('demarc assign: nothing to set; give --service-model, --model, --owner or --reviewed');
  }
  if (values.preview && model === undefined) throw new UsageError('demarc assign: --preview previews a --model change; give --model');
  return withWorkbook('assign', positionals[0], io, async (cli) => {
    const parties = await cli.call('parties.list', {});
    let filter: AssetFilter;
    try {
      filter = parseWhere(values.where ?? '', { parties, sets: await savedSetsFor(cli, values.where ?? '') });
    } catch (error) {
      if (error instanceof FilterParseError) throw new UsageError(`demarc assign: --where: ${error.message}`);
      throw error;
    }
    if (values.preview && model !== undefined) {
      const preview = await cli.call('assets.previewModel', { filter, modelId: model });
      io.stdout(values.json ? `${JSON.stringify(preview, null, 2)}\n` : `${modelChangeText(preview)}\n`);
      return EXIT.ok;
    }
    const set: { serviceModel?: ServiceModel | null; modelId?: string | null; ownerPartyId?: number | null; reviewed?: true } = {};
    if (sm !== undefined) set.serviceModel = sm === 'none' ? null : sm;
    if (model !== undefined) set.modelId = model;
    if (values.owner !== undefined) {
      set.ownerPartyId = values.owner.toLowerCase() === 'none' ? null : partyByName('assign', parties, values.owner, '--owner').id;
    }
    if (values.reviewed) set.reviewed = true;
    const result = await cli.call('assets.update', { filter, set });
    io.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : `${result.summary}\n`);
    return EXIT.ok;
  });
}
