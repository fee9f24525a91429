import { parseArgs } from 'node:util';
import { FilterParseError, parseWhere } from '@core/bulk-filter';
import { ASSET_ATTRIBUTES, ATTRIBUTE_VOCABULARY, attributeValue, attributeValueList, type AssetAttribute, type AttributeValues } from '@shared/asset-attributes';
import type { MethodInput } from '@shared/contract';
import { ServiceModelSchema } from '@shared/domain';
import type { AssetFilter } from '@shared/filter';
import { EXIT, UsageError, type CliIo } from '../io';
import { modelChangeText } from './models';
import { partyByName, savedSetsFor, withWorkbook } from './workbook-arg';

export const ASSIGN_HELP = `Usage: demarc assign <file.demarc> --where <filter> [--service-model ID] [--model ID|default] [--owner NAME|none] [--reviewed]
                     [--criticality LEVEL|none] [--data-classification LEVEL|none] [--environment ENV|none] [--preview] [--json]

Changes every asset matching the filter in one step (one change-log entry, undoable in the app).
  --where F            e.g. "type=microsoft.compute/virtualmachines,rg=prod,tag=env=prod,sm=none,owner=none";
                       set=NAME takes a saved set's assets (demarc sets)
                       keys: type, rg, sub, tag, sm, owner, text, finding, seen, id, set, criticality,
                       data-classification, environment
  --service-model ID   a column of the assets' responsibility model (Microsoft and Google: onprem, iaas,
                       paas, saas; AWS: infrastructure, container, abstracted) or none; a choice made here
                       is never overwritten by an import
  --model ID|default   read the assets under this responsibility model (default: their provider's model,
                       else the workbook's); service models, overrides and roles move as --preview says
  --preview            with --model: print what would move and change nothing
  --owner NAME|none    an active party, by name (case-insensitive)
  --reviewed           mark the assets reviewed now
${ASSET_ATTRIBUTES.map((a) => `  --${ATTRIBUTE_VOCABULARY[a].cliName.padEnd(19)}${attributeValueList(a)}; none clears it`).join('\n')}
  --json               print { count, summary }`;

/** --criticality, --data-classification, --environment as the edit's values (a level, a common spelling, or none). */
function attributeOptions(values: Partial<Record<string, string | boolean>>): Partial<{ [A in AssetAttribute]: AttributeValues[A] | null }> {
  const set: Partial<Record<AssetAttribute, string | null>> = {};
  for (const attribute of ASSET_ATTRIBUTES) {
    const name = ATTRIBUTE_VOCABULARY[attribute].cliName;
    const given = values[name];
    if (typeof given !== 'string') continue;
    const clear = given.trim().toLowerCase() === 'none';
    const value = clear ? null : attributeValue(attribute, given);
    if (value === null && !clear) {
      throw new UsageError(`demarc assign: --${name}: "${given}" is not ${attributeValueList(attribute)} (or none to clear it)`);
    }
    set[attribute] = value;
  }
  return set as Partial<{ [A in AssetAttribute]: AttributeValues[A] | null }>;
}

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
      criticality: { type: 'string' },
      'data-classification': { type: 'string' },
      environment: { type: 'string' },
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
  const attributes = attributeOptions(values);
  if (sm === undefined && model === undefined && values.owner === undefined && !values.reviewed && Object.keys(attributes).length === 0) {
    throw new UsageError('demarc assign: nothing to set; give --service-model, --model, --owner, --reviewed, --criticality, --data-classification or --environment');
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
    const set: MethodInput<'assets.update'>['set'] = { ...attributes };
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
