/**
 * Sign-offs — the service other features call (the app, the CLI, the workshop):
 *
 * - `addSignOff(wb, ctx, input)`: an active person or team signs off a scope (one asset × layer,
 *   an asset, the assets matching a filter, the whole workbook) on a date with a statement and an
 *   optional note. The covered assets and the state of each (service model, owner, model, each
 *   layer's responsibility, override and R/A/C/I) are fixed at that moment. One transaction, one
 *   change-log entry (entity 'sign-off'). Returns its status.
 * - `listSignOffs(wb, ctx, { assetId? })`: every sign-off (or those covering one asset), newest
 *   first, each with `stale`: null while all it covers is as signed, else what changed on the
 *   first changed asset and the first change-log entry about it since.
 *
 * Staleness is computed, never stored: the findings engine raises SIGN_OFF_STALE from the same
 * comparison (core/audit/sign-off-state.ts), so the list, the findings and the export agree.
 */
import { compileFilter } from '@core/bulk-filter';
import { signOffRefusal } from '@core/parties';
import { scopeLabel } from '@core/picture/scope-label';
import { signedStateChanges, signedStateOf } from '@core/audit/sign-off-state';
import type { RaciContext } from '@core/raci';
import type { ParsedInput } from '@shared/contract';
import type { SignOffStatus } from '@shared/contract/sign-offs';
import type { Asset, LayerOverride, RaciAssignment } from '@shared/domain';
import { DemarcError } from '@shared/errors';
import type { SignOffItem, SignOffRecord, SignOffScope, SignedState } from '@shared/sign-off';
import { memoised, modelOf, requireAsset, requireParty, type EngineState } from '../engine/state';
import { matchingAssets } from '../engine/query';
import { listChanges } from '../store/repos/change-log';
import { getWorkshop, listGroups } from '../store/repos/workshops';
import { requireSavedSet, resolveSavedSet } from './saved-set-filter';
import { insertSignOff } from '../store/repos/sign-offs';
import { fingerprintOf } from '../signing/ed25519';
import { signOffEntryId, signOffSigner, signSignOff, signatureVerdict } from './sign-off-signing';
import type { Db } from '../store/workbook-file';
import type { OpenWorkbook, ServiceContext } from './context';
import { write } from './write';

/** Past this many covered assets a sign-off tells the renderer 'all' rather than each id. */
const LISTED_ASSETS_MAX = 1000;

function raciContext(state: EngineState, asset: Asset): RaciContext {
  return { model: modelOf(state, asset), parties: state.input.parties, settings: state.input.settings };
}

function stateOf(state: EngineState, asset: Asset, layerIds?: readonly string[]): SignedState {
  return signedStateOf(asset, raciContext(state, asset), state.overridesByAsset.get(asset.id) ?? [], state.assignmentsByAsset.get(asset.id) ?? [], layerIds);
}

/** The assets a scope covers today, the layer (for a one-layer scope), and the scope in words. */
function resolveScope(db: Db, state: EngineState, scope: SignOffScope): { assets: Asset[]; layerId: string | null; label: string } {
  switch (scope.kind) {
    case 'layer': {
      const asset = requireAsset(state, scope.assetId);
      const layer = modelOf(state, asset).layers.find((l) => l.id === scope.layerId);
      if (layer === undefined) throw new DemarcError('INVALID_INPUT', `scope.layerId: "${scope.layerId}" is not a layer of ${asset.name}'s model.`);
      return { assets: [asset], layerId: layer.id, label: `${asset.name} × ${layer.title}` };
    }
    case 'asset': {
      const asset = requireAsset(state, scope.assetId);
      return { assets: [asset], layerId: null, label: asset.name };
    }
    case 'filter': {
      const matches = compileFilter(scope.filter);
      const assets = state.input.assets.filter(matches);
      // A service model is worded as the matched assets' model labels it (the default model's when none match).
      const labelModel = assets[0] === undefined ? modelOf(state, { modelId: null, provider: null }) : modelOf(state, assets[0]);
      const label = scopeLabel(scope.filter, labelModel);
      if (assets.length === 0) throw new DemarcError('INVALID_INPUT', `scope.filter: no asset matches ${label}; nothing to sign off.`);
      return { assets, layerId: null, label };
    }
    case 'workbook': {
      if (state.input.assets.length === 0) throw new DemarcError('INVALID_INPUT', 'The workbook has no assets yet: nothing to sign off.');
      return { assets: state.input.assets, layerId: null, label: 'Whole workbook' };
    }
    case 'set': {
      const set = requireSavedSet(db, scope.setId);
      const assets = matchingAssets(state, resolveSavedSet(db, { set: set.id }));
      const label = `Saved set “${set.name}”`;
      if (assets.length === 0) throw new DemarcError('INVALID_INPUT', `scope.setId: ${label} holds no asset now; nothing to sign off.`);
      return { assets, layerId: null, label };
    }
    case 'workshop': {
      const workshop = getWorkshop(db, scope.workshopId);
      if (workshop === null) throw new DemarcError('NOT_FOUND', `scope.workshopId: there is no workshop #${scope.workshopId} in this workbook.`);
      const ids = [...new Set(listGroups(db, workshop.id).flatMap((g) => g.assetIds))].sort((a, b) => a - b);
      const assets = ids.flatMap((id) => state.assetById.get(id) ?? []);
      if (assets.length === 0) throw new DemarcError('INVALID_INPUT', `scope.workshopId: the workshop “${workshop.title}” walked no asset still in the workbook; nothing to sign off.`);
      return { assets, layerId: null, label: `The assets of workshop “${workshop.title}” (${workshop.heldOn})` };
    }
  }
}

