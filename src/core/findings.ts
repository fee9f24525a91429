/**
 * Findings: the mistakes the seed article warns about, found per asset and layer.
 *
 * Built for 100k assets × 10 layers: indexes are made once per run, and most assets (no
 * overrides, no explicit assignments) reuse the layer outcome of an earlier asset with the same
 * model, service model and owner standing, so only assets with their own data walk their layers.
 * The RACI checked is the one raci.ts computes; tests hold the two in step.
 */
import { CRITICAL_LEVELS, attributeLabel } from '@shared/asset-attributes';
import { type Finding, type FindingCode, type Party, type Severity } from '@shared/domain';
import type { EngineInput, FindingAsset } from './engine-input';
import { indexEngineInput, parseInstant, type CompiledModel, type EngineIndex } from './engine-index';
import { FINDING_SEVERITY, words, type Words } from './finding-messages';
import { LayerEvaluator, type LayerEvent, type LayerOutcome } from './findings-layers';
import { PROVIDER_KIND, PartyFlags, WATCHER } from './findings-scratch';
import { RACI_ROLE_NAMES } from './raci';
import { missingModel } from './model-references';
import { missingPartyRows, unknownLayerRows } from './reference-damage';
import { serviceModelLabel } from './service-models';
import { matchSecurityTool } from './security-tools';
import { SignOffChecker } from './audit/sign-off-findings';


const DAY_MS = 86_400_000;
/** Owner standings that share a cached outcome: the party flags without the provider bit. */
const OWNER_KEYS = 16;

/** `YYYY-MM-DDTHH:MM:SS[.fff]Z`: sorts as text in time order. */
function isCanonicalUtc(text: string): boolean {
  return (
    text.length >= 20 &&
    text.length <= 30 &&
    text.charCodeAt(text.length - 1) === 90 && // Z
    text.charCodeAt(4) === 45 && // -
    text.charCodeAt(7) === 45 &&
    text.charCodeAt(10) === 84 && // T
    text.charCodeAt(13) === 58 && // :
    text.charCodeAt(16) === 58
  );
}

/**
 * Where a run puts its findings, in order. Each comes with its words to be asked for: a sink that
 * keeps every finding asks for all of them; `demarc check`'s digest only for the few it prints.
 */
export interface FindingSink {
  add(asset: FindingAsset, code: FindingCode, severity: Severity, layerId: string | null, text: () => Words): void;
}

/** The sink that keeps every finding, words and all. */
function listSink(out: Finding[]): FindingSink {
  return {
    add(asset, code, severity, layerId, text) {
      const { message, fix } = text();
      out.push({ code, severity, assetId: asset.id, assetName: asset.name, layerId, message, fix });
    }
  };
}

/** Everything one run shares across assets: indexes, flags, cached outcomes, the review threshold. */
class FindingsRun {
  private readonly flags: PartyFlags;
  private readonly evaluator: LayerEvaluator;
  private readonly signOffs: SignOffChecker;
  private readonly shared = new Map<CompiledModel, (LayerOutcome | undefined)[]>();
  /** Per review date as written: null when recent enough, else the message's date part. */
  private readonly dates = new Map<string, string | null>();
  private readonly staleBefore: number | null;
  private readonly staleBeforeText: string | null;

  constructor(
    private readonly input: EngineInput<FindingAsset>,
    private readonly index: EngineIndex,
    private readonly sink: FindingSink
  ) {
    const period = input.settings.reviewPeriodDays;
    // A period of 0 or less means the workbook does not track reviews.
    this.staleBefore = period > 0 ? index.nowMs - period * DAY_MS : null;
    // `YYYY-MM-DDTHH:MM:SS`, rounded up to the second so text and parsed comparisons agree.
    this.staleBeforeText =
      this.staleBefore === null || Math.abs(this.staleBefore) > 8.64e15
        ? null
        : new Date(Math.ceil(this.staleBefore / 1000) * 1000).toISOString().slice(0, 19);
    this.flags = new PartyFlags(input.parties);
    this.evaluator = new LayerEvaluator(index.partyById, this.flags);
    this.signOffs = new SignOffChecker(input, index);
  }

  private outcomeOf(asset: FindingAsset, cm: CompiledModel, owner: number | null): LayerOutcome {
    const column = asset.serviceModel === null ? undefined : cm.columns[asset.serviceModel];
    const overrides = this.index.overridesByAsset.get(asset.id);
    const assignments = this.index.assignmentsByAsset.get(asset.id);
    const ownerFlags = this.flags.of(owner);
    // An owner of provider kind would appear by id in HANDED_TO_PROVIDER: never shared.
    if (overrides !== undefined || assignments !== undefined || (ownerFlags & PROVIDER_KIND) !== 0) {
      return this.evaluator.evaluate(cm, column, owner, overrides, assignments);
    }
    let cache = this.shared.get(cm);
    if (cache === undefined) {
      cache = [];
      this.shared.set(cm, cache);
    }
    // Slot 0: no column the model declares (evaluated alike: no cells); else the column's place in the model.
    const slot = (asset.serviceModel === null ? 0 : cm.model.serviceModels.indexOf(asset.serviceModel) + 1) * OWNER_KEYS + ownerFlags;
    let outcome = cache[slot];
    if (outcome === undefined) {
      outcome = this.evaluator.evaluate(cm, column, owner, undefined, undefined);
      cache[slot] = outcome;
    }
    return outcome;
  }

