/**
 * An OSCAL 1.1.3 System Security Plan for a scope (pure; identifiers come from `uuidOf`, which
 * main derives from the workbook id, so an unchanged workbook gives the same document).
 *
 * The scope is `this-system`; each provider layer it leverages (e.g. "Microsoft: Physical
 * datacenter") is a `service` component pointing at a `leveraged-authorizations` entry for its
 * provider. Per NIST SP 800-53 control of the baseline, an implemented requirement whose
 * by-components say: on the provider's components, `export.provided` (what the provider carries)
 * and `export.responsibilities` (what the customer must do with it); on this-system, `inherited`
 * (pointing at the provided entries) and `satisfied` (pointing at the responsibilities), and the
 * customer's Accountable and Responsible parties as `responsible-roles`.
 */
import type { StandardServiceModel } from '@shared/domain';
import { baselineControls, oscalControlId, type FedrampBaseline } from './catalogues';
import { scopeKey, type ExportFacts } from './export-facts';
import type { DerivedControl, LayerShare } from './ownership';
import { customerCells, customerLayerLines, notDerivedText, organisationalText, providerCells, providerLayerLines, type PartyLookup } from './ownership-text';
import { OscalParties, ROLES, roleEntries, type ResponsibleRole } from './oscal-parties';

export const OSCAL_VERSION = '1.1.3';
/** Demarc's own namespace for the props OSCAL does not define. */
export const DEMARC_NS = 'urn:demarc:oscal';
export const FEDRAMP_NS = 'https://fedramp.gov/ns/oscal';

type Json = Record<string, unknown>;

export interface OscalContext {
  facts: ExportFacts;
  baseline: FedrampBaseline;
  /** The FedRAMP baseline profile the SSP imports. */
  profileHref: string;
  /** Standard service model → assets in scope (standardServiceModelCounts: each model's columns under the standard they declare). */
  serviceModels: Map<StandardServiceModel, number>;
  lookup: PartyLookup;
  /** The workbook party standing for a model's provider, if any. */
  providerParty: (modelId: string) => number | null;
  modelName: (id: string) => string;
  /** A stable UUID (version 4 or 5) for an entity named by `parts`. */
  uuidOf: (...parts: string[]) => string;
}

const ORIGINATION_PROPS = (control: DerivedControl): string[] => {
  if (control.organisational) return ['organization'];
  switch (control.ownership) {
    case 'provider':
      return ['inherited'];
    case 'shared':
      return ['inherited', 'system-specific'];
    case 'customer':
    case 'third-party':
      return ['system-specific'];
    case 'undetermined':
      return [];
  }
};

/** The FIPS 199 level of a baseline (LI-SaaS is a tailored Low). */
function impactLevel(baseline: FedrampBaseline): string {
  return baseline.name === 'High' ? 'fips-199-high' : baseline.name === 'Moderate' ? 'fips-199-moderate' : 'fips-199-low';
}

/** The standard service models FedRAMP's `cloud-service-model` names (on-premises is no cloud service). */
const CLOUD_SERVICE_MODELS: ReadonlySet<StandardServiceModel> = new Set(['iaas', 'paas', 'saas']);

class SspBuilder {
  readonly parties: OscalParties;
  readonly components = new Map<string, Json>();
  readonly leveraged = new Map<string, Json>();
  readonly thisSystem: string;

  constructor(private readonly ctx: OscalContext) {
    this.parties = new OscalParties(ctx.uuidOf, ctx.lookup, ctx.facts.organisation);
    this.thisSystem = ctx.uuidOf('component', 'this-system');
  }

  /** The provider's leveraged authorization and the service component for one of its layers. */
  private serviceComponent(layer: LayerShare): string {
    const key = `${layer.modelId}\u0000${layer.layerId}`;
    const existing = this.components.get(key);
    if (existing !== undefined) return existing.uuid as string;
    const model = this.ctx.facts.models.find((m) => m.id === layer.modelId);
    const providerParty = this.parties.provider(layer.modelId, layer.providerName, this.ctx.providerParty(layer.modelId));
    let authorization = this.leveraged.get(layer.modelId);
    if (authorization === undefined) {
      authorization = {
        uuid: this.ctx.uuidOf('leveraged-authorization', layer.modelId),
        title: `${layer.providerName} (${model?.name ?? layer.modelId})`,
        'party-uuid': providerParty,
        'date-authorized': model?.sourceDate ?? this.ctx.facts.exportedAt.slice(0, 10),
        remarks: `The provider's part as published in ${model?.name ?? layer.modelId}. Demarc does not know the date of the provider's own authorization: date-authorized is the date of the published responsibility model; replace it with the authorization's date.`
      };
      this.leveraged.set(layer.modelId, authorization);
    }
    const uuid = this.ctx.uuidOf('component', layer.modelId, layer.layerId);
    this.components.set(key, {
      uuid,
      type: 'service',
      title: `${layer.providerName}: ${layer.title}`,
      description: `The layer "${layer.title}" as ${layer.providerName} carries it, under ${model?.name ?? layer.modelId}.`,
      props: [
        { name: 'implementation-point', value: 'external' },
        { name: 'leveraged-authorization-uuid', value: authorization.uuid as string }
      ],
      status: { state: 'operational' }
    });
    return uuid;
  }