/** Records a sign-off (see the module comment). */
export function addSignOff(wb: OpenWorkbook, ctx: ServiceContext, input: ParsedInput<'signOffs.add'>): SignOffStatus {
  const state = wb.engine.state(ctx);
  const party = requireParty(state, input.partyId);
  const refusal = signOffRefusal(party);
  if (refusal !== null) throw new DemarcError('RULE_VIOLATION', refusal);
  const { assets, layerId, label } = resolveScope(wb.db, state, input.scope);
  const items = assets.map((asset) => ({ assetId: asset.id, layerId, state: stateOf(state, asset, layerId === null ? undefined : [layerId]) }));
  const signedOn = input.signedOn ?? ctx.clock().slice(0, 10);
  const note = input.note === undefined || input.note === '' ? null : input.note;
  const ids = assets.map((a) => a.id);
  // The key is read (and created, on first use) before the transaction: signing inside it is pure computation.
  const signer = signOffSigner(ctx, input.sign);
  const id = write(wb, ctx, (at, actor) => {
    const record = { scope: input.scope, scopeLabel: label, partyId: party.id, partyName: party.name, signedOn, statement: input.statement, note, recordedAt: at, recordedBy: actor };
    const newId = insertSignOff(wb.db, record, items);
    // The entry names the signing key, so the chain vouches for which key signed.
    const signedBy = signer === null ? {} : { signedBy: fingerprintOf(signSignOff(wb.db, { ...record, id: newId }, signer).publicKey) };
    return {
      result: newId,
      change: {
        action: 'signOffs.add',
        entity: 'sign-off',
        entityId: String(newId),
        summary: `${party.name} signed off ${label} on ${signedOn} (${assets.length} asset${assets.length === 1 ? '' : 's'})`,
        after: { scope: input.scope, partyId: party.id, signedOn, statement: input.statement, note, ...signedBy }
      },
      touched: { signOffs: true, assets: ids.length > LISTED_ASSETS_MAX ? 'all' : ids }
    };
  });
  const status = listSignOffs(wb, ctx, {}).find((s) => s.id === id);
  if (status === undefined) throw new DemarcError('INTERNAL', `Sign-off #${id} was recorded but cannot be read back.`);
  return status;
}

/** What changed since `signed` on an asset read under `ctx` today (empty: as signed). */
export function changesSinceSigned(
  signed: SignedState,
  asset: Asset,
  ctx: RaciContext,
  overrides: readonly LayerOverride[],
  assignments: readonly RaciAssignment[],
  current: Map<number, SignedState>
): string[] {
  let now = current.get(asset.id);
  if (now === undefined) {
    now = signedStateOf(asset, ctx, overrides, assignments);
    current.set(asset.id, now);
  }
  return signedStateChanges(signed, now, (id) => ctx.model.layers.find((l) => l.id === id)?.title ?? id);
}

/** What changed on an item's asset since it was signed (empty: as signed); today's states cached per asset. */
function itemChanges(state: EngineState, item: SignOffItem, current: Map<number, SignedState>): { asset: Asset; changes: string[] } | null {
  const asset = state.assetById.get(item.assetId);
  if (asset === undefined) return null;
  const changes = changesSinceSigned(item.state, asset, raciContext(state, asset), state.overridesByAsset.get(asset.id) ?? [], state.assignmentsByAsset.get(asset.id) ?? [], current);
  return { asset, changes };
}

