/**
 * The comparison of two moments from the change log: each entry in the window is read for what it
 * did (which assets, which layer, which kind of change) and grouped per asset, counted per kind
 * and per person. Pure: the entries, the asset names and the layer titles are passed in.
 */
import type { ChangeLogEntry } from '@shared/domain';
import type { DiffAsset, DiffChange, DiffKind, DiffReport } from '@shared/audit-diff';
import { changeValues, loggedRows } from './change-values';

/** What one entry did: to these assets (null: to the workbook as a whole), of this kind, on this layer. */
export interface EntryEffect {
  assetIds: number[] | null;
  kind: DiffKind;
  layerId: string | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const idsOf = (value: unknown): number[] =>
  Array.isArray(value) ? value.filter((id): id is number => typeof id === 'number') : [];

/** An asset edit's fields → the kinds of change (the patch of `assets.update`, or the groups its undo restores). */
const FIELD_KINDS: Record<string, DiffKind> = {
  ownerPartyId: 'owner',
  serviceModel: 'serviceModel',
  modelId: 'model',
  lastReviewedAt: 'review'
};

function assetEditEffects(after: Record<string, unknown>, entityId: string | null): EntryEffect[] {
  const groups = Array.isArray(after.groups) ? after.groups.filter(isRecord) : [];
  const parts = isRecord(after.values)
    ? [{ values: after.values, ids: idsOf(after.ids) }]
    : groups.map((g) => ({ values: isRecord(g.values) ? g.values : {}, ids: idsOf(g.ids) }));
  const effects: EntryEffect[] = [];
  for (const part of parts) {
    const ids = part.ids.length > 0 ? part.ids : entityId === null ? [] : [Number(entityId)];
    const kinds = new Set(
      Object.keys(part.values).flatMap((field) => {
        const kind = FIELD_KINDS[field];
        return kind === undefined ? [] : [kind];
      })
    );
    for (const kind of kinds) effects.push({ assetIds: ids, kind, layerId: null });
  }
  return effects;
}

/** An edit of one asset (a RACI cell, an override, or the undo/redo of either or of an asset edit), read from its action or, for undo/redo, the rows it logged. */
function assetEntryEffects(entry: ChangeLogEntry): EntryEffect[] {
  const { before, after } = entry;
  if (isRecord(after) && ('values' in after || 'groups' in after))
    return assetEditEffects(after, entry.entityId);
  // One asset names itself in entityId; a bulk edit (raci.setMany) lists its assets in `ids` (its undo: in `before`).
  const listed = isRecord(after) && Array.isArray(after.ids) ? after.ids : isRecord(before) && Array.isArray(before.ids) ? before.ids : [];
  const assetIds = entry.entityId === null ? idsOf(listed) : [Number(entry.entityId)];
  const rows = [...loggedRows(after), ...loggedRows(before)];
  const layerId =
    [before, after, ...rows].map((row) => (isRecord(row) ? row.layerId : undefined)).find((id): id is string => typeof id === 'string') ?? null;
  const isRaci =
    entry.action === 'raci.set' || entry.action === 'raci.setMany' ||
    (!entry.action.startsWith('overrides.') && rows.some((row) => 'role' in row));
  const isOverride = entry.action.startsWith('overrides.') || rows.some((row) => 'responsibility' in row);
  if (isRaci) {
    // A bulk edit over assets of several models may have written a different layer under each.
    const layers = new Set(rows.map((row) => row.layerId).filter((id): id is string => typeof id === 'string'));
    if (layers.size <= 1) return [{ assetIds, kind: 'raci', layerId }];
    return [...layers].map((id) => ({ assetIds: [...new Set(rows.filter((row) => row.layerId === id).map((row) => row.assetId))].filter((a): a is number => typeof a === 'number'), kind: 'raci' as const, layerId: id }));
  }
  if (isOverride) return [{ assetIds, kind: 'responsibility', layerId }];
  return [];
}

/** An entry's action family (or, for an undo/redo, its entity) → the kind of a workbook-wide change. */
const FAMILY_KINDS: Record<string, DiffKind> = {
  import: 'import',
  parties: 'party',
  party: 'party',
  settings: 'settings',
  models: 'models',
  model: 'models',
  mapping: 'mapping'
};

function signOffEffects(entry: ChangeLogEntry): EntryEffect[] {
  const scope = isRecord(entry.after) && isRecord(entry.after.scope) ? entry.after.scope : null;
  if (scope !== null && typeof scope.assetId === 'number') {
    return [
      {
        assetIds: [scope.assetId],
        kind: 'signOff',
        layerId: typeof scope.layerId === 'string' ? scope.layerId : null
      }
    ];
  }
  return [{ assetIds: null, kind: 'signOff', layerId: null }];
}

/** Each entry's effects, read once: the service asks for them (the assets to name) before diffChanges does. */
const effectsRead = new WeakMap<ChangeLogEntry, EntryEffect[]>();

/** What one change-log entry did, read from its action, entity and the before/after it logged. */
export function entryEffects(entry: ChangeLogEntry): EntryEffect[] {
  let effects = effectsRead.get(entry);
  if (effects === undefined) {
    effects = readEffects(entry);
    effectsRead.set(entry, effects);
  }
  return effects;
}

function readEffects(entry: ChangeLogEntry): EntryEffect[] {
  if (entry.entity === 'asset') return assetEntryEffects(entry);
  if (entry.entity === 'sign-off') return signOffEffects(entry);
  // An undo or redo says what it replays by its entity.
  const family = entry.action.startsWith('history.') ? entry.entity : (entry.action.split('.')[0] ?? '');
  return [{ assetIds: null, kind: FAMILY_KINDS[family] ?? 'workbook', layerId: null }];
}

export interface DiffInput {
  from: string;
  to: string;
  /** The window's entries, oldest first. */
  entries: readonly ChangeLogEntry[];
  chain: DiffReport['chain'];
  baseline: DiffReport['baseline'];
  /** An asset's name today, or null when no asset has that id. */
  assetName: (assetId: number) => string | null;
  /** A party's name (`party #<id>` when no party has that id). */
  partyName: (partyId: number) => string;
  /** A layer's title and its position in the asset's model (for ordering). */
  layerOf: (assetId: number, layerId: string) => { title: string; index: number };
  added: DiffReport['added'];
}

function bump(counts: Partial<Record<DiffKind, number>>, kind: DiffKind): void {
  counts[kind] = (counts[kind] ?? 0) + 1;
}

/** The diff of a window of the change log (see the module comment). */
export function diffChanges(input: DiffInput): DiffReport {
  const assets = new Map<
    number,
    { asset: DiffAsset; layers: Map<string, { title: string; index: number }> }
  >();
  const workbook: DiffChange[] = [];
  const counts: Partial<Record<DiffKind, number>> = {};
  const actors = new Map<string, number>();
  let notSeen = 0;
  for (const entry of input.entries) {
    actors.set(entry.actor, (actors.get(entry.actor) ?? 0) + 1);
    if (
      entry.action === 'import.apply' &&
      isRecord(entry.after) &&
      isRecord(entry.after.counts) &&
      typeof entry.after.counts.notSeen === 'number'
    )
      notSeen += entry.after.counts.notSeen;
    for (const effect of entryEffects(entry)) {
      const changeOf = (assetId: number | null): DiffChange => ({
        entryId: entry.id,
        at: entry.at,
        actor: entry.actor,
        kind: effect.kind,
        layerId: effect.layerId,
        layer: assetId === null || effect.layerId === null ? null : input.layerOf(assetId, effect.layerId).title,
        summary: entry.summary,
        ...changeValues(entry, effect.kind, effect.layerId, assetId, input)
      });
      if (effect.assetIds === null) {
        workbook.push(changeOf(null));
        bump(counts, effect.kind);
        continue;
      }
      for (const assetId of effect.assetIds) {
        let held = assets.get(assetId);
        if (held === undefined) {
          held = {
            asset: {
              assetId,
              name: input.assetName(assetId) ?? `asset #${assetId}`,
              counts: {},
              layers: [],
              changes: []
            },
            layers: new Map()
          };
          assets.set(assetId, held);
        }
        held.asset.changes.push(changeOf(assetId));
        bump(held.asset.counts, effect.kind);
        bump(counts, effect.kind);
        if (effect.layerId !== null && !held.layers.has(effect.layerId))
          held.layers.set(effect.layerId, input.layerOf(assetId, effect.layerId));
      }
    }
  }
  const listed = [...assets.values()].map(({ asset, layers }) => ({
    ...asset,
    layers: [...layers.values()].sort((a, b) => a.index - b.index).map((l) => l.title)
  }));
  listed.sort((a, b) => a.name.localeCompare(b.name) || a.assetId - b.assetId);
  const removed = [...assets.values()]
    .filter(({ asset }) => input.assetName(asset.assetId) === null)
    .map(({ asset }) => ({ assetId: asset.assetId, name: asset.name }))
    .sort((a, b) => a.assetId - b.assetId);
  return {
    from: input.from,
    to: input.to,
    entries: input.entries.length,
    firstEntryId: input.entries[0]?.id ?? null,
    lastEntryId: input.entries.at(-1)?.id ?? null,
    baseline: input.baseline,
    chain: input.chain,
    counts,
    byActor: [...actors.entries()]
      .map(([actor, entries]) => ({ actor, entries }))
      .sort((a, b) => b.entries - a.entries || a.actor.localeCompare(b.actor)),
    assets: listed,
    workbook,
    added: input.added,
    removed,
    notSeen
  };
}
