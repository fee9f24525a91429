/**
 * Findings: the mistakes the seed article warns about, found per asset and layer. Built for
 * 100k assets × 10 layers: indexes are made once, the per-layer loop reuses two scratch arrays
 * and allocates nothing unless it has something to report. The RACI it checks is the same as
 * raci.ts computes (explicit per role, else the default); tests hold the two in step.
 */
import type {
  Asset,
  Finding,
  FindingCode,
  Party,
  RaciRole,
  Responsibility
} from '../shared/domain';
import type { EngineInput } from './engine-input';
import { indexEngineInput, type CompiledModel, type EngineIndex } from './engine-index';
import { FINDING_SEVERITY, words } from './finding-messages';
import { RACI_ROLE_NAMES } from './raci';
import { matchSecurityTool } from './security-tools';

const DAY_MS = 86_400_000;

export { FINDING_SEVERITY } from './finding-messages';

function finding(asset: Asset, code: FindingCode, layerId: string | null, text: { message: string; fix: string }): Finding {
  return { code, severity: FINDING_SEVERITY[code], assetId: asset.id, assetName: asset.name, layerId, message: text.message, fix: text.fix };
}

const isWatcher = (party: Party | undefined): boolean =>
  party !== undefined && party.active && (party.kind === 'person' || party.kind === 'team');

/** Everything one run shares across assets: indexes, scratch arrays, the review threshold. */
class FindingsRun {
  private readonly R: number[] = [];
  private readonly A: number[] = [];
  private explicitR = false;
  private explicitA = false;
  private readonly layerFindings: Finding[] = [];
  private readonly dates = new Map<string, number>();
  private readonly staleBefore: number | null;

  constructor(
    private readonly input: EngineInput,
    private readonly index: EngineIndex,
    private readonly out: Finding[]
  ) {
    const period = input.settings.reviewPeriodDays;
    // A period of 0 or less means the workbook does not track reviews.
    this.staleBefore = period > 0 ? index.nowMs - period * DAY_MS : null;
  }

  private addUnique(list: number[], id: number | null): void {
    if (id !== null && !list.includes(id)) list.push(id);
  }

  /** Fills A and R with the explicit assignments of one layer; reports inactive holders. */
  private readExplicit(asset: Asset, layerId: string, title: string): void {
    const assignments = this.index.assignmentsByAsset.get(asset.id);
    if (assignments === undefined) return;
    for (const a of assignments) {
      if (a.layerId !== layerId) continue;
      const party = this.index.partyById.get(a.partyId);
      if (a.role === 'A') this.explicitA = true;
      if (a.role === 'R') this.explicitR = true;
      // A dangling party id holds nothing: counting it would hide a missing Accountable.
      if (party === undefined) continue;
      if (!party.active) {
        this.layerFindings.push(finding(asset, 'INACTIVE_PARTY', layerId, words.inactiveAssignment(asset, party, RACI_ROLE_NAMES[a.role], title)));
      }
      if (a.role === 'A') this.addUnique(this.A, party.id);
      if (a.role === 'R') this.addUnique(this.R, party.id);
    }
  }

  private allProvider(list: readonly number[]): boolean {
    for (const id of list) if (this.index.partyById.get(id)?.kind !== 'provider') return false;
    return true;
  }

  private anyWatcher(list: readonly number[]): boolean {
    for (const id of list) if (isWatcher(this.index.partyById.get(id))) return true;
    return false;
  }

  private names(list: readonly number[]): string[] {
    return list.map((id) => this.index.partyById.get(id)?.name ?? `party #${id}`);
  }

