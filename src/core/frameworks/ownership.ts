/**
 * A control's ownership for a scope, from the layers it rests on (pure, over a ScopeTally):
 *
 * - organisational → customer, whatever the cloud;
 * - every classified cell the provider's → provider;
 * - no provider part, some customer-side cell operated by a third party → third-party;
 * - no provider part, all in house → customer;
 * - a provider part and a customer-side part (or any shared cell) → shared, naming who shares;
 * - no classified cell (no asset in scope, none classified, or the model has no such layer) → undetermined.
 *
 * Accountable and Responsible are the RACI of those cells, counted per party.
 */
import type { ControlLine, ControlMapping, ControlOwnership, MappedFramework } from '@shared/frameworks';
import type { LayerTally, ScopeTally } from './layer-tally';
import { bindModel, type ModelBinding } from './mapping';

/** Cell counts over the layers a control rests on. */
export interface CellCounts {
  provider: number;
  customer: number;
  thirdParty: number;
  shared: number;
  sharedThirdParty: number;
}

export interface OwnershipVerdict {
  ownership: ControlOwnership;
  /** Who takes part: for shared, the parties that share. */
  involves: { provider: boolean; customer: boolean; thirdParty: boolean };
}

/** The ownership rule alone, over counts (see the file comment). */
export function ownershipOf(counts: CellCounts): OwnershipVerdict {
  const provider = counts.provider + counts.shared + counts.sharedThirdParty > 0;
  const customer = counts.customer + counts.shared > 0;
  const thirdParty = counts.thirdParty + counts.sharedThirdParty > 0;
  const involves = { provider, customer, thirdParty };
  if (!provider && !customer && !thirdParty) return { ownership: 'undetermined', involves };
  if (!customer && !thirdParty) return { ownership: 'provider', involves };
  if (!provider) return { ownership: thirdParty ? 'third-party' : 'customer', involves };
  return { ownership: 'shared', involves };
}

/** One model layer a control rests on, with its cells in scope. */
export interface LayerShare extends CellCounts {
  modelId: string;
  layerId: string;
  title: string;
  /** The model's provider party name (e.g. "Microsoft"). */
  providerName: string;
  unknown: number;
  selfHosted: number;
  /** FedRAMP's origination of the provider's part, from the control layers that brought this layer in. */
  providerOrigination: ('corporate' | 'system')[];
  thirdParties: [string, number][];
  /** Who is Accountable and Responsible on this layer's cells, most cells first. */
  accountable: PartyCount[];
  responsible: PartyCount[];
}

export interface PartyCount {
  partyId: number;
  /** Cells (asset × layer) on which the party holds the role. */
  cells: number;
}

export interface DerivedControl extends OwnershipVerdict {
  id: string;
  framework: MappedFramework;
  /** The mapping's line placing the control (for an enhancement, its base control's unless listed). */
  line: ControlLine;
  organisational: boolean;
  layers: LayerShare[];
  counts: CellCounts;
  /** Cells of assets with no service model. */
  unknown: number;
  /** Models in scope that carry none of the control's layers (their assets say nothing of it). */
  uncoveredModels: string[];
  accountable: PartyCount[];
  responsible: PartyCount[];
  /** Customer-side cells on assets whose provider runs some layer (configured by the customer) and on self-hosted ones (provided). */
  customerConfigured: number;
  customerProvided: number;
}

const ZERO: CellCounts = { provider: 0, customer: 0, thirdParty: 0, shared: 0, sharedThirdParty: 0 };

function addCounts(into: CellCounts, from: CellCounts): void {
  into.provider += from.provider;
  into.customer += from.customer;
  into.thirdParty += from.thirdParty;
  into.shared += from.shared;
  into.sharedThirdParty += from.sharedThirdParty;
}

function sortedCounts(map: Map<number, number>): PartyCount[] {
  return [...map].map(([partyId, cells]) => ({ partyId, cells })).sort((a, b) => b.cells - a.cells || a.partyId - b.partyId);
}

/** Derives controls for one scope; bindings are computed once per model. */
export class OwnershipDeriver {
  private readonly bindings = new Map<string, ModelBinding>();
  private readonly origination: Map<string, 'corporate' | 'system'>;

