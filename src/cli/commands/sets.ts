import { parseArgs } from 'node:util';
import { FilterParseError, parseWhere } from '@core/bulk-filter';
import { DemarcError } from '@shared/errors';
import { SAVED_SET_KIND_LABELS, type SavedSet } from '@shared/saved-set';
import type { CliRouter } from '../cli-router';
import { EXIT, UsageError, type CliIo } from '../io';
import { savedSetsFor, withWorkbook } from './workbook-arg';

export const SETS_HELP = `Usage: demarc sets <file.demarc> <action> ...

Saved sets: a named scope kept in the workbook, used wherever a filter is (--where set=NAME), as a
workshop's scope and as a sign-off's scope (demarc signoff --where set=NAME).
  list [--json]                        every saved set: what it keeps and how many assets it holds now
  show SET [--json]                    one set, with its first assets
  save NAME --where FILTER [--selection] [--json]
                                       keep the filter (the set follows the inventory), or with
                                       --selection the assets matching it now (kept as they are)
  rename SET NEW_NAME [--json]
  delete SET [--json]
SET is a set's exact name (case-insensitive) or its id. FILTER is demarc assign's --where.
Saving, renaming and deleting are each one entry in the change log.`;

function line(s: SavedSet): string {
  return `#${s.id}  ${s.name}  [${SAVED_SET_KIND_LABELS[s.kind]}]  ${s.label}: ${s.assets} asset${s.assets === 1 ? '' : 's'} now`;
}

async function resolveSet(cli: CliRouter, ref: string | undefined): Promise<SavedSet> {
  if (ref === undefined) throw new UsageError('demarc sets: name the saved set (its name or id); `demarc sets FILE list` shows them');
  const all = await cli.call('savedSets.list', {});
  const found = all.find((s) => s.name.toLowerCase() === ref.toLowerCase()) ?? (/^#?\d+$/.test(ref) ? all.find((s) => s.id === Number(ref.replace('#', ''))) : undefined);
  if (found !== undefined) return found;
  throw new DemarcError('NOT_FOUND', `no saved set is called "${ref}" (saved sets: ${all.map((s) => `"${s.name}"`).join(', ') || 'none'}).`);
}

export async function runSets(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean' }, where: { type: 'string' }, selection: { type: 'boolean' } },
    allowPositionals: true,
    strict: true
  });
  const [file, action, ref, second, ...extra] = positionals;
  if (action === undefined) throw new UsageError('demarc sets: expected a workbook file and an action: list, show, save, rename or delete');
  if (extra.length > 0 || (second !== undefined && action !== 'rename')) throw new UsageError(`demarc sets: unexpected argument "${extra[0] ?? second ?? ''}"`);
  if ((values.where !== undefined || values.selection) && action !== 'save') throw new UsageError(`demarc sets ${action}: --where and --selection belong to save`);
  const out = (data: unknown, text: string) => io.stdout(values.json ? `${JSON.stringify(data, null, 2)}\n` : `${text}\n`);
  return withWorkbook('sets', file, io, async (cli) => {
    switch (action) {
      case 'list': {
        const all = await cli.call('savedSets.list', {});
        out(all, all.length === 0 ? 'No saved set yet.' : all.map(line).join('\n'));
        return EXIT.ok;
      }
      case 'show': {
        const set = await cli.call('savedSets.get', { id: (await resolveSet(cli, ref)).id });
        out(set, [line(set), `Saved ${set.createdAt.slice(0, 10)} by ${set.createdBy}`, ...set.examples.map((name) => `  ${name}`), ...(set.assets > set.examples.length ? [`  … and ${set.assets - set.examples.length} more`] : [])].join('\n'));
        return EXIT.ok;
      }
      case 'save': {
        if (ref === undefined) throw new UsageError('demarc sets save: name the set: demarc sets FILE save NAME --where FILTER');
        if (values.where === undefined) throw new UsageError('demarc sets save: --where FILTER is required (the filter to keep, or with --selection the assets to keep)');
        let filter;
        try {
          filter = parseWhere(values.where, { parties: await cli.call('parties.list', {}), sets: await savedSetsFor(cli, values.where) });
        } catch (error) {
          if (error instanceof FilterParseError) throw new UsageError(`demarc sets save: --where: ${error.message}`);
          throw error;
        }
        let source: { kind: 'filter'; filter: typeof filter } | { kind: 'selection'; ids: number[] } = { kind: 'filter', filter };
        if (values.selection) {
          const ids = await cli.call('assets.matchingIds', { filter });
          if (ids.length === 0) throw new DemarcError('INVALID_INPUT', `--where: no asset matches "${values.where}"; a selection needs at least one asset.`);
          source = { kind: 'selection', ids };
        }
        const saved = await cli.call('savedSets.save', { name: ref, source });
        out(saved, `Saved ${line(saved)}`);
        return EXIT.ok;
      }
      case 'rename': {
        if (second === undefined) throw new UsageError('demarc sets rename: give the set and its new name: demarc sets FILE rename SET NEW_NAME');
        const renamed = await cli.call('savedSets.rename', { id: (await resolveSet(cli, ref)).id, name: second });
        out(renamed, `Renamed: ${line(renamed)}`);
        return EXIT.ok;
      }
      case 'delete': {
        const deleted = await cli.call('savedSets.delete', { id: (await resolveSet(cli, ref)).id });
        out(deleted, `Deleted the saved set #${deleted.id} "${deleted.name}"`);
        return EXIT.ok;
      }
      default:
        throw new UsageError(`demarc sets: unknown action "${action}": use list, show, save, rename or delete`);
    }
  });
}
