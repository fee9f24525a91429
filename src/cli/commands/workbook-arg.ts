/** What the engine commands share: opening the workbook argument, finding parties and assets by name. */
import type { PartyListEntry } from '@shared/contract/engine';
import { CliRouter } from '../cli-router';
import { UsageError, type CliIo } from '../io';

/** Opens the workbook named on the command line, runs `body`, and always closes it. */
export async function withWorkbook<T>(command: string, file: string | undefined, io: CliIo, body: (cli: CliRouter) => Promise<T>): Promise<T> {
  if (file === undefined) throw new UsageError(`demarc ${command}: expected a workbook file first, e.g. demarc ${command} acme.demarc`);
  const cli = new CliRouter(io);
  try {
    const info = await cli.call('workbook.open', { path: cli.path(file) });
    if (!info) throw new UsageError(`demarc ${command}: no file given`);
    return await body(cli);
  } finally {
    cli.close();
  }
}

/**
 * The saved sets a `--where` expression may name (by `set=NAME`): asked of the workbook only when
 * it names one (listing them counts their assets, which loads the whole inventory).
 */
export async function savedSetsFor(cli: CliRouter, expr: string): Promise<{ id: number; name: string }[] | undefined> {
  return /(^|,)\s*set\s*=/i.test(expr) ? cli.call('savedSets.list', {}) : undefined;
}

/** Levenshtein distance, for "did you mean" lists. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/** Up to five names closest to `wanted`. */
export function closeNames(wanted: string, names: readonly string[]): string[] {
  const w = wanted.toLowerCase();
  return [...names]
    .map((name) => ({ name, d: name.toLowerCase().includes(w) || w.includes(name.toLowerCase()) ? 0 : distance(w, name.toLowerCase()) }))
    .sort((a, b) => a.d - b.d || (a.name < b.name ? -1 : 1))
    .slice(0, 5)
    .map((x) => x.name);
}

/** The party with this name (case-insensitive); an unknown name is a usage error listing close names. */
export function partyByName(command: string, parties: readonly PartyListEntry[], name: string, field: string): PartyListEntry {
  const found = parties.find((p) => p.name.toLowerCase() === name.trim().toLowerCase());
  if (found) return found;
  const close = closeNames(name, parties.map((p) => p.name));
  throw new UsageError(`demarc ${command}: ${field}: no party is named "${name}"${close.length ? `; close names: ${close.join(', ')}` : ''}.`);
}

/** An asset by id or exact name (case-insensitive); ambiguous names ask for the id. */
export async function assetByNameOrId(cli: CliRouter, command: string, ref: string): Promise<number> {
  if (/^\d+$/.test(ref)) return Number(ref);
  const page = await cli.call('assets.list', { filter: { text: ref }, limit: 5000 });
  const exact = page.rows.filter((r) => r.name.toLowerCase() === ref.toLowerCase());
  if (exact.length === 1) return exact[0]!.id;
  if (exact.length > 1) {
    throw new UsageError(`demarc ${command}: --asset: ${exact.length} assets are named "${ref}" (ids ${exact.map((r) => r.id).join(', ')}); give the id.`);
  }
  const close = closeNames(ref, page.rows.map((r) => r.name));
  throw new UsageError(`demarc ${command}: --asset: no asset is named "${ref}"${close.length ? `; close names: ${close.join(', ')}` : ''}.`);
}

/** A layer by id or title (case-insensitive) among the asset's layers. */
export async function layerOf(cli: CliRouter, command: string, assetId: number, ref: string): Promise<{ id: string; title: string }> {
  const detail = await cli.call('assets.get', { id: assetId });
  const wanted = ref.toLowerCase();
  const layer = detail.layers.find((l) => l.layerId === wanted || l.title.toLowerCase() === wanted);
  if (layer) return { id: layer.layerId, title: layer.title };
  throw new UsageError(`demarc ${command}: --layer: "${ref}" is not a layer of ${detail.model.name}; use one of: ${detail.layers.map((l) => l.layerId).join(', ')}.`);
}
