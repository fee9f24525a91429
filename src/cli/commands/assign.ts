import { parseArgs } from 'node:util';
import { FilterParseError, parseWhere } from '@core/bulk-filter';
import { SERVICE_MODELS, type ServiceModel } from '@shared/domain';
import type { AssetFilter } from '@shared/filter';
import { EXIT, UsageError, type CliIo } from '../io';
import { partyByName, withWorkbook } from './workbook-arg';

export const ASSIGN_HELP = `Usage: demarc assign <file.demarc> --where <filter> [--service-model MODEL] [--owner NAME|none] [--reviewed] [--json]

Changes every asset matching the filter in one step (one change-log entry, undoable in the app).
  --where F            e.g. "type=microsoft.compute/virtualmachines,rg=prod,tag=env=prod,sm=none,owner=none"
                       keys: type, rg, sub, tag, sm, owner, text, finding, id
  --service-model M    onprem, iaas, paas, saas or none (a choice made here is never overwritten by an import)
  --owner NAME|none    an active party, by name (case-insensitive)
  --reviewed           mark the assets reviewed now
  --json               print { count, summary }`;

export async function runAssign(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      where: { type: 'string' },
      'service-model': { type: 'string' },
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
  if (sm !== undefined && sm !== 'none' && !(SERVICE_MODELS as readonly string[]).includes(sm)) {
    throw new UsageError(`demarc assign: --service-model: "${values['service-model']}" is not one of ${SERVICE_MODELS.join(', ')}, none`);
  }
  if (sm === undefined && values.owner === undefined && !values.reviewed) {
    throw new UsageError('demarc assign: nothing to set; give --service-model, --owner or --reviewed');
  }
  return withWorkbook('assign', positionals[0], io, async (cli) => {
    const parties = await cli.call('parties.list', {});
    let filter: AssetFilter;
    try {
      filter = parseWhere(values.where ?? '', { parties });
    } catch (error) {
      if (error instanceof FilterParseError) throw new UsageError(`demarc assign: --where: ${error.message}`);
      throw error;
    }
    const set: { serviceModel?: ServiceModel | null; ownerPartyId?: number | null; reviewed?: true } = {};
    if (sm !== undefined) set.serviceModel = sm === 'none' ? null : (sm as ServiceModel);
    if (values.owner !== undefined) {
      set.ownerPartyId = values.owner.toLowerCase() === 'none' ? null : partyByName('assign', parties, values.owner, '--owner').id;
    }
    if (values.reviewed) set.reviewed = true;
    const result = await cli.call('assets.update', { filter, set });
    io.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : `${result.summary}\n`);
    return EXIT.ok;
  });
}
