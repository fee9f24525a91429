/**
 * Planning a merge of another copy into the open workbook: read both, find where their change
 * logs part, take what each side did since, compare slot by slot, decide and check the rules.
 * The other file is read from a private temporary copy (migrated there if it is older), so its
 * bytes are never touched, even when it is open elsewhere.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { formatChainHead } from '@core/audit/chain';
import { ancestorValues } from '@core/merge/ancestor';
import { describeDifference } from '@core/merge/describe';
import type { DecidedDifference, MergeDecisions } from '@core/merge/decide';
import { lineageOf, type Lineage } from '@core/merge/lineage';
import { isMappingSlot } from '@core/merge/mapping-slots';
import { planDifferences } from '@core/merge/plan';
import type { LayerLookup } from '@core/merge/rules';
import { slot, Touches } from '@core/merge/slots';
import type { MergeSide } from '@core/merge/three-way';
import { DEFAULT_MODEL_ID, parseModel } from '@core/models';
import type { ChainHead } from '@shared/audit';
import type { MergeItem, MergePlan, MergeWorkbookRef } from '@shared/contract/merge';
import type { ResponsibilityModel } from '@shared/domain';
import { DemarcError } from '@shared/errors';
import { loadModels } from '../engine/input';
import type { OpenWorkbook, ServiceContext } from '../services/context';
import { MERGED_FIELDS } from '../store/asset-fields';
import { fileSystemError, openRegularFile } from '../security/user-files';
import { walkChain } from '../store/repos/change-log-chain';
import { META_KEYS } from '../store/repos/meta';
import { closeWorkbookFile, openWorkbookFile, type Db } from '../store/workbook-file';
import { workshopRecordsToCarry, type WorkshopCarry } from './merge-carry';
import { mappingBreak } from './merge-mapping';
import { mergedPartyIds, recordsToCarry, translateSignOffStates } from './merge-records';
import { entryOfStored, readSide, touchesOfStored, type ReadSide } from './read-side';

/** Their changes listed in a plan (all of them count; the list shows this many). */
const LIST_LIMIT = 500;

export interface PreparedMerge {
  path: string;
  ours: ReadSide;
  theirs: ReadSide;
  lineage: Lineage;
  oursSide: MergeSide;
  theirsSide: MergeSide;
  decided: DecidedDifference[];
  plan: MergePlan;
}

/** Copies the user's file through user-files (a regular file only: a FIFO or a device is refused at once, never waited on). */
function copyUserFile(path: string, target: string): void {
  const { fd } = openRegularFile(path, 'workbook');
  const out = openSync(target, 'wx');
  try {
    const chunk = Buffer.allocUnsafe(1024 * 1024);
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) writeSync(out, chunk, 0, n);
  } catch (error) {
    throw fileSystemError(error, path);
  } finally {
    closeSync(out);
    closeSync(fd);
  }
}

/**
 * Refuses a side whose change log is not the chain Demarc wrote: a merge would carry a forged or
 * edited history into this workbook's chain, where it would then verify. `whose` names the file.
 */
function assertChainWhole(db: Db, whose: string): ChainHead | null {
  const walk = walkChain(db);
  if (walk.firstBreak === null) return walk.head;
  throw new DemarcError(
    'BAD_FILE',
    `${whose}: its change log's hash chain is broken at entry #${walk.firstBreak.entryId} (${walk.firstBreak.kind}): ${walk.firstBreak.message} Run demarc verify on it. Nothing was changed.`,
    { entryId: walk.firstBreak.entryId, kind: walk.firstBreak.kind }
  );
}