/** A sign-off's covered items as they are checked: how many changed since signed, and the first that did. */
export interface StaleTally {
  count: number;
  first: { asset: Pick<Asset, 'id' | 'name'>; changes: string[] } | null;
}

/** Counts one covered item's verdict (items in the sign-off's order: by asset, then layer). */
export function tallyItem(tally: StaleTally, verdict: { asset: Pick<Asset, 'id' | 'name'>; changes: string[] } | null): void {
  if (verdict === null || verdict.changes.length === 0) return;
  tally.count += 1;
  tally.first ??= verdict;
}

/** A sign-off with its status, from the tally of its items. */
export function signOffStatus(db: Db, record: SignOffRecord, tally: StaleTally): SignOffStatus {
  const changeId = signOffEntryId(db, record.id);
  const signature = signatureVerdict(db, record, changeId);
  const { first, count } = tally;
  if (first === null) return { ...record, changeId, signature, stale: null };
  const entry = changeId === null ? undefined : listChanges(db, { assetId: first.asset.id, afterId: changeId, limit: 1 })[0];
  return {
    ...record,
    changeId,
    signature,
    stale: {
      assets: count,
      assetId: first.asset.id,
      assetName: first.asset.name,
      changes: first.changes,
      since: entry === undefined ? null : { changeId: entry.id, at: entry.at, actor: entry.actor, summary: entry.summary }
    }
  };
}

/** Sign-offs with their status, newest first (see the module comment). */
export function listSignOffs(wb: OpenWorkbook, ctx: ServiceContext, query: { assetId?: number }): SignOffStatus[] {
  const state = wb.engine.state(ctx);
  // Computed once per state revision (an edit drops the memo): opening asset panels one after another costs a lookup.
  const all = memoised(state, 'sign-off-statuses', () => allStatuses(wb, state));
  const { assetId } = query;
  if (assetId === undefined) return all.map((s) => s.status);
  return all.filter((s) => s.assetIds.has(assetId)).map((s) => s.status);
}

function allStatuses(wb: OpenWorkbook, state: EngineState): { status: SignOffStatus; assetIds: Set<number> }[] {
  const { records, items } = state.input.signOffs ?? { records: [], items: [] };
  const bySignOff = new Map<number, SignOffItem[]>();
  for (const item of items) {
    const list = bySignOff.get(item.signOffId);
    if (list === undefined) bySignOff.set(item.signOffId, [item]);
    else list.push(item);
  }
  const current = new Map<number, SignedState>();
  return [...records].reverse().map((record) => {
    const covered = bySignOff.get(record.id) ?? [];
    const tally: StaleTally = { count: 0, first: null };
    for (const item of covered) tallyItem(tally, itemChanges(state, item, current));
    return { status: signOffStatus(wb.db, record, tally), assetIds: new Set(covered.map((item) => item.assetId)) };
  });
}

/**
 * Per asset × layer, the latest sign-off covering it, in the export's words ("Name on date",
 * ", stale" once it no longer holds there): fed every covered item once, in any order.
 */
export class SignedOffWords {
  // Per asset: key '' = the whole asset, else a layer id → the latest (highest id) sign-off's words.
  private readonly latest = new Map<number, Map<string, { id: number; words: string }>>();

  add(record: Pick<SignOffRecord, 'id' | 'partyName' | 'signedOn'>, item: Pick<SignOffItem, 'assetId' | 'layerId'>, stale: boolean): void {
    const key = item.layerId ?? '';
    let forAsset = this.latest.get(item.assetId);
    if (forAsset === undefined) {
      forAsset = new Map<string, { id: number; words: string }>();
      this.latest.set(item.assetId, forAsset);
    }
    const held = forAsset.get(key);
    if (held !== undefined && held.id > record.id) return;
    forAsset.set(key, { id: record.id, words: `${record.partyName} on ${record.signedOn}${stale ? ', stale' : ''}` });
  }

  signedOff(assetId: number, layerId: string | null): string | null {
    const forAsset = this.latest.get(assetId);
    if (forAsset === undefined) return null;
    const whole = forAsset.get('');
    const layer = layerId === null ? undefined : forAsset.get(layerId);
    const pick = layer !== undefined && (whole === undefined || layer.id > whole.id) ? layer : whole;
    return pick?.words ?? null;
  }
}
