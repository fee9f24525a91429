import { parseArgs } from 'node:util';
import { FilterParseError, parseWhere } from '@core/bulk-filter';
import type { SignOffStatus } from '@shared/contract/sign-offs';
import type { SignOffFilter, SignOffScope } from '@shared/sign-off';
import { EXIT, UsageError, type CliIo } from '../io';
import { assetByNameOrId, layerOf, partyByName, savedSetsFor, withWorkbook } from './workbook-arg';
import { resolveWorkshop } from './workshop';
import { withKeyFile } from './key';
import { signatureWords } from '@core/audit/sign-off-signature';

export const SIGNOFF_HELP = `Usage: demarc signoff <file.demarc> --by NAME (--asset A [--layer L] | --where FILTER | --workshop W | --workbook)
                      [--on YYYY-MM-DD] [--statement TEXT] [--note TEXT] [--sign | --no-sign] [--key FILE] [--json]
       demarc signoff <file.demarc> --list [--asset A] [--json]

Records a sign-off: an active person or team confirms the RACI of a scope on a date. It goes stale
the moment anything it covers changes (responsibility, override, R/A/C/I, owner, service model);
--list shows every sign-off with whether it still holds, and if not, what changed, when and by whom.
Exits 1 with --list when any sign-off is stale.
  --by NAME        the person or team signing (an active party, by name)
  --asset A        one asset (id or name); with --layer L only that layer (id or title)
  --where F        the assets matching a filter when signed: sub=, rg=, sm=, tag=, type=;
                   or set=NAME alone: the assets of a saved set when signed (demarc sets)
  --workshop W     the assets a workshop walked (its id or exact title)
  --workbook       every asset in the workbook
  --on DATE        the date signed (default today)
  --statement T    what is confirmed (default: "I confirm the responsibility and RACI of these layers as shown.")
  --note T         an optional note
  --sign           sign it with your signing key, creating the key when you have none (demarc key)
  --no-sign        record it unsigned (by default it is signed when your signing key exists)
  --key FILE       the signing key file to use (default: DEMARC_SIGNING_KEY, else demarc key's folder)
  --json           machine-readable output
A signed sign-off stores the text signed, the Ed25519 signature and your public key; --list and
demarc verify check each signature ("signed by key SHA256:… ✓", or why it does not match).`;

function describe(s: SignOffStatus): string {
  const head = `#${s.id} ${s.scopeLabel} (${s.assets} asset${s.assets === 1 ? '' : 's'}) — ${s.partyName} on ${s.signedOn}: "${s.statement}"\n  ${signatureWords(s.signature)}`;
  if (s.stale === null) return `${head}\n  valid`;
  const since = s.stale.since ? ` since ${s.stale.since.at} by ${s.stale.since.actor} (${s.stale.since.summary})` : '';
  return `${head}\n  STALE${since}: ${s.stale.changes.join(', ')} changed on ${s.stale.assetName}${s.stale.assets > 1 ? ` and ${s.stale.assets - 1} more asset(s)` : ''}`;
}

export async function runSignoff(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      by: { type: 'string' },
      asset: { type: 'string' },
      layer: { type: 'string' },
      where: { type: 'string' },
      workbook: { type: 'boolean' },
      workshop: { type: 'string' },
      on: { type: 'string' },
      statement: { type: 'string' },
      note: { type: 'string' },
      sign: { type: 'boolean' },
      'no-sign': { type: 'boolean' },
      key: { type: 'string' },
      list: { type: 'boolean' },
      json: { type: 'boolean' }
    },
    allowPositionals: true,
    strict: true
  });
  if (positionals.length !== 1) throw new UsageError('demarc signoff: expected exactly one workbook file');
  const scopes = [values.asset !== undefined, values.where !== undefined, values.workshop !== undefined, values.workbook === true].filter(Boolean).length;
  if (!values.list) {
    if (values.by === undefined) throw new UsageError('demarc signoff: --by is required: the person or team signing');
    if (scopes !== 1) throw new UsageError('demarc signoff: give exactly one of --asset, --where, --workshop or --workbook');
  }
  if (values.layer !== undefined && values.asset === undefined) throw new UsageError('demarc signoff: --layer needs --asset');
  if (values.sign && values['no-sign']) throw new UsageError('demarc signoff: give --sign or --no-sign, not both');
  return withWorkbook('signoff', positionals[0], withKeyFile(io, values.key), async (cli) => {
    if (values.list) {
      const assetId = values.asset === undefined ? undefined : await assetByNameOrId(cli, 'signoff', values.asset);
      const list = await cli.call('signOffs.list', assetId === undefined ? {} : { assetId });
      io.stdout(values.json ? `${JSON.stringify(list, null, 2)}\n` : `${list.length === 0 ? 'No sign-offs.' : list.map(describe).join('\n')}\n`);
      return list.some((s) => s.stale !== null) ? EXIT.checkFailed : EXIT.ok;
    }
    const parties = await cli.call('parties.list', {});
    const party = partyByName('signoff', parties, values.by ?? '', '--by');
    let scope: SignOffScope;
    if (values.workbook) scope = { kind: 'workbook' };
    else if (values.workshop !== undefined) scope = { kind: 'workshop', workshopId: await resolveWorkshop(cli, values.workshop) };
    else if (values.where !== undefined) {
      try {
        const { subscription, resourceGroup, serviceModel, tag, type, set, ...rest } = parseWhere(values.where, { parties, sets: await savedSetsFor(cli, values.where) });
        const other = Object.keys(rest);
        if (other.length > 0) throw new UsageError(`demarc signoff: --where: a sign-off scope takes sub, rg, sm, tag and type, or set alone (not ${other.join(', ')})`);
        if (set !== undefined && [subscription, resourceGroup, serviceModel, tag, type].some((v) => v !== undefined)) {
          throw new UsageError('demarc signoff: --where: set=NAME signs off the saved set as it is; give it alone (save a set with the other conditions first)');
        }
        const filter: SignOffFilter = {};
        if (subscription !== undefined) filter.subscription = subscription;
        if (resourceGroup !== undefined) filter.resourceGroup = resourceGroup;
        if (serviceModel !== undefined) filter.serviceModel = serviceModel;
        if (tag !== undefined) filter.tag = tag;
        if (type !== undefined) filter.type = type;
        scope = set === undefined ? { kind: 'filter', filter } : { kind: 'set', setId: set };
      } catch (error) {
        if (error instanceof FilterParseError) throw new UsageError(`demarc signoff: --where: ${error.message}`);
        throw error;
      }
    } else {
      const assetId = await assetByNameOrId(cli, 'signoff', values.asset ?? '');
      scope = values.layer === undefined ? { kind: 'asset', assetId } : { kind: 'layer', assetId, layerId: (await layerOf(cli, 'signoff', assetId, values.layer)).id };
    }
    // Signed by default when the key exists; --sign creates it; --no-sign records it unsigned.
    const sign = values['no-sign'] ? false : values.sign === true || cli.services.signingKey?.publicKey() != null;
    const signed = await cli.call('signOffs.add', {
      sign,
      scope,
      partyId: party.id,
      ...(values.on === undefined ? {} : { signedOn: values.on }),
      ...(values.statement === undefined ? {} : { statement: values.statement }),
      ...(values.note === undefined ? {} : { note: values.note })
    });
    io.stdout(values.json ? `${JSON.stringify(signed, null, 2)}\n` : `Signed off: ${describe(signed)}\n`);
    return EXIT.ok;
  });
}
