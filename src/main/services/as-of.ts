/**
 * The workbook as it was at a moment, rebuilt from the change log: the workbook now with every
 * entry written after the moment undone, newest first (as-of-rewind.ts reads what each undoes),
 * and the assets created after the moment left out. One reconstruction serves `demarc report
 * --as-of`, `demarc check --as-of` and the app's History view: an engine state like the live one,
 * built without touching it, kept on the OpenWorkbook until the next write.
 *
 * The chain is walked first: a log that does not verify is refused, never answered from.
 * What the log cannot undo (an import's updates of existing assets, the service-model columns a
 * model change mapped, a merge, workshop decisions, a round trip) is named in `gaps`: those values
 * are shown as they are now, and the answer says so.
 */
import { formatChainHead } from '@core/audit/chain';
import { asOfKind, type AsOfGap, type AsOfInfo } from '@shared/as-of';
import type { ChangeLogEntry, WorkbookSettings } from '@shared/domain';
import { DemarcError } from '@shared/errors';
import { buildEngineState, type EngineState } from '../engine/state';
import { applyEditToState } from '../engine/apply-edit';
import { walkChain } from '../store/repos/change-log-chain';
import { listChanges } from '../store/repos/change-log';
import type { Db } from '../store/workbook-file';
import { rewindOf } from './as-of-rewind';
import type { OpenWorkbook, ServiceContext } from './context';
import type { EditOp } from './edit-ops';

/** An as-of answer: the state as it was, and what it stands on. */
export interface AsOfAnswer {
  info: AsOfInfo;
  state: EngineState;
}

/** What an open workbook keeps of as-of answers: the last one and the chain walk, until the next write. */
export class AsOfMemo {
  chain: { revision: number; head: string } | null = null;
  answer: { revision: number; value: AsOfAnswer } | null = null;
}

const DAY_MS = 86_400_000;

/** The chain head, once the whole chain verified (at most once per revision of the workbook). */
function verifiedHead(wb: OpenWorkbook): string {
  const memo = wb.asOf;
  if (memo.chain !== null && memo.chain.revision === wb.revision) return memo.chain.head;
  const walk = walkChain(wb.db);
  if (walk.firstBreak !== null) {
    throw new DemarcError(
      'BAD_FILE',
      `The change log's hash chain is broken at entry #${walk.firstBreak.entryId} (${walk.firstBreak.kind}): ${walk.firstBreak.message} The workbook as it was cannot be rebuilt from a log that was altered; run demarc verify.`,
      { entryId: walk.firstBreak.entryId, kind: walk.firstBreak.kind }
    );
  }
  const head = walk.head === null ? '' : formatChainHead(walk.head);
  memo.chain = { revision: wb.revision, head };
  return head;
}

interface Moment {
  at: string;
  entry: ChangeLogEntry;
}

function firstEntry(db: Db): ChangeLogEntry {
  const first = listChanges(db, { limit: 1 })[0];
  if (first === undefined) throw new DemarcError('NOT_FOUND', 'The workbook has no change log: there is no history to go back to.');
  return first;
}

/** The last entry written here (not brought in by a merge, whose entries keep their own times) at or before `at`. */
function entryAtOrBefore(db: Db, at: string): ChangeLogEntry | null {
  const row = db.prepare('SELECT max(id) AS id FROM change_log WHERE at <= @at AND origin IS NULL').get({ at }) as { id: number | null };
  return row.id === null ? null : (listChanges(db, { afterId: row.id - 1, limit: 1 })[0] ?? null);
}

/** Resolves the moment asked for, refusing one before the workbook existed or in the future. */
function resolveMoment(db: Db, requested: string, now: string): Moment {
  const first = firstEntry(db);
  const kind = asOfKind(requested);
  if (kind === 'entry') {
    const id = Number(requested.replace('#', ''));
    const entry = listChanges(db, { afterId: id - 1, limit: 1 })[0];
    if (entry === undefined || entry.id !== id) {
      const last = listChanges(db, { newestFirst: true, limit: 1 })[0];
      throw new DemarcError('NOT_FOUND', `as-of: the change log has no entry #${id} (its entries are #${first.id}–#${last?.id ?? first.id}).`);
    }
    return { at: entry.at, entry };
  }
  const start = kind === 'day' ? Date.parse(`${requested}T00:00:00.000Z`) : Date.parse(requested);
  if (Number.isNaN(start)) throw new DemarcError('INVALID_INPUT', `as-of: ${JSON.stringify(requested)} is not a date.`);
  if (start > Date.parse(now)) throw new DemarcError('INVALID_INPUT', `as-of: ${requested} is in the future (it is now ${now}).`);
  const at = kind === 'day' ? new Date(Math.min(start + DAY_MS - 1, Date.parse(now))).toISOString() : new Date(start).toISOString();
  const entry = entryAtOrBefore(db, at);
  if (entry === null || at < first.at) {
    throw new DemarcError('NOT_FOUND', `as-of: the workbook did not exist yet at ${requested}: its change log begins at ${first.at} (#${first.id}: ${first.summary}).`);
  }
  return { at, entry };
}

