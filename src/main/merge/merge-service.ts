/**
 * Merging another copy of the workbook into the open one (File › Merge workbook…, `demarc
 * merge`). The apply is one write: the decided values, their entries kept (marked merged, with
 * their own authors and times), and one entry of its own naming the file, its id and head — and
 * one undoable step. Merging a file whose entries are all here already changes nothing.
 */
import { basename } from 'node:path';
import type { DecidedDifference, MergeDecisions } from '@core/merge/decide';
import { MERGE_ACTION } from '@core/merge/entry-touches';
import { blockers } from '@core/merge/plan';
import type { MergePlan, MergeResult } from '@shared/contract/merge';
import { DemarcError } from '@shared/errors';
import type { OpenWorkbook, ServiceContext } from '../services/context';
import { touchedBy, type EditStep } from '../services/history';
import { applyOps } from '../services/edit-ops';
import { actorOf, write } from '../services/write';
import { appendChange, lastChangeId } from '../store/repos/change-log';
import { listStoredChangesFrom, type StoredChange } from '../store/repos/merge-side';
import { mergeOps, type MergeOps } from './merge-ops';
import { prepareMerge, type PreparedMerge } from './merge-plan';
import { changeIdentity, touchesOfStored } from './read-side';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function describeList(items: readonly { subject: string; detail: string }[]): string {
  const shown = items.slice(0, 3).map((i) => `${i.subject} (${i.detail})`);
  return `${shown.join('; ')}${items.length > 3 ? `; and ${items.length - 3} more` : ''}`;
}

/** Refuses an apply that is not ready: undecided conflicts, or a decision that breaks a rule. */
function assertDecided(prepared: PreparedMerge): void {
  const { undecided, breaking } = blockers(prepared.decided);
  if (undecided.length > 0) {
    const items = prepared.plan.conflicts.filter((c) => c.choice === null);
    throw new DemarcError('RULE_VIOLATION', `${plural(undecided.length, 'conflict')} still to decide: ${describeList(items)}. Nothing was changed.`, {
      undecided: items.map((i) => i.slot)
    });
  }
  if (breaking.length > 0) {
    throw new DemarcError('RULE_VIOLATION', `Taking theirs would break the workbook's rules: ${breaking.map((d) => d.rule).join(' ')} Decide those for ours. Nothing was changed.`, {
      breaking: breaking.map((d) => d.slot)
    });
  }
}

/** What the write needs of a decided merge: the two copies as read are left behind (100k rows each). */
interface ReadyMerge {
  plan: MergePlan;
  name: string;
  ops: MergeOps;
  conflicts: DecidedDifference[];
  /** Their entries to keep here, with their identity and touches. */
  kept: { row: StoredChange; identity: string; touches: string[] }[];
  /** The identities this merge brings into effect (lineage.ts). */
  brought: string[];
}

function readyMerge(wb: OpenWorkbook, ctx: ServiceContext, input: { path: string; decisions: MergeDecisions; expectedHead?: string | undefined }): ReadyMerge | MergeResult {
  const prepared = prepareMerge(wb, ctx, input.path, input.decisions);
  const { plan, theirs, lineage } = prepared;
  const name = basename(prepared.path);
  if (input.expectedHead !== undefined && plan.theirs.head !== input.expectedHead) {
    throw new DemarcError('RULE_VIOLATION', `${name} changed since the merge was previewed (its last change is not the one shown). Preview it again. Nothing was changed.`);
  }
  if (plan.newEntries === 0) {
    return { plan, merged: false, entryId: null, summary: `Nothing to merge: every change in ${name} is already in this workbook.` };
  }
  assertDecided(prepared);
  return {
    plan,
    name,
    ops: mergeOps(prepared.decided, prepared.ours, theirs, ctx.clock(), actorOf(wb, ctx)),
    conflicts: prepared.decided.filter((d) => d.outcome === 'conflict'),
    // Their history kept: every entry of theirs this log does not hold (an entry it holds from a
    // merge since undone is held already; the merge entry names it as brought into effect again).
    kept: lineage.carried.map((i) => ({ row: theirs.changes[i]!, identity: theirs.identities[i]!, touches: touchesOfStored(theirs.changes[i]!, theirs.lookups) })),
    brought: lineage.theirsOnly.map((i) => theirs.identities[i]!)
  };
}

export function applyMerge(
  wb: OpenWorkbook,
  ctx: ServiceContext,
  input: { path: string; decisions: MergeDecisions; expectedHead?: string | undefined }
): MergeResult {
  const ready = readyMerge(wb, ctx, input);
  if ('merged' in ready) return ready;
  const { plan, name, ops, conflicts, kept, brought } = ready;
  const tookTheirs = conflicts.filter((d) => d.choice === 'theirs').length;
  const summary = `Merged ${name} (workbook ${plan.theirs.workbookId ?? 'without id'}): ${plural(plan.counts.theirs, 'change')} of theirs applied, ${plural(conflicts.length, 'conflict')} decided (${conflicts.length - tookTheirs} ours, ${tookTheirs} theirs), ${plan.newEntries} ${plan.newEntries === 1 ? 'entry' : 'entries'} of their log kept`;
  const step: EditStep = {
    action: MERGE_ACTION,
    entity: 'workbook',
    entityId: plan.theirs.workbookId,
    summary,
    forward: ops.forward,
    backward: ops.backward
  };
  write(wb, ctx, () => {
    applyOps(wb.db, ops.forward, ctx.clock());
    for (const { row, identity, touches } of kept) {
      appendChange(wb.db, {
        at: row.at,
        actor: row.actor,
        action: row.action,
        entity: row.entity,
        entityId: row.entityId,
        summary: row.summary,
        storedText: { before: row.before, after: row.after },
        origin: { identity, touches }
      });
    }
    return {
      result: undefined,
      change: {
        action: MERGE_ACTION,
        entity: 'workbook',
        entityId: plan.theirs.workbookId,
        summary,
        // What puts the workbook back as it was before the merge, as the operations its undo
        // applies (EditOps, this workbook's row ids): as-of rewinds a merge with them. The
        // entries of theirs kept above (origin set) are not rewound one by one: this undoes them.
        before: ops.backward,
        after: {
          file: plan.theirs.path,
          workbookId: plan.theirs.workbookId,
          head: plan.theirs.head,
          // Their own chain as verified: their file can be checked against it later (demarc verify).
          chainHead: plan.theirs.chainHead,
          ancestor: { entries: plan.ancestor.entries, at: plan.ancestor.at },
          entries: plan.newEntries,
          applied: ops.applied,
          // Slots a decision settled: the next merge counts them as this side's change.
          decided: conflicts.map((d) => d.slot),
          // The entries this merge brings into effect (lineage.ts): an undo of it takes them out again.
          brought
        }
      },
      touched: touchedBy(ops.forward)
    };
  });
  const entryId = lastChangeId(wb.db);
  // Its undo and redo name it, so lineage knows the merge is off (and its entries not held) or on again.
  const merge = changeIdentity(listStoredChangesFrom(wb.db, entryId)[0]!);
  step.before = { merge, ops: step.backward };
  step.after = { merge, ops: step.forward };
  wb.history.push(step);
  return { plan, merged: true, entryId, summary };
}
