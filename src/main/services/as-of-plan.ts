/**
 * What answering "the workbook as it was at a moment" takes, read from the change log alone: the
 * chain walked (a log that does not verify is refused, never answered from), the moment resolved
 * to the entry in effect, and every later entry turned into what undoes it (as-of-rewind.ts):
 * edit operations on assets, on parties, the settings as they were, the sign-offs recorded later,
 * and the gaps — entries whose previous values the log does not hold. No workbook row is read
 * here; as-of-pages.ts lays the plan over the file's pages.
 */
import { formatChainHead } from '@core/audit/chain';
import { asOfKind, type AsOfGap, type AsOfInfo } from '@shared/as-of';
import type { Asset, ChangeLogEntry, ResponsibilityModel, WorkbookSettings } from '@shared/domain';
import { DemarcError } from '@shared/errors';
import { walkChain } from '../store/repos/change-log-chain';
import { lastLocalChangeIdAtOrBefore, listChanges } from '../store/repos/change-log';
import { countAssetsCreatedAfter, listAssets } from '../store/repos/assets';
import type { Db } from '../store/workbook-file';
import { absentIds, carriedThen, modelsThen, presentRows } from './as-of-carried';
import { rewindOf, type EntryRewind } from './as-of-rewind';
import type { SignOffRow } from '../store/repos/merge-records';
import type { OpenWorkbook, ServiceContext } from './context';
import type { EditOp } from './edit-ops';

/** The later entries undone, as what the overlay applies. */
export interface AsOfPlan {
  info: AsOfInfo;
  /** Operations on assets' rows undoing the later entries, newest entry first. */
  assetOps: EditOp[];
  /** Operations on parties undoing the later entries, newest entry first. */
  partyOps: EditOp[];
  /** The settings as they were, given the settings now. */
  settingsThen(now: WorkbookSettings): WorkbookSettings;
  /** The models as they were, given the models now (a merge's custom models rewound). */
  modelsThen(now: Record<string, ResponsibilityModel>): Record<string, ResponsibilityModel>;
  /** Sign-offs recorded after the moment, or a merge brought later (left out). */
  signOffsLater: ReadonlySet<number>;
  /** Sign-offs there then that a later entry took out (an undo of the merge that brought them): put back. */
  signOffsPutBack: readonly SignOffRow[];
  /** Assets a later entry brought (a merge's new assets, whatever their creation time): left out. */
  assetsBrought: ReadonlySet<number>;
  /** Assets there then that a later entry took out (an undo of the merge that brought them), as they were put: put back. */
  assetsPutBack: ReadonlyMap<number, Asset>;
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

/** The entry lastLocalChangeIdAtOrBefore names, whole. */
function entryAtOrBefore(db: Db, at: string): ChangeLogEntry | null {
  const id = lastLocalChangeIdAtOrBefore(db, at);
  return id === null ? null : (listChanges(db, { afterId: id - 1, limit: 1 })[0] ?? null);
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
function settingsBefore(settings: WorkbookSettings, rewinds: readonly EntryRewind[]): WorkbookSettings {
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

const isPartyOp = (op: EditOp): boolean => op.op === 'putParty' || op.op === 'deleteParty';

/**
 * The plan for the workbook as it was at `requested` (see the module comment).
 * @throws DemarcError BAD_FILE when the chain does not verify; NOT_FOUND before the workbook
 *   existed or for an unknown entry; INVALID_INPUT for a moment in the future
 */
export function planAsOf(wb: OpenWorkbook, ctx: ServiceContext, requested: string): AsOfPlan {
  const chainHead = verifiedHead(wb);
  const { at, entry } = resolveMoment(wb.db, requested, ctx.clock());
  const later = listChanges(wb.db, { afterId: entry.id, newestFirst: true });
  const gaps: AsOfGap[] = [];
  const rewinds = later.map((e) => {
    // An entry a merge brought in was applied here by the merge's own entry, which is a gap.
    const r = e.merged ? { ops: [] } : rewindOf(e);
    if (r.gap !== undefined) gaps.push({ entryId: e.id, at: e.at, actor: e.actor, action: e.action, summary: e.summary, reason: r.gap });
    return r;
  });
  const ops = rewinds.flatMap((r) => r.ops);
  const carried = carriedThen(
    rewinds.map((r) => r.carried ?? []),
    rewinds.flatMap((r) => (r.signOffId === undefined ? [] : [r.signOffId]))
  );
  const assetsBrought = absentIds(carried.assets);
  return {
    info: {
      requested,
      at,
      entry: { id: entry.id, at: entry.at, actor: entry.actor, summary: entry.summary },
      undone: later.length,
      assetsLeftOut: countAssetsCreatedAfter(wb.db, at) + listAssets(wb.db, { ids: [...assetsBrought] }).filter((a) => a.createdAt <= at).length,
      gaps: gaps.reverse(),
      chainHead
    },
    assetOps: ops.filter((op) => !isPartyOp(op)),
    partyOps: ops.filter(isPartyOp),
    settingsThen: (now) => settingsBefore(now, rewinds),
    modelsThen: (now) => modelsThen(now, carried.models),
    signOffsLater: absentIds(carried.signOffs),
    signOffsPutBack: presentRows(carried.signOffs),
    assetsBrought,
    assetsPutBack: new Map(presentRows(carried.assets).map((a) => [a.id, a]))
  };
}