/** Settings as they were: each undone entry's previous settings, newest first (so the oldest wins). */
function settingsBefore(settings: WorkbookSettings, rewinds: ReturnType<typeof rewindOf>[]): WorkbookSettings {
  const out: WorkbookSettings = { ...settings, modelByProvider: { ...settings.modelByProvider } };
  for (const r of rewinds) {
    if (r.settings) Object.assign(out, r.settings);
    if (r.providerModel) {
      if (r.providerModel.modelId === null) delete out.modelByProvider[r.providerModel.provider];
      else out.modelByProvider[r.providerModel.provider] = r.providerModel.modelId;
    }
  }
  return out;
}

/** The live state with the later entries undone, in a state of its own (the live one is not touched). */
function rewind(live: EngineState, moment: Moment, later: readonly ChangeLogEntry[]): { state: EngineState; gaps: AsOfGap[]; assetsLeftOut: number } {
  const gaps: AsOfGap[] = [];
  const rewinds = later.map((entry) => {
    // An entry a merge brought in was applied here by the merge's own entry, which is a gap.
    const r = entry.merged ? { ops: [] } : rewindOf(entry);
    if (r.gap !== undefined) gaps.push({ entryId: entry.id, at: entry.at, actor: entry.actor, action: entry.action, summary: entry.summary, reason: r.gap });
    return r;
  });
  const ops: EditOp[] = rewinds.flatMap((r) => r.ops);
  const patched = new Set(ops.flatMap((op) => (op.op === 'patchAssets' ? op.ids : [])));
  const input = live.input;
  const assets = input.assets.filter((a) => a.createdAt <= moment.at).map((a) => (patched.has(a.id) ? { ...a } : a));
  const signOffsLater = new Set(rewinds.flatMap((r) => (r.signOffId === undefined ? [] : [r.signOffId])));
  const signOffs = input.signOffs && {
    records: input.signOffs.records.filter((s) => !signOffsLater.has(s.id)),
    items: input.signOffs.items.filter((i) => !signOffsLater.has(i.signOffId))
  };
  const working = buildEngineState({ ...input, assets, settings: settingsBefore(input.settings, rewinds), ...(signOffs ? { signOffs } : {}), now: moment.at });
  applyEditToState(working, ops, moment.at);
  // Rows of assets that did not exist yet (an undone edit may put some back) are left out.
  const exists = (row: { assetId: number }) => working.assetById.has(row.assetId);
  const rewound = working.input;
  const state = buildEngineState(
    {
      ...rewound,
      overrides: rewound.overrides.filter(exists),
      assignments: rewound.assignments.filter(exists),
      notes: (rewound.notes ?? []).filter(exists),
      actions: (rewound.actions ?? []).filter(exists),
      ...(rewound.signOffs ? { signOffs: { records: rewound.signOffs.records, items: rewound.signOffs.items.filter(exists) } } : {}),
      now: moment.at
    },
    working.assetById
  );
  return { state, gaps: gaps.reverse(), assetsLeftOut: input.assets.length - assets.length };
}

/**
 * The workbook as it was at `requested` (see the module comment), kept until the next write.
 * @throws DemarcError BAD_FILE when the chain does not verify; NOT_FOUND before the workbook
 *   existed or for an unknown entry; INVALID_INPUT for a moment in the future
 */
export function workbookAsOf(wb: OpenWorkbook, ctx: ServiceContext, requested: string): AsOfAnswer {
  const chainHead = verifiedHead(wb);
  const moment = resolveMoment(wb.db, requested, ctx.clock());
  const kept = wb.asOf.answer;
  if (kept !== null && kept.revision === wb.revision && kept.value.info.at === moment.at && kept.value.info.entry.id === moment.entry.id) return kept.value;
  const later = listChanges(wb.db, { afterId: moment.entry.id, newestFirst: true });
  const { state, gaps, assetsLeftOut } = rewind(wb.engine.state(ctx), moment, later);
  const { entry } = moment;
  const value: AsOfAnswer = {
    state,
    info: { requested, at: moment.at, entry: { id: entry.id, at: entry.at, actor: entry.actor, summary: entry.summary }, undone: later.length, assetsLeftOut, gaps, chainHead }
  };
  wb.asOf.answer = { revision: wb.revision, value };
  return value;
}