  private emit(asset: FindingAsset, code: FindingCode, layerId: string | null, text: () => Words): void {
    this.sink.add(asset, code, FINDING_SEVERITY[code], layerId, text);
  }

  private layerFinding(asset: FindingAsset, event: LayerEvent): void {
    const { layer } = event;
    switch (event.code) {
      case 'HANDED_TO_PROVIDER':
        return this.emit(asset, event.code, layer.id, () => {
          const reasons: string[] = [];
          if (event.byOverride) reasons.push('an override gives the layer to the provider');
          for (const p of event.providerA) reasons.push(`${p.name}, the provider, is Accountable`);
          if (event.onlyProviderR) reasons.push('only the provider is Responsible');
          return words.handedToProvider(asset, layer.title, reasons);
        });
      case 'NO_ACCOUNTABLE':
        return this.emit(asset, event.code, layer.id, () => {
          const names = event.accountable.map((id) => this.index.partyById.get(id)?.name ?? `party #${id}`);
          return words.noAccountable(asset, layer.title, event.responsibility, names);
        });
      case 'NO_RESPONSIBLE':
        return this.emit(asset, event.code, layer.id, () => words.noResponsible(asset, layer.title, event.responsibility));
      case 'INACTIVE_PARTY':
        return this.emit(asset, event.code, layer.id, () => words.inactiveAssignment(asset, event.party, RACI_ROLE_NAMES[event.role], layer.title));
    }
  }

  /** Appends the findings of one asset to the output, in a fixed order. */
  check(asset: FindingAsset): void {
    const { index } = this;
    const cm = index.modelFor(asset);
    const ownerParty: Party | undefined = asset.ownerPartyId === null ? undefined : index.partyById.get(asset.ownerPartyId);
    const owner = ownerParty?.id ?? null;

    // A model named but not in the workbook: read under another meanwhile (cm), said first.
    const missing = missingModel(asset, this.input.settings, this.input.models);
    if (missing !== null) this.emit(asset, 'MODEL_MISSING', null, () => words.modelMissing(asset, missing, cm.model));
    this.checkReferences(asset, cm, missing !== null);
    if (asset.serviceModel === null) this.emit(asset, 'UNCLASSIFIED', null, () => words.unclassified(asset, cm.model));
    // A column its model does not declare places no layer either (e.g. set under another model).
    else if (!cm.model.serviceModels.includes(asset.serviceModel)) this.emit(asset, 'UNCLASSIFIED', null, () => words.foreignColumn(asset, cm.model));
    // An unclassified asset is already reported; asking to review its (absent) model adds nothing.
    else if (asset.needsReview && asset.serviceModelSource !== 'manual') {
      const { serviceModel } = asset;
      this.emit(asset, 'CLASSIFICATION_NEEDS_REVIEW', null, () => words.needsReview(asset, serviceModelLabel(cm.model, serviceModel)));
    }

    const outcome = this.outcomeOf(asset, cm, owner);
    if (ownerParty === undefined) this.emit(asset, 'NO_OWNER', null, () => words.noOwner(asset, asset.ownerPartyId !== null, outcome.orphaned));
    else if (!ownerParty.active) this.emit(asset, 'INACTIVE_PARTY', null, () => words.inactiveOwner(asset, ownerParty, outcome.ownerDefaults));
    if (asset.criticality !== null && CRITICAL_LEVELS.includes(asset.criticality) && outcome.unaccountable.length > 0) {
      this.emit(asset, 'CRITICAL_NO_ACCOUNTABLE', null, () => words.criticalNoAccountable(asset, attributeLabel('criticality', asset.criticality).toLowerCase(), outcome.unaccountable));
    }
    for (const event of outcome.events) this.layerFinding(asset, event);
    for (const [team, titles] of outcome.inactiveTeams) this.emit(asset, 'INACTIVE_PARTY', null, () => words.inactiveTeam(asset, team, titles));
    this.checkOrphanAssignments(asset, cm);
    this.checkActions(asset, cm);

    const tool = matchSecurityTool(asset);
    if (tool !== null && !outcome.watched && (this.flags.of(owner) & WATCHER) === 0) {
      this.emit(asset, 'UNWATCHED_SECURITY_TOOL', null, () => words.unwatchedTool(asset, tool.label));
    }
    this.checkReview(asset);
    this.signOffs.check(asset, cm, this.sink);
  }

