/**
 * A scope's controls, derived: the engine's loaded input (no re-read of the workbook), the assets
 * matching the filter tallied per model layer, and the mapping in use. What the framework exports
 * and the ownership summary share.
 */
import { compileFilter } from '@core/bulk-filter';
import { describeScope, ownershipCounts, type ExportFacts } from '@core/frameworks/export-facts';
import { FEDRAMP_BASELINES, baselineControls, type FedrampBaseline } from '@core/frameworks/catalogues';
import { tallyLayers, type ScopeTally } from '@core/frameworks/layer-tally';
import { nistLineFor } from '@core/frameworks/mapping';
import { OwnershipDeriver, type DerivedControl } from '@core/frameworks/ownership';
import type { PartyLookup } from '@core/frameworks/ownership-text';
import { resolveProviderParty } from '@core/raci';
import type { Baseline, OwnershipSummary } from '@shared/contract/frameworks';
import type { AssetFilter } from '@shared/filter';
import type { ControlMapping, MappedFramework } from '@shared/frameworks';
import type { OpenWorkbook, ServiceContext } from './context';
import { mappingInUse, type MappingInUse } from './control-mapping';
import type { EngineState } from '../engine/state';
import { resolveSavedSet, savedSetName } from './saved-set-filter';

export const BASELINE_NAMES = { high: 'High', moderate: 'Moderate', low: 'Low', 'li-saas': 'LI-SaaS' } as const satisfies Record<Baseline, string>;

export function baselineOf(baseline: Baseline): FedrampBaseline {
  return FEDRAMP_BASELINES[BASELINE_NAMES[baseline]];
}

export interface DerivedScope {
  state: EngineState;
  mapping: ControlMapping;
  mappingSource: MappingInUse['stored'];
  tally: ScopeTally;
  deriver: OwnershipDeriver;
  scopeLabel: string;
  lookup: PartyLookup;
  modelName: (id: string) => string;
  providerParty: (modelId: string) => number | null;
}

/** Derives the scope once; controls are then derived on demand. */
export function deriveScope(wb: OpenWorkbook, ctx: ServiceContext, scope: AssetFilter): DerivedScope {
  const state = wb.engine.state(ctx);
  const { mapping, stored } = mappingInUse(wb);
  const resolved = resolveSavedSet(wb.db, scope);
  const inScope = compileFilter(resolved, resolved.findingCode === undefined ? {} : { findingCodes: state.findingCodes });
  const tally = tallyLayers(state.input, inScope);
  const models = state.input.models;
  const lookup: PartyLookup = (id) => state.partyById.get(id);
  return {
    state,
    mapping,
    mappingSource: stored,
    tally,
    deriver: new OwnershipDeriver(mapping, tally),
    scopeLabel: describeScope(
      scope,
      (id) => state.assetById.get(id)?.name,
      (id) => state.partyById.get(id)?.name,
      (id) => savedSetName(wb.db, { set: id }) ?? undefined
    ),
    lookup,
    modelName: (id) => models[id]?.name ?? id,
    providerParty: (modelId) => {
      const model = models[modelId];
      return model === undefined ? null : resolveProviderParty(model, state.input.parties);
    }
  };
}

/** Every CCM control of the mapping, in its order. */
export function ccmControls(derived: DerivedScope): DerivedControl[] {
  return derived.mapping.ccm.map((line) => derived.deriver.derive(line.id, 'ccm', line));
}

/** A NIST control or enhancement (placed by its own line, else its base control's). */
export function nistControl(derived: DerivedScope, controlId: string): DerivedControl {
  const line = nistLineFor(derived.mapping, controlId);
  if (line === undefined) throw new Error(`The control mapping does not place ${controlId}.`);
  return derived.deriver.derive(controlId, 'nist', line);
}

/** The facts an export states about itself (see core/frameworks/export-facts.ts). */
export function exportFacts(
  derived: DerivedScope,
  base: { organisation: string; workbookId: string; scope: AssetFilter; exportedAt: string; exportedBy: string; changeLogChainHead: string | null },
  controls: readonly DerivedControl[]
): ExportFacts {
  const models = [...derived.tally.models.values()]
    .map(({ model, assets }) => ({
      id: model.id,
      name: model.name,
      version: model.version,
      providerName: model.parties.find((p) => p.kind === 'provider')?.name ?? model.id,
      sourceDate: model.source.date,
      assets
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const notes: string[] = [];
  for (const binding of derived.deriver.modelBindings) {
    if (binding.uncovered.length > 0) {
      notes.push(`${derived.modelName(binding.modelId)} carries no layer for ${binding.uncovered.join(', ')}: controls resting only there are not derived for its assets (bind its layers in the control mapping).`);
    }
  }
  const unknown = derived.tally.models.size === 0 ? 0 : [...derived.tally.models.values()].reduce((n, m) => n + (m.serviceModels.get('none') ?? 0), 0);
  if (unknown > 0) notes.push(`${unknown.toLocaleString('en-GB')} assets in scope have no service model: their layers are not counted until they are classified.`);
  if (derived.tally.assets === 0) notes.push('No asset is in scope: only organisational controls have an owner.');
  const source = derived.mappingSource === null ? 'built into Demarc' : `imported from ${derived.mappingSource.fileName} on ${derived.mappingSource.importedAt} by ${derived.mappingSource.importedBy}`;
  return {
    ...base,
    scopeLabel: derived.scopeLabel,
    assets: derived.tally.assets,
    models,
    mapping: { id: derived.mapping.id, name: derived.mapping.name, version: derived.mapping.version, source },
    counts: ownershipCounts(controls),
    notes
  };
}

/** Each control's ownership for a scope (the app's preview; `demarc ownership`). */
export function ownershipSummary(wb: OpenWorkbook, ctx: ServiceContext, framework: MappedFramework, scope: AssetFilter, baseline: Baseline = 'moderate'): OwnershipSummary {
  const derived = deriveScope(wb, ctx, scope);
  const controls = framework === 'ccm' ? ccmControls(derived) : baselineControls(baselineOf(baseline)).map((id) => nistControl(derived, id));
  return {
    framework,
    assets: derived.tally.assets,
    counts: ownershipCounts(controls),
    controls: controls.map((c) => ({
      id: c.id,
      label: 'topic' in c.line ? c.line.topic : c.line.title,
      ownership: c.ownership,
      organisational: c.organisational,
      layers: [...new Set(c.layers.map((l) => l.title))]
    }))
  };
}