  constructor(
    private readonly mapping: ControlMapping,
    private readonly tally: ScopeTally
  ) {
    this.origination = new Map(mapping.layers.map((l) => [l.id, l.providerOrigination]));
    for (const [id, modelTally] of tally.models) this.bindings.set(id, bindModel(mapping, modelTally.model));
  }

  /** The bindings of the models in scope, by model id (sorted). */
  get modelBindings(): ModelBinding[] {
    return [...this.bindings.values()].sort((a, b) => (a.modelId < b.modelId ? -1 : 1));
  }

  /** A control's ownership in this scope. */
  derive(id: string, framework: MappedFramework, line: ControlLine): DerivedControl {
    const counts: CellCounts = { ...ZERO };
    const base = { id, framework, line, layers: [] as LayerShare[], counts, unknown: 0, uncoveredModels: [] as string[], customerConfigured: 0, customerProvided: 0 };
    if (line.organisational === true || line.layers === undefined) {
      return { ...base, organisational: true, ownership: 'customer', involves: { provider: false, customer: true, thirdParty: false }, accountable: [], responsible: [] };
    }
    const accountable = new Map<number, number>();
    const responsible = new Map<number, number>();
    const modelIds = [...this.tally.models.keys()].sort();
    for (const modelId of modelIds) {
      const modelTally = this.tally.models.get(modelId);
      const binding = this.bindings.get(modelId);
      if (modelTally === undefined || binding === undefined) continue;
      const shares = this.sharesOf(line.layers, modelTally.model.layers, binding, modelTally.layers, modelTally.model);
      if (shares.length === 0) base.uncoveredModels.push(modelId);
      for (const { share, tally } of shares) {
        base.layers.push(share);
        addCounts(counts, share);
        base.unknown += share.unknown;
        const customerSide = share.customer + share.thirdParty + share.shared + share.sharedThirdParty;
        base.customerProvided += share.selfHosted;
        base.customerConfigured += customerSide - share.selfHosted;
        for (const [party, n] of tally.accountable) accountable.set(party, (accountable.get(party) ?? 0) + n);
        for (const [party, n] of tally.responsible) responsible.set(party, (responsible.get(party) ?? 0) + n);
      }
    }
    return { ...base, organisational: false, ...ownershipOf(counts), accountable: sortedCounts(accountable), responsible: sortedCounts(responsible) };
  }

  /** The model's layers carrying any of the control layers, once each, in the model's order. */
  private sharesOf(
    controlLayers: readonly string[],
    modelLayers: readonly { id: string; title: string }[],
    binding: ModelBinding,
    tallies: Map<string, LayerTally>,
    model: { parties: readonly { id: string; name: string; kind: string }[] }
  ): { share: LayerShare; tally: LayerTally }[] {
    const origins = new Map<string, Set<'corporate' | 'system'>>();
    for (const controlLayer of controlLayers) {
      for (const layerId of binding.carriers.get(controlLayer) ?? []) {
        const set = origins.get(layerId) ?? new Set();
        set.add(this.origination.get(controlLayer) ?? 'system');
        origins.set(layerId, set);
      }
    }
    const providerName = model.parties.find((p) => p.kind === 'provider')?.name ?? 'The provider';
    const out: { share: LayerShare; tally: LayerTally }[] = [];
    for (const layer of modelLayers) {
      const origin = origins.get(layer.id);
      const tally = tallies.get(layer.id);
      if (origin === undefined || tally === undefined) continue;
      out.push({
        tally,
        share: {
          modelId: binding.modelId,
          layerId: layer.id,
          title: layer.title,
          providerName,
          provider: tally.provider,
          customer: tally.customer,
          thirdParty: tally.thirdParty,
          shared: tally.shared,
          sharedThirdParty: tally.sharedThirdParty,
          unknown: tally.unknown,
          selfHosted: tally.selfHosted,
          providerOrigination: [...origin].sort(),
          thirdParties: [...tally.thirdParties].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
          accountable: sortedCounts(tally.accountable),
          responsible: sortedCounts(tally.responsible)
        }
      });
    }
    return out;
  }
}
