/**
 * The per-layer half of the findings engine: for one asset, the effective A and R of every
 * layer (explicit per role, else the default, exactly as raci.ts computes them) and what is
 * wrong with them. The result names no asset, so assets that share a model, a service model
 * and an owner of the same standing (and have no overrides or assignments) share one result.
 */
import type { LayerOverride, Party, RaciAssignment, RaciRole, Responsibility } from '@shared/domain';
import type { CompiledCell, CompiledLayer, CompiledModel } from './engine-index';
import { ACTIVE, PROVIDER_KIND, RoleSet, WATCHER, type PartyFlags } from './findings-scratch';
import { isCustomerSide } from './raci';

export type LayerEvent =
  | { code: 'HANDED_TO_PROVIDER'; layer: CompiledLayer; byOverride: boolean; providerA: Party[]; onlyProviderR: boolean }
  | { code: 'NO_ACCOUNTABLE'; layer: CompiledLayer; responsibility: Responsibility; accountable: number[] }
  | { code: 'NO_RESPONSIBLE'; layer: CompiledLayer; responsibility: Responsibility }
  | { code: 'INACTIVE_PARTY'; layer: CompiledLayer; party: Party; role: RaciRole };

export interface LayerOutcome {
  /** In layer order. */
  events: LayerEvent[];
  /** Titles of layers whose A or R would have been the (missing) owner by default. */
  orphaned: string[];
  /** Titles of layers the (inactive) owner holds by default. */
  ownerDefaults: string[];
  /** Default teams that left, with the titles of the layers they hold on this asset. */
  inactiveTeams: [Party, string[]][];
  /** Some layer not on the provider's side has an active person or team as A or R. */
  watched: boolean;
  /** Titles of customer-side layers nobody is Accountable for (no role given, or the owner who would be is missing). */
  unaccountable: string[];
}

/** Evaluates the layers of one asset at a time, reusing its scratch sets. */
export class LayerEvaluator {
  private readonly R = new RoleSet();
  private readonly A = new RoleSet();

  constructor(
    private readonly partyById: ReadonlyMap<number, Party>,
    private readonly flags: PartyFlags
  ) {}

  /**
   * @param owner the owner's party id when that party exists, else null
   * @param column the model's cells under the asset's service model; undefined: all unknown
   */
  evaluate(
    cm: CompiledModel,
    column: readonly CompiledCell[] | undefined,
    owner: number | null,
    overrides: readonly LayerOverride[] | undefined,
    assignments: readonly RaciAssignment[] | undefined
  ): LayerOutcome {
    const { R, A, flags } = this;
    const outcome: LayerOutcome = { events: [], orphaned: [], ownerDefaults: [], inactiveTeams: [], watched: false, unaccountable: [] };
    const ownerInactive = owner !== null && (flags.of(owner) & ACTIVE) === 0;

    for (let i = 0; i < cm.layers.length; i++) {
      const layer = cm.layers[i];
      if (layer === undefined) continue;
      const cell = column?.[i];
      let responsibility: Responsibility = cell?.responsibility ?? 'unknown';
      if (overrides !== undefined) for (const o of overrides) if (o.layerId === layer.id) responsibility = o.responsibility;
      const customerSide = isCustomerSide(responsibility);
      const customer = layer.team ?? owner;

      R.reset();
      A.reset();
      if (assignments !== undefined) this.readExplicit(outcome, assignments, layer);
      if (!A.explicit && responsibility !== 'unknown') A.add(responsibility === 'provider' ? cm.provider : customer);
      if (!R.explicit && responsibility !== 'unknown') {
        if (responsibility !== 'customer') R.add(cm.provider);
        if (responsibility !== 'provider') R.add(customer);
        R.add(cell?.operator ?? null);
      }
      if (!outcome.watched && responsibility !== 'provider') outcome.watched = A.any(flags, WATCHER) || R.any(flags, WATCHER);
      if (!customerSide && !layer.permanent) continue;

      // Roles that would have been the owner's by default, were there one.
      const aFromOwner = customerSide && !A.explicit && layer.team === null;
      const rFromOwner = customerSide && !R.explicit && layer.team === null;
      const suppressA = aFromOwner && owner === null;
      const suppressR = rFromOwner && owner === null;
      if (suppressA || suppressR) outcome.orphaned.push(layer.title);
      if ((aFromOwner || rFromOwner) && ownerInactive) outcome.ownerDefaults.push(layer.title);
      if (customerSide && layer.team !== null && !(A.explicit && R.explicit)) this.noteInactiveTeam(outcome, layer);

      const onlyProviderR = !suppressR && R.all(flags, PROVIDER_KIND);
      if (layer.permanent) {
        const providerA = A.any(flags, PROVIDER_KIND);
        if (responsibility === 'provider' || providerA || onlyProviderR) {
          outcome.events.push({
            code: 'HANDED_TO_PROVIDER',
            layer,
            byOverride: responsibility === 'provider',
            providerA: providerA ? this.parties(A.toArray()).filter((p) => p.kind === 'provider') : [],
            onlyProviderR
          });
        }
      }
      if (customerSide) {
        if (A.size === 0) outcome.unaccountable.push(layer.title);
        if (A.size > 1 || (A.size === 0 && !suppressA)) {
          outcome.events.push({ code: 'NO_ACCOUNTABLE', layer, responsibility, accountable: A.toArray() });
        }
        // With only the provider as R on a permanent layer, HANDED_TO_PROVIDER already says it.
        if ((R.size === 0 && !suppressR) || (onlyProviderR && !layer.permanent)) {
          outcome.events.push({ code: 'NO_RESPONSIBLE', layer, responsibility });
        }
      }
    }
    return outcome;
  }

  /** Fills A and R with a layer's explicit assignments; notes inactive holders. */
  private readExplicit(outcome: LayerOutcome, assignments: readonly RaciAssignment[], layer: CompiledLayer): void {
    for (const a of assignments) {
      if (a.layerId !== layer.id) continue;
      if (a.role === 'A') this.A.explicit = true;
      if (a.role === 'R') this.R.explicit = true;
      const party = this.partyById.get(a.partyId);
      // A dangling party id holds nothing: counting it would hide a missing Accountable.
      if (party === undefined) continue;
      if (!party.active) outcome.events.push({ code: 'INACTIVE_PARTY', layer, party, role: a.role });
      if (a.role === 'A') this.A.add(party.id);
      if (a.role === 'R') this.R.add(party.id);
    }
  }

  private noteInactiveTeam(outcome: LayerOutcome, layer: CompiledLayer): void {
    const team = layer.team === null ? undefined : this.partyById.get(layer.team);
    if (team === undefined || team.active) return;
    const entry = outcome.inactiveTeams.find(([t]) => t === team);
    if (entry === undefined) outcome.inactiveTeams.push([team, [layer.title]]);
    else entry[1].push(layer.title);
  }

  private parties(ids: readonly number[]): Party[] {
    const found: Party[] = [];
    for (const id of ids) {
      const party = this.partyById.get(id);
      if (party !== undefined) found.push(party);
    }
    return found;
  }
}
