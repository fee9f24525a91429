import { parseArgs } from 'node:util';
import type { ChangeLogEntry } from '@shared/domain';
import { EXIT, UsageError, type CliIo } from '../io';
import { assetByNameOrId, withWorkbook } from './workbook-arg';

export const LOG_HELP = `Usage: demarc log <file.demarc> [--asset NAME|ID] [--since YYYY-MM-DD] [--limit N] [--json]

The change log: every change made to the workbook, oldest first, with when, who and what.
  --asset   only the changes about this asset (its name, case-insensitive, or id), bulk edits
            that included it too
  --since   only the changes made on or after this day (UTC)
  --limit   only the last N changes (the newest N, still printed oldest first)
  --json    the entries as JSON (id, at, actor, action, entity, entityId, summary, before, after)`;

const MAX_LIMIT = 10000;

function limitOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > MAX_LIMIT) throw new UsageError(`demarc log: --limit: a whole number from 1 to ${MAX_LIMIT}, not "${value}"`);
  return n;
}

function sinceOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const day = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`demarc log: --since: a date like 2026-11-28, not "${value}"`);
  }
  return value;
}

function line(e: ChangeLogEntry): string {
  return `#${e.id}  ${e.at.slice(0, 19).replace('T', ' ')}  ${e.actor}  ${e.summary}`;
}

export async function runLog(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { asset: { type: 'string' }, since: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true
  });
  if (positionals.length > 1) throw new UsageError('demarc log: expected exactly one workbook file');
  const limit = limitOf(values.limit);
  const since = sinceOf(values.since);
  return withWorkbook('log', positionals[0], io, async (cli) => {
    const assetId = values.asset === undefined ? undefined : await assetByNameOrId(cli, 'log', values.asset);
    // The newest N when limited, then back to the order they were made in.
    const entries = await cli.call('changes.list', {
      ...(assetId === undefined ? {} : { assetId }),
      ...(since === undefined ? {} : { since }),
      ...(limit === undefined ? {} : { limit, newestFirst: true })
    });
    if (limit !== undefined) entries.reverse();
    if (values.json) io.stdout(`${JSON.stringify(entries, null, 2)}\n`);
    else if (entries.length === 0) io.stdout('No changes.\n');
    else io.stdout(`${entries.map(line).join('\n')}\n`);
    return EXIT.ok;
  });
}
