/**
 * Records a merge carries from the other copy as they are: sign-offs and import runs made there
 * since the copies parted (or carried there from a third copy). They are facts of their day, not
 * values to compare: a record is the same in two copies when its content is (the sign-off's
 * signer, date, statement, scope and when it was recorded; the run's file, fingerprint and time).
 * A carried sign-off keeps the states it vouched for, its assets, signer and parties spelt with
 * this workbook's ids (translateSignOffStates), so it goes stale by the usual rule when the merged
 * result differs from them.
 */
import { signedStateOf } from '@core/audit/sign-off-state';
import type { Party } from '@shared/domain';
import type { SignedState } from '@shared/sign-off';
import { loadEngineInput } from '../engine/input';
import { raciContext } from '../engine/asset-detail';
import { buildEngineState } from '../engine/state';
import type { ServiceContext } from '../services/context';
import type { EditOp } from '../services/edit-ops';
import type { ImportRunRow, KeyedSignOff } from '../store/repos/merge-records';
import type { Db } from '../store/workbook-file';
import type { ReadSide } from './read-side';

const signOffIdentity = (s: KeyedSignOff): string => JSON.stringify([s.recordedAt, s.recordedBy, s.partyName, s.signedOn, s.statement, s.scopeLabel, s.items.length]);
const runIdentity = (r: ImportRunRow): string => JSON.stringify([r.sha256, r.at, r.actor, r.fileName, r.sheet]);

/** Their sign-offs and import runs this workbook does not hold. */
export function recordsToCarry(ours: ReadSide, theirs: ReadSide): { signOffs: KeyedSignOff[]; importRuns: ImportRunRow[] } {
  const held = new Set(ours.signOffs.map(signOffIdentity));
  const runs = new Set(ours.importRuns.map(runIdentity));
  return { signOffs: theirs.signOffs.filter((s) => !held.has(signOffIdentity(s))), importRuns: theirs.importRuns.filter((r) => !runs.has(runIdentity(r))) };
}

/**
 * Party ids in the merged workbook by lower-cased name: ours keep theirs; a party only their copy
 * holds (a merge always adds it) gets the next ids, in name order — the order merge-ops.ts adds
 * them in, decided by slot name.
 */
export function mergedPartyIds(ours: readonly Party[], theirs: readonly Party[]): Map<string, number> {
  const ids = new Map(ours.map((p) => [p.name.toLowerCase(), p.id]));
  let next = Math.max(0, ...ours.map((p) => p.id)) + 1;
  for (const name of theirs.map((p) => p.name.toLowerCase()).filter((n) => !ids.has(n)).sort()) ids.set(name, next++);
  return ids;
}

/**
 * A sign-off's covered states spelt with the merged workbook's party ids. A state digests the
 * parties of each layer by id, and ids differ between copies (both may add parties), so the
 * stored digest cannot be carried as is: where the state their copy holds today is still what
 * was signed (the sign-off holds there), it is computed again from the same data with this
 * workbook's ids. A state already stale there keeps its digests (owner spelt here): stale here too.
 * Reads their copy's engine state; only called when there are sign-offs to carry.
 */
export function translateSignOffStates(db: Db, ctx: ServiceContext, side: ReadSide, signOffs: readonly KeyedSignOff[], ourParty: ReadonlyMap<string, number>): void {
  if (signOffs.length === 0) return;
  const state = buildEngineState(loadEngineInput({ db }, ctx));
  const nameOf = new Map(state.input.parties.map((p) => [p.id, p.name.toLowerCase()]));
  const tr = (id: number): number => ourParty.get(nameOf.get(id) ?? '') ?? id;
  const trOrNull = (id: number | null): number | null => (id === null ? null : tr(id));
  for (const signOff of signOffs) {
    for (const item of signOff.items) {
      const stored = JSON.parse(item.stateJson) as SignedState;
      const asset = state.assetById.get(side.assetIds.get(item.key) ?? -1);
      const layerIds = item.layerId === '' ? undefined : [item.layerId];
      if (asset === undefined) continue;
      const base = raciContext(state, asset);
      const overrides = state.overridesByAsset.get(asset.id) ?? [];
      const assignments = state.assignmentsByAsset.get(asset.id) ?? [];
      if (JSON.stringify(signedStateOf(asset, base, overrides, assignments, layerIds)) !== JSON.stringify(stored)) {
        item.stateJson = JSON.stringify({ ...stored, owner: trOrNull(stored.owner) });
        continue;
      }
      const teams = Object.fromEntries(Object.entries(base.settings.defaultTeamPerLayer).map(([layer, id]) => [layer, tr(id)]));
      const here = signedStateOf(
        { ...asset, ownerPartyId: trOrNull(asset.ownerPartyId) },
        { model: base.model, parties: base.parties.map((p) => ({ ...p, id: tr(p.id) })), settings: { defaultTeamPerLayer: teams } },
        overrides,
        assignments.map((a) => ({ ...a, partyId: tr(a.partyId) })),
        layerIds
      );
      item.stateJson = JSON.stringify(here);
    }
  }
}

/**
 * The operations that write the carried records with this workbook's ids (and remove them on
 * undo). `assetId` and `partyId` answer for the merged workbook (new assets and parties included).
 */
export function carryRecordOps(
  ours: ReadSide,
  theirs: ReadSide,
  assetId: (key: string) => number | undefined,
  partyId: (lowerName: string) => number
): { forward: EditOp[]; backward: EditOp[] } {
  const { signOffs, importRuns } = recordsToCarry(ours, theirs);
  const forward: EditOp[] = [];
  const backward: EditOp[] = [];
  const ourAsset = (key: string): number => {
    const id = assetId(key);
    if (id === undefined) throw new Error(`the asset ${key} is in neither copy`);
    return id;
  };
  let nextSignOff = Math.max(0, ...ours.signOffs.map((s) => s.id)) + 1;
  for (const s of signOffs) {
    const scope = JSON.parse(s.scopeJson) as { kind: string; assetId?: number };
    if (scope.assetId !== undefined) {
      const key = theirs.lookups.assetKey(scope.assetId);
      if (key !== null) scope.assetId = ourAsset(key);
    }
    const id = nextSignOff++;
    const items = s.items.map((item) => {
      return { assetId: ourAsset(item.key), layerId: item.layerId, stateJson: item.stateJson };
    });
    forward.push({ op: 'putSignOff', row: { ...s, id, scopeJson: JSON.stringify(scope), partyId: partyId(s.partyName.toLowerCase()), items } });
    backward.unshift({ op: 'deleteSignOff', id });
  }
  let nextRun = Math.max(0, ...ours.importRuns.map((r) => r.id)) + 1;
  for (const run of importRuns) {
    const id = nextRun++;
    forward.push({ op: 'putImportRun', row: { ...run, id } });
    backward.unshift({ op: 'deleteImportRun', id });
  }
  return { forward, backward };
}