  /**
   * Rows naming a party the workbook does not hold (PARTY_MISSING, one per row) and rows on a layer
   * the model lacks (LAYER_MISSING, one per layer). Under a missing model the layers cannot be
   * judged: MODEL_MISSING is said, and choosing a model moves or removes its rows.
   */
  private checkReferences(asset: FindingAsset, cm: CompiledModel, modelMissing: boolean): void {
    const { index } = this;
    const assignments = index.assignmentsByAsset.get(asset.id);
    for (const a of missingPartyRows(assignments, (id) => index.partyById.has(id))) {
      const at = cm.layerIndex.get(a.layerId);
      const title = at === undefined ? a.layerId : (cm.layers[at]?.title ?? a.layerId);
      this.emit(asset, 'PARTY_MISSING', a.layerId, () => words.partyMissing(asset, title, RACI_ROLE_NAMES[a.role], a.partyId));
    }
    if (modelMissing) return;
    const overrides = index.overridesByAsset.get(asset.id);
    const notes = index.notesByAsset.get(asset.id);
    if (overrides === undefined && notes === undefined && assignments === undefined) return;
    for (const rows of unknownLayerRows({ overrides, notes, assignments }, (id) => cm.layerIndex.has(id))) {
      this.emit(asset, 'LAYER_MISSING', rows.layerId, () => words.layerMissing(asset, cm.model, rows));
    }
  }

  /** Layers the room deferred in a workshop, with the action still open. */
  private checkActions(asset: FindingAsset, cm: CompiledModel): void {
    const actions = this.index.actionsByAsset.get(asset.id);
    if (actions === undefined) return;
    for (const action of actions) {
      const index = cm.layerIndex.get(action.layerId);
      const title = index === undefined ? action.layerId : (cm.layers[index]?.title ?? action.layerId);
      const owner = this.index.partyById.get(action.ownerPartyId)?.name ?? `party #${action.ownerPartyId}`;
      const overdue = parseInstant(`${action.dueOn}T23:59:59Z`) < this.index.nowMs;
      this.emit(asset, 'ACTION_OPEN', action.layerId, () => words.actionOpen(asset, title, action, owner, overdue));
    }
  }

  /** Inactive parties holding roles on layers this model does not have (left from a model change). */
  private checkOrphanAssignments(asset: FindingAsset, cm: CompiledModel): void {
    const assignments = this.index.assignmentsByAsset.get(asset.id);
    if (assignments === undefined) return;
    for (const a of assignments) {
      if (cm.layerIndex.has(a.layerId)) continue;
      const party = this.index.partyById.get(a.partyId);
      if (party === undefined || party.active) continue;
      this.emit(asset, 'INACTIVE_PARTY', a.layerId, () => words.inactiveAssignment(asset, party, RACI_ROLE_NAMES[a.role], a.layerId));
    }
  }

  private checkReview(asset: FindingAsset): void {
    if (this.staleBefore === null) return;
    // A fresh import is not stale: with no review yet, the clock starts when the asset was added.
    const since = asset.lastReviewedAt ?? asset.createdAt;
    // Canonical UTC timestamps compare as text (to the second), with no parsing or lookup.
    if (this.staleBeforeText !== null && isCanonicalUtc(since) && since >= this.staleBeforeText) return;
    let verdict = this.dates.get(since);
    if (verdict === undefined) {
      const at = parseInstant(since);
      const readable = !Number.isNaN(at);
      verdict =
        readable && at >= this.staleBefore
          ? null
          : words.staleSince(since, readable ? Math.floor((this.index.nowMs - at) / DAY_MS) : null, this.input.settings.reviewPeriodDays);
      this.dates.set(since, verdict);
    }
    if (verdict !== null) this.emit(asset, 'STALE_REVIEW', null, () => words.staleReview(asset, verdict));
  }
}

/**
 * Every finding of a workbook, asset by asset in input order; within an asset: a missing model,
 * missing parties and layers, classification, owner, a critical asset with layers nobody is Accountable for, layer findings in model order, default teams, security tool, review, sign-offs.
 * @throws Error if `now` is not a date
 */
export function computeFindings(input: EngineInput<FindingAsset>): Finding[] {
  const slices = findingsInSlices(input);
  slices.next(input.assets.length);
  return slices.findings;
}

/** A findings run taken a slice of assets at a time: the same findings, in the same order. */
export interface FindingsSlices {
  /** The findings of the assets checked so far (the array grows as slices are checked). */
  readonly findings: Finding[];
  /** Checks up to `count` more assets; true once every asset is checked. */
  next(count: number): boolean;
}

/**
 * Findings depend on one asset at a time (its own overrides, assignments and owner; parties and
 * models are shared), so a run can be cut into slices: the app checks 100k assets in parts while
 * it keeps answering, and computes one page's findings from that page's assets alone.
 * @throws Error as computeFindings
 */
export function findingsInSlices(input: EngineInput<FindingAsset>): FindingsSlices {
  const findings: Finding[] = [];
  const run = new FindingsRun(input, indexEngineInput(input), listSink(findings));
  const { assets } = input;
  let checked = 0;
  return {
    findings,
    next(count) {
      const end = Math.min(assets.length, checked + count);
      for (; checked < end; checked++) run.check(assets[checked]!);
      return checked >= assets.length;
    }
  };
}

/** Every finding of an input's assets, in the same order, handed to `sink` (see FindingSink). */
export function checkInto(input: EngineInput<FindingAsset>, sink: FindingSink): void {
  const run = new FindingsRun(input, indexEngineInput(input), sink);
  for (const asset of input.assets) run.check(asset);
}
