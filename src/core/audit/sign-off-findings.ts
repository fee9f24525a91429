/**
 * Sign-off findings of one asset: SIGN_OFF_STALE for each sign-off whose recorded state no longer
 * matches the asset (naming what changed), and — in a workbook that has started signing off —
 * NOT_SIGNED_OFF for customer-side layers no sign-off ever covered (severity from the settings).
 */
import type { Finding, LayerOverride, Responsibility } from '@shared/domain';
import type { SignOffItem, SignOffRecord } from '@shared/sign-off';
import type { CompiledModel, EngineIndex } from '../engine-index';
import type { EngineInput, FindingAsset } from '../engine-input';
import { FINDING_SEVERITY, words } from '../finding-messages';
import type { FindingSink } from '../findings';
import { isCustomerSide, type RaciContext } from '../raci';
import { signedStateChanges, signedStateOf } from './sign-off-state';

export class SignOffChecker {
  private readonly itemsByAsset = new Map<number, SignOffItem[]>();
  private readonly recordById: Map<number, SignOffRecord>;
  private readonly contexts = new Map<CompiledModel, RaciContext>();
  private readonly notSignedSeverity: Finding['severity'] | null;

  constructor(
    private readonly input: EngineInput<FindingAsset>,
    private readonly index: EngineIndex
  ) {
    const signOffs = input.signOffs ?? { records: [], items: [] };
    this.recordById = new Map(signOffs.records.map((r) => [r.id, r]));
    for (const item of signOffs.items) {
      const list = this.itemsByAsset.get(item.assetId);
      if (list === undefined) this.itemsByAsset.set(item.assetId, [item]);
      else list.push(item);
    }
    const setting = input.settings.notSignedOffSeverity ?? FINDING_SEVERITY.NOT_SIGNED_OFF;
    // A workbook that has not started signing off is not flooded with one finding per asset.
    this.notSignedSeverity = signOffs.records.length === 0 || setting === 'off' ? null : setting;
  }

  check(asset: FindingAsset, cm: CompiledModel, out: FindingSink): void {
    const items = this.itemsByAsset.get(asset.id);
    if (items === undefined && this.notSignedSeverity === null) return;
    const overrides = this.index.overridesByAsset.get(asset.id) ?? [];
    if (items !== undefined) {
      const assignments = this.index.assignmentsByAsset.get(asset.id) ?? [];
      const now = signedStateOf(asset, this.contextOf(cm), overrides, assignments);
      const title = (layerId: string) => cm.layers[cm.layerIndex.get(layerId) ?? -1]?.title ?? layerId;
      for (const item of items) {
        const changes = signedStateChanges(item.state, now, title);
        const record = this.recordById.get(item.signOffId);
        if (changes.length === 0 || record === undefined) continue;
        out.add(asset, 'SIGN_OFF_STALE', FINDING_SEVERITY.SIGN_OFF_STALE, item.layerId, () => words.signOffStale(asset, record, changes));
      }
    }
    if (this.notSignedSeverity !== null) this.checkNeverSigned(asset, cm, overrides, items ?? [], this.notSignedSeverity, out);
  }

  private checkNeverSigned(
    asset: FindingAsset,
    cm: CompiledModel,
    overrides: readonly LayerOverride[],
    items: readonly SignOffItem[],
    severity: Finding['severity'],
    out: FindingSink
  ): void {
    if (items.some((item) => item.layerId === null)) return;
    const column = asset.serviceModel === null ? undefined : cm.columns[asset.serviceModel];
    const titles: string[] = [];
    cm.layers.forEach((layer, i) => {
      const responsibility: Responsibility = overrides.find((o) => o.layerId === layer.id)?.responsibility ?? column?.[i]?.responsibility ?? 'unknown';
      if (!isCustomerSide(responsibility)) return;
      if (!items.some((item) => item.layerId === layer.id)) titles.push(layer.title);
    });
    if (titles.length === 0) return;
    out.add(asset, 'NOT_SIGNED_OFF', severity, null, () => words.notSignedOff(asset, titles));
  }

  private contextOf(cm: CompiledModel): RaciContext {
    let ctx = this.contexts.get(cm);
    if (ctx === undefined) {
      ctx = { model: cm.model, parties: this.input.parties, settings: this.input.settings };
      this.contexts.set(cm, ctx);
    }
    return ctx;
  }
}