  private customerRoles(layer: LayerShare): ResponsibleRole[] {
    return roleEntries([
      [ROLES.accountable, this.parties.customerSide(layer.accountable)],
      [ROLES.responsible, this.parties.customerSide(layer.responsible)]
    ]);
  }

  requirement(control: DerivedControl): Json {
    const { uuidOf } = this.ctx;
    const id = control.id;
    const props: Json[] = ORIGINATION_PROPS(control).map((value) => ({ name: 'control-origination', value }));
    const byComponents: Json[] = [];
    const inherited: Json[] = [];
    const satisfied: Json[] = [];
    const providerLayers = control.layers.filter((l) => providerCells(l) > 0);
    const customerLayers = control.layers.filter((l) => customerCells(l) > 0);
    const lines = customerLayerLines(control, this.ctx.lookup);
    // Each customer-side layer is a responsibility on the provider component of the same layer
    // when the layer is shared, else on the control's first provider component.
    const hostOf = (c: LayerShare): LayerShare | undefined =>
      providerLayers.find((p) => p.modelId === c.modelId && p.layerId === c.layerId) ?? providerLayers[0];
    for (const layer of providerLayers) {
      const componentUuid = this.serviceComponent(layer);
      const providedUuid = uuidOf('provided', id, layer.modelId, layer.layerId);
      const providerRole = roleEntries([[ROLES.provider, [this.parties.provider(layer.modelId, layer.providerName, this.ctx.providerParty(layer.modelId))]]]);
      const description = providerLayerLines({ ...control, layers: [layer] }).join(' ');
      const responsibilities = customerLayers
        .filter((c) => hostOf(c) === layer)
        .map((c) => {
          const sameLayer = c.modelId === layer.modelId && c.layerId === layer.layerId;
          const responsibilityUuid = uuidOf('responsibility', id, c.modelId, c.layerId);
          const text = lines[customerLayers.indexOf(c)] ?? '';
          satisfied.push({ uuid: uuidOf('satisfied', id, c.modelId, c.layerId), 'responsibility-uuid': responsibilityUuid, description: text, ...this.rolesOf(this.customerRoles(c)) });
          return { uuid: responsibilityUuid, ...(sameLayer ? { 'provided-uuid': providedUuid } : {}), description: `The customer's part: ${text}` };
        });
      byComponents.push({
        'component-uuid': componentUuid,
        uuid: uuidOf('by-component', id, layer.modelId, layer.layerId),
        description,
        export: {
          provided: [{ uuid: providedUuid, description, ...this.rolesOf(providerRole) }],
          ...(responsibilities.length > 0 ? { responsibilities } : {})
        }
      });
      inherited.push({ uuid: uuidOf('inherited', id, layer.modelId, layer.layerId), 'provided-uuid': providedUuid, description, ...this.rolesOf(providerRole) });
    }
    if (inherited.length > 0) {
      const authorizations = [...new Set(providerLayers.map((l) => this.leveraged.get(l.modelId)?.uuid as string))];
      for (const value of authorizations) props.push({ name: 'leveraged-authorization-uuid', ns: FEDRAMP_NS, value });
    }
    const ownDescription = this.thisSystemDescription(control, lines);
    const ownRoles = customerLayers.length > 0 && satisfied.length === 0 ? this.rolesOf(roleEntries(customerLayers.flatMap((l) => this.customerRoles(l).map((r) => [r['role-id'], r['party-uuids']] as [string, string[]])))) : {};
    byComponents.push({
      'component-uuid': this.thisSystem,
      uuid: uuidOf('by-component', id, 'this-system'),
      description: ownDescription,
      ...(inherited.length > 0 ? { inherited } : {}),
      ...(satisfied.length > 0 ? { satisfied } : {}),
      ...ownRoles
    });
    return {
      uuid: uuidOf('implemented-requirement', id),
      'control-id': oscalControlId(id),
      ...(props.length > 0 ? { props } : {}),
      'by-components': byComponents,
      remarks: `${control.line.id === id ? '' : `Placed with ${control.line.id}. `}${control.line.reason}`
    };
  }