/** Reads the other copy from a temporary copy of its file (migrated there if older), which is then removed; its chain verified first. */
function readOther(path: string, ctx: ServiceContext, ours: ReadSide): { side: ReadSide; chain: ChainHead | null } {
  const dir = mkdtempSync(join(tmpdir(), 'demarc-merge-'));
  const copy = join(dir, basename(path));
  try {
    copyUserFile(path, copy);
    const opened = openWorkbookFile(copy, ctx.nativeBinding ? { nativeBinding: ctx.nativeBinding } : {});
    try {
      const chain = assertChainWhole(opened.db, basename(path));
      const side = readSide(opened.db, ours);
      translateSignOffStates(opened.db, ctx, side, recordsToCarry(ours, side).signOffs, mergedPartyIds(ours.parties, side.parties));
      return { side, chain };
    } finally {
      closeWorkbookFile(opened.db);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Conflicts whose ancestor value the comparison could not tell, with it read from the logs (core/merge/ancestor.ts). */
function withAncestors(decided: DecidedDifference[], sides: readonly { side: ReadSide; positions: readonly number[] }[]): DecidedDifference[] {
  const unknown = decided.filter((d) => !d.ancestorKnown).map((d) => d.slot);
  if (unknown.length === 0) return decided;
  const found = ancestorValues(
    unknown,
    sides.map(({ side, positions }) => ({
      lookups: side.lookups,
      entries: positions.map((i) => {
        const row = side.changes[i]!;
        return { entry: entryOfStored(row), touches: touchesOfStored(row, side.lookups) };
      })
    }))
  );
  return decided.map((d) => (found.has(d.slot) ? { ...d, ancestor: found.get(d.slot)!, ancestorKnown: true } : d));
}

function touchesOf(side: ReadSide, positions: readonly number[]): Touches {
  const touches = new Touches();
  for (const i of positions) {
    const row = side.changes[i]!;
    for (const t of touchesOfStored(row, side.lookups)) touches.add(t, { actor: row.actor, at: row.at, summary: row.summary });
  }
  return touches;
}

function refOf(side: ReadSide, path: string, chain: ChainHead | null): MergeWorkbookRef {
  return {
    chainHead: chain === null ? null : formatChainHead(chain),
    path,
    workbookId: side.meta.get(META_KEYS.workbookId) ?? null,
    organisation: side.meta.get(META_KEYS.organisation) ?? '',
    head: side.identities[side.identities.length - 1] ?? null,
    entries: side.changes.length
  };
}

/** Layers by model, ours and theirs (a model imported on their side only is theirs). */
function layerLookup(wb: OpenWorkbook, ours: ReadSide, theirs: ReadSide): LayerLookup {
  const models: Record<string, ResponsibilityModel> = {};
  for (const row of theirs.models.values()) {
    try {
      models[row.id] = parseModel(JSON.parse(row.json) as unknown, `model ${row.id}`);
    } catch {
      // A model their copy holds but cannot be read: its layers show by id.
    }
  }
  Object.assign(models, loadModels(wb.db));
  const defaultId = ours.meta.get(META_KEYS.defaultModelId) ?? DEFAULT_MODEL_ID;
  return (modelId, layerId) => {
    const layer = models[modelId ?? defaultId]?.layers.find((l) => l.id === layerId);
    return layer ? { title: layer.title, permanentCustomer: layer.permanentCustomer } : null;
  };
}

function describeAll(ours: ReadSide, theirs: ReadSide, layerOf: LayerLookup): (d: DecidedDifference) => MergeItem {
  const nameIndex = MERGED_FIELDS.indexOf('name');
  const modelIndex = MERGED_FIELDS.indexOf('modelId');
  const field = (key: string, i: number): string | null => {
    const row = theirs.assets.get(key) ?? ours.assets.get(key);
    return row === undefined ? null : (((JSON.parse(row) as unknown[])[i] as string | null) ?? null);
  };
  const partyNames = new Map<string, string>();
  for (const p of [...theirs.parties, ...ours.parties]) partyNames.set(p.name.toLowerCase(), p.name);
  return (d) =>
    describeDifference(d, {
      assetName: (key) => field(key, nameIndex) ?? key,
      assetModel: (key) => field(key, modelIndex),
      partyName: (lower) => partyNames.get(lower) ?? lower,
      layerOf,
      savedSetName: (nameKey) => (theirs.records.savedSets.get(slot.savedSet(nameKey)) ?? ours.records.savedSets.get(slot.savedSet(nameKey)))?.name ?? nameKey,
      workshopTitle: (key) => (theirs.records.workshops.get(slot.workshop(key)) ?? ours.records.workshops.get(slot.workshop(key)))?.row.title ?? key
    });
}

/**
 * A control mapping made of both copies that its own checks refuse: the items of it taken from
 * theirs become conflicts with the reason (a person's choice of theirs stays, and is refused at apply).
 */
function withMappingRule(decided: DecidedDifference[], decisions: MergeDecisions, ours: ReadSide, theirs: ReadSide): DecidedDifference[] {
  const rule = mappingBreak(decided, ours, theirs);
  if (rule === null) return decided;
  return decided.map((d) => {
    if (!isMappingSlot(d.slot) || d.choice !== 'theirs') return d;
    const chosen = decisions.items?.[d.slot] ?? null;
    return d.decidedBy === 'merge' ? { ...d, outcome: 'conflict', choice: chosen, decidedBy: chosen === null ? null : 'person', rule } : { ...d, outcome: 'conflict', rule };
  });
}

/** The merge of the copy at `path` into the open workbook, as it would be. Writes nothing. */
export function prepareMerge(wb: OpenWorkbook, ctx: ServiceContext, path: string, decisions: MergeDecisions): PreparedMerge {
  const otherPath = resolve(path);
  if (otherPath === resolve(wb.path)) throw new DemarcError('INVALID_INPUT', `${basename(path)} is the workbook open here: choose the other copy to merge.`);
  const ourChain = assertChainWhole(wb.db, `This workbook (${basename(wb.path)})`);
  const ours = readSide(wb.db);
  const { side: theirs, chain: theirChain } = readOther(otherPath, ctx, ours);
  const lineage = lineageOf(ours.log, theirs.log);
  const oursRef = refOf(ours, wb.path, ourChain);
  const theirsRef = refOf(theirs, otherPath, theirChain);
  if (lineage.common === 0) {
    throw new DemarcError(
      'INVALID_INPUT',
      `${basename(otherPath)} is not a copy of this workbook: the two share no history (their change logs differ from the first entry; workbook ids ${theirsRef.workbookId ?? 'none'} and ${oursRef.workbookId ?? 'none'}). Nothing was changed.`
    );
  }
  const oursSide: MergeSide = { assets: ours.assets, slots: ours.slots, touches: touchesOf(ours, lineage.oursOnly) };
  const theirsSide: MergeSide = { assets: theirs.assets, slots: theirs.slots, touches: touchesOf(theirs, lineage.theirsOnly) };
  const layerOf = layerLookup(wb, ours, theirs);
  // Nothing new from them: whatever differs is our own doing since, and stays.
  const decided =
    lineage.theirsOnly.length === 0
      ? []
      : withAncestors(withMappingRule(planDifferences(oursSide, theirsSide, MERGED_FIELDS, decisions, layerOf), decisions, ours, theirs), [
          { side: ours, positions: lineage.oursOnly },
          { side: theirs, positions: lineage.theirsOnly }
        ]);
  const describe = describeAll(ours, theirs, layerOf);
  const conflicts = decided.filter((d) => d.outcome === 'conflict');
  const changes = decided.filter((d) => d.outcome === 'theirs');
  const ancestor = ours.changes[lineage.common - 1]!;
  const carried = lineage.theirsOnly.length === 0 ? { signOffs: [], importRuns: [] } : recordsToCarry(ours, theirs);
  const workshopRecords = lineage.theirsOnly.length === 0 ? [] : workshopRecordsToCarry(ours, theirs);
  const total = (pick: (w: WorkshopCarry) => readonly unknown[]) => workshopRecords.reduce((n, w) => n + pick(w).length, 0);
  const plan: MergePlan = {
    ours: oursRef,
    theirs: theirsRef,
    ancestor: { entries: lineage.common, at: ancestor.at, actor: ancestor.actor, summary: ancestor.summary },
    newEntries: lineage.theirsOnly.length,
    ourEntries: lineage.oursOnly.length,
    counts: {
      theirs: changes.length,
      ours: decided.filter((d) => d.outcome === 'ours').length,
      conflicts: conflicts.length,
      undecided: conflicts.filter((d) => d.choice === null).length,
      ruleBreaks: decided.filter((d) => d.rule !== null).length
    },
    carried: {
      signOffs: carried.signOffs.length,
      importRuns: carried.importRuns.length,
      decisions: total((w) => w.decisions),
      actions: total((w) => w.actions),
      closedActions: total((w) => w.closed)
    },
    conflicts: conflicts.map(describe),
    changes: changes.slice(0, LIST_LIMIT).map(describe),
    listLimit: LIST_LIMIT
  };
  return { path: otherPath, ours, theirs, lineage, oursSide, theirsSide, decided, plan };
}