  /** Appends the findings of one asset to the output, in a fixed order. */
  check(asset: Asset): void {
    const { index, out, R, A } = this;
    const cm: CompiledModel = index.modelFor(asset);
    const ownerParty = asset.ownerPartyId === null ? undefined : index.partyById.get(asset.ownerPartyId);
    const owner = ownerParty?.id ?? null;
    const column = asset.serviceModel === null ? undefined : cm.columns[asset.serviceModel];
    const overrides = index.overridesByAsset.get(asset.id);
    const tool = matchSecurityTool(asset);
    let watched = isWatcher(ownerParty);
    let orphaned: string[] | null = null;
    let ownerDefaults: string[] | null = null;
    let inactiveTeams: Map<Party, string[]> | null = null;

    if (asset.serviceModel === null) out.push(finding(asset, 'UNCLASSIFIED', null, words.unclassified(asset)));
    // An unclassified asset is already reported; asking to review its (absent) model adds nothing.
    else if (asset.needsReview && asset.serviceModelSource !== 'manual') {
      out.push(finding(asset, 'CLASSIFICATION_NEEDS_REVIEW', null, words.needsReview(asset)));
    }

    this.layerFindings.length = 0;
    for (let i = 0; i < cm.layers.length; i++) {
      const layer = cm.layers[i];
      if (layer === undefined) continue;
      const cell = column?.[i];
      let responsibility: Responsibility = cell?.responsibility ?? 'unknown';
      if (overrides !== undefined) for (const o of overrides) if (o.layerId === layer.id) responsibility = o.responsibility;
      const customerSide = responsibility === 'customer' || responsibility === 'shared';
      const customer = layer.team ?? owner;

      R.length = 0;
      A.length = 0;
      this.explicitA = false;
      this.explicitR = false;
      this.readExplicit(asset, layer.id, layer.title);
      if (!this.explicitA && responsibility !== 'unknown') {
        this.addUnique(A, responsibility === 'provider' ? cm.provider : customer);
      }
      if (!this.explicitR && responsibility !== 'unknown') {
        if (responsibility !== 'customer') this.addUnique(R, cm.provider);
        if (responsibility !== 'provider') this.addUnique(R, customer);
        this.addUnique(R, cell?.operator ?? null);
      }

      // Roles that would have been the owner's by default, were there one.
      const aFromOwner = customerSide && !this.explicitA && layer.team === null;
      const rFromOwner = customerSide && !this.explicitR && layer.team === null;
      const suppressA = aFromOwner && owner === null;
      const suppressR = rFromOwner && owner === null;
      if (suppressA || suppressR) (orphaned ??= []).push(layer.title);
      if ((aFromOwner || rFromOwner) && ownerParty !== undefined && !ownerParty.active) (ownerDefaults ??= []).push(layer.title);
      if (customerSide && layer.team !== null && !(this.explicitA && this.explicitR)) {
        const team = index.partyById.get(layer.team);
        if (team !== undefined && !team.active) {
          inactiveTeams ??= new Map();
          const titles = inactiveTeams.get(team);
          if (titles === undefined) inactiveTeams.set(team, [layer.title]);
          else titles.push(layer.title);
        }
      }

      const onlyProviderR = R.length > 0 && this.allProvider(R) && !suppressR;
      if (layer.permanent) {
        const reasons: string[] = [];
        if (responsibility === 'provider') reasons.push('an override gives the layer to the provider');
        for (const id of A) {
          const party = index.partyById.get(id);
          if (party?.kind === 'provider') reasons.push(`${party.name}, the provider, is Accountable`);
        }
        if (onlyProviderR) reasons.push('only the provider is Responsible');
        if (reasons.length > 0) this.layerFindings.push(finding(asset, 'HANDED_TO_PROVIDER', layer.id, words.handedToProvider(asset, layer.title, reasons)));
      }
      if (customerSide) {
        if (A.length > 1 || (A.length === 0 && !suppressA)) {
          this.layerFindings.push(finding(asset, 'NO_ACCOUNTABLE', layer.id, words.noAccountable(asset, layer.title, responsibility, this.names(A))));
        }
        // With only the provider as R on a permanent layer, HANDED_TO_PROVIDER already says it.
        if ((R.length === 0 && !suppressR) || (onlyProviderR && !layer.permanent)) {
          this.layerFindings.push(finding(asset, 'NO_RESPONSIBLE', layer.id, words.noResponsible(asset, layer.title, responsibility)));
        }
      }
      if (tool !== null && !watched && responsibility !== 'provider') watched = this.anyWatcher(A) || this.anyWatcher(R);
    }

    if (ownerParty === undefined) out.push(finding(asset, 'NO_OWNER', null, words.noOwner(asset, asset.ownerPartyId !== null, orphaned ?? [])));
    else if (!ownerParty.active) out.push(finding(asset, 'INACTIVE_PARTY', null, words.inactiveOwner(asset, ownerParty, ownerDefaults ?? [])));
    for (const f of this.layerFindings) out.push(f);
    if (inactiveTeams !== null) {
      for (const [team, titles] of inactiveTeams) out.push(finding(asset, 'INACTIVE_PARTY', null, words.inactiveTeam(asset, team, titles)));
    }
    this.checkOrphanAssignments(asset, cm);
    if (tool !== null && !watched) out.push(finding(asset, 'UNWATCHED_SECURITY_TOOL', null, words.unwatchedTool(asset, tool.label)));
    this.checkReview(asset);
  }

  /** Inactive parties holding roles on layers this model does not have (left from a model change). */
  private checkOrphanAssignments(asset: Asset, cm: CompiledModel): void {
    const assignments = this.index.assignmentsByAsset.get(asset.id);
    if (assignments === undefined) return;
    for (const a of assignments) {
      if (cm.layerIndex.has(a.layerId)) continue;
      const party = this.index.partyById.get(a.partyId);
      if (party === undefined || party.active) continue;
      const role: RaciRole = a.role;
      this.out.push(finding(asset, 'INACTIVE_PARTY', a.layerId, words.inactiveAssignment(asset, party, RACI_ROLE_NAMES[role], a.layerId)));
    }
  }

  private checkReview(asset: Asset): void {
    if (this.staleBefore === null) return;
    // A fresh import is not stale: with no review yet, the clock starts when the asset was added.
    const since = asset.lastReviewedAt ?? asset.createdAt;
    let at = this.dates.get(since);
    if (at === undefined) {
      at = Date.parse(since);
      this.dates.set(since, at);
    }
    if (!Number.isNaN(at) && at >= this.staleBefore) return;
    const days = Number.isNaN(at) ? null : Math.floor((this.index.nowMs - at) / DAY_MS);
    const period = this.input.settings.reviewPeriodDays;
    this.out.push(finding(asset, 'STALE_REVIEW', null, words.staleReview(asset, days, period)));
  }
}

/**
 * Every finding of a workbook, asset by asset in input order; within an asset: classification,
 * owner, then layer findings in model order, then security tool and review.
 * @throws Error if `now` is not a date or an asset's model is not in `input.models`
 */
export function computeFindings(input: EngineInput): Finding[] {
  const out: Finding[] = [];
  const run = new FindingsRun(input, indexEngineInput(input), out);
  for (const asset of input.assets) run.check(asset);
  return out;
}