  private thisSystemDescription(control: DerivedControl, lines: string[]): string {
    if (control.organisational) return organisationalText(control);
    if (control.ownership === 'undetermined') return notDerivedText(control, this.ctx.modelName);
    if (control.ownership === 'provider') return `Fully inherited: ${providerLayerLines(control).join(' ')}`;
    return lines.join('\n');
  }

  private rolesOf(roles: ResponsibleRole[]): { 'responsible-roles'?: ResponsibleRole[] } {
    return roles.length > 0 ? { 'responsible-roles': roles } : {};
  }
}

/** The SSP document for the derived controls of a baseline (`controlFor` derives each control). */
export function buildOscalSsp(controlFor: (controlId: string) => DerivedControl, ctx: OscalContext): Json {
  const builder = new SspBuilder(ctx);
  const { facts } = ctx;
  const requirements = baselineControls(ctx.baseline).map((id) => builder.requirement(controlFor(id)));
  const level = impactLevel(ctx.baseline);
  const serviceModelProps = [...ctx.serviceModels.keys()]
    .filter((sm) => CLOUD_SERVICE_MODELS.has(sm))
    .sort()
    .map((value) => ({ name: 'cloud-service-model', value }));
  const metadataProps = facts.changeLogChainHead === null ? [] : [{ name: 'change-log-chain-head', ns: DEMARC_NS, value: facts.changeLogChainHead }];
  const organisation = builder.parties.organisation();
  return {
    'system-security-plan': {
      uuid: ctx.uuidOf('system-security-plan', scopeKey(facts.scope), ctx.baseline.name),
      metadata: {
        title: `System Security Plan: ${facts.organisation}, ${facts.scopeLabel}`,
        'last-modified': facts.exportedAt,
        version: facts.exportedAt,
        'oscal-version': OSCAL_VERSION,
        ...(metadataProps.length > 0 ? { props: metadataProps } : {}),
        roles: builder.parties.roles(),
        parties: builder.parties.list(),
        'responsible-parties': [{ 'role-id': ROLES.owner, 'party-uuids': [organisation] }],
        remarks: `Derived by Demarc from workbook ${facts.workbookId} through the control mapping ${facts.mapping.name} (${facts.mapping.id}, version ${facts.mapping.version}, ${facts.mapping.source}). Exported by ${facts.exportedBy}.`
      },
      'import-profile': { href: ctx.profileHref },
      'system-characteristics': {
        'system-ids': [{ 'identifier-type': 'https://ietf.org/rfc/rfc4122', id: facts.workbookId }],
        'system-name': `${facts.organisation}: ${facts.scopeLabel}`,
        description: `The ${facts.assets.toLocaleString('en-GB')} assets of ${facts.scopeLabel} in ${facts.organisation}'s Demarc workbook, with who carries each responsibility layer.`,
        ...(serviceModelProps.length > 0 ? { props: serviceModelProps } : {}),
        'security-sensitivity-level': level,
        'system-information': {
          'information-types': [
            {
              uuid: ctx.uuidOf('information-type', 'scope'),
              title: 'Information of the assets in scope',
              description: `Not categorised by Demarc: the levels are those of the ${ctx.baseline.name} baseline chosen for this export; categorise the information types per NIST SP 800-60.`,
              'confidentiality-impact': { base: level },
              'integrity-impact': { base: level },
              'availability-impact': { base: level }
            }
          ]
        },
        'security-impact-level': { 'security-objective-confidentiality': level, 'security-objective-integrity': level, 'security-objective-availability': level },
        status: { state: 'operational' },
        'authorization-boundary': { description: `The assets of ${facts.scopeLabel} (${facts.assets.toLocaleString('en-GB')}), as listed in the Demarc workbook ${facts.workbookId}.` }
      },
      'system-implementation': {
        ...(builder.leveraged.size > 0 ? { 'leveraged-authorizations': [...builder.leveraged.values()] } : {}),
        users: [{ uuid: ctx.uuidOf('user', 'raci'), title: 'Customer-side parties named in the RACI', 'role-ids': [ROLES.accountable, ROLES.responsible] }],
        components: [
          { uuid: builder.thisSystem, type: 'this-system', title: `${facts.organisation}: ${facts.scopeLabel}`, description: 'The system this plan describes: the assets in scope.', status: { state: 'operational' } },
          ...builder.components.values()
        ]
      },
      'control-implementation': {
        description: `Each control of the FedRAMP Rev5 ${ctx.baseline.name} baseline with who implements it, derived from the responsibility layers it rests on across the assets in scope.`,
        'implemented-requirements': requirements
      }
    }
  };
}
