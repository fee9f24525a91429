import { describe, it, expect } from 'vitest';
import { deriveResponsibility } from '@core/derive';
import { BUILTIN_MODELS, parseModel } from '@core/models';
import {
  defaultRaci,
  effectiveRaci,
  resolveModelParties,
  validateRaci,
  type RaciContext,
  type RaciValidationContext
} from '@core/raci';
import type { LayerResponsibility, Party, ResponsibilityModel, ServiceModel } from '@shared/domain';
import { assign, parties, party, settings } from '@tests/helpers/builders';

const current = BUILTIN_MODELS['microsoft-2026-01'] as ResponsibilityModel;
const ctx = (patch: Partial<RaciContext> = {}): RaciContext => ({ model: current, parties: parties(), settings: settings(), ...patch });

function layerOf(serviceModel: ServiceModel | null, layerId: string, model = current): LayerResponsibility {
  const layer = deriveResponsibility({ serviceModel }, model, []).find((l) => l.layerId === layerId);
  if (layer === undefined) throw new Error(layerId);
  return layer;
}

const mspModel = parseModel({
  id: 'msp',
  name: 'MSP-run IaaS',
  version: '1',
  source: { title: 't', url: 'https://example.org', date: '2026-01-01' },
  serviceModels: ['iaas'],
  parties: [{ id: 'provider', name: 'Microsoft', kind: 'provider' }, { id: 'msp', name: 'contoso msp', kind: 'third_party' }],
  layers: [
    { id: 'data', title: 'Data', description: 'd', permanentCustomer: true },
    { id: 'os', title: 'OS', description: 'o', permanentCustomer: false },
    { id: 'net', title: 'Network', description: 'n', permanentCustomer: false }
  ],
  cells: {
    data: { iaas: 'customer' },
    os: { iaas: { responsibility: 'customer', operatedBy: 'msp' } },
    net: { iaas: { responsibility: 'shared', operatedBy: 'msp' } }
  }
});

describe('defaultRaci', () => {
  it('provider layer: the provider is R and A, the owner is informed', () => {
    expect(defaultRaci(ctx(), layerOf('iaas', 'physical-hosts'), 1)).toEqual({ layerId: 'physical-hosts', R: [3], A: [3], C: [], I: [1], defaultRoles: ['R', 'A', 'C', 'I'] });
  });

  it('customer layer: the owner is A and R', () => {
    expect(defaultRaci(ctx(), layerOf('iaas', 'operating-system'), 1)).toMatchObject({ R: [1], A: [1], C: [], I: [] });
  });

  it('customer layer: the default team for the layer wins over the owner', () => {
    const withTeam = ctx({ settings: settings({ defaultTeamPerLayer: { 'operating-system': 2 } }) });
    expect(defaultRaci(withTeam, layerOf('iaas', 'operating-system'), 1)).toMatchObject({ R: [2], A: [2] });
    // other layers still fall to the owner
    expect(defaultRaci(withTeam, layerOf('iaas', 'customer-data'), 1)).toMatchObject({ R: [1], A: [1] });
  });

  it('a default team that no longer exists falls back to the owner', () => {
    const gone = ctx({ settings: settings({ defaultTeamPerLayer: { 'operating-system': 42 } }) });
    expect(defaultRaci(gone, layerOf('iaas', 'operating-system'), 1)).toMatchObject({ R: [1], A: [1] });
  });

  it('shared layer: provider and customer are R, the customer is A', () => {
    expect(defaultRaci(ctx(), layerOf('paas', 'applications'), 1)).toMatchObject({ R: [3, 1], A: [1], I: [] });
  });

  it('a third party operating the layer joins R; the customer stays A', () => {
    const c = ctx({ model: mspModel });
    expect(defaultRaci(c, layerOf('iaas', 'os', mspModel), 1)).toMatchObject({ R: [1, 4], A: [1] });
    expect(defaultRaci(c, layerOf('iaas', 'net', mspModel), 1)).toMatchObject({ R: [3, 1, 4], A: [1] });
    expect(resolveModelParties(mspModel, parties()).get('msp')).toBe(4);
  });

  it('unknown layers get no defaults', () => {
    expect(defaultRaci(ctx(), layerOf(null, 'customer-data'), 1)).toMatchObject({ R: [], A: [], C: [], I: [] });
  });

  it('without a workbook party named like the model provider, provider defaults are empty', () => {
    const noMicrosoft = ctx({ parties: parties().filter((p) => p.id !== 3) });
    expect(defaultRaci(noMicrosoft, layerOf('iaas', 'physical-hosts'), 1)).toMatchObject({ R: [], A: [], I: [1] });
  });

  it('matches model parties by case-insensitive name among provider and third-party kinds only', () => {
    const list: Party[] = [party(7, 'MICROSOFT', 'person'), party(8, 'microsoft', 'provider')];
    expect(resolveModelParties(current, list).get('provider')).toBe(8);
    expect(resolveModelParties(current, [party(7, 'Microsoft', 'team')]).get('provider')).toBeNull();
  });

  it('without an owner, customer defaults are empty', () => {
    expect(defaultRaci(ctx(), layerOf('iaas', 'operating-system'), null)).toMatchObject({ R: [], A: [] });
  });
});

describe('effectiveRaci', () => {
  it('explicit assignments replace the default for their role only', () => {
    const raci = effectiveRaci(ctx(), layerOf('iaas', 'operating-system'), 1, [assign(1, 'operating-system', 2, 'R'), assign(1, 'operating-system', 4, 'C')]);
    expect(raci).toEqual({ layerId: 'operating-system', R: [2], A: [1], C: [4], I: [], defaultRoles: ['A', 'I'] });
  });

  it('defaults follow the owner when it changes; explicit roles stay', () => {
    const explicit = [assign(1, 'operating-system', 4, 'R')];
    const before = effectiveRaci(ctx(), layerOf('iaas', 'operating-system'), 1, explicit);
    const after = effectiveRaci(ctx(), layerOf('iaas', 'operating-system'), 2, explicit);
    expect([before.A, before.R]).toEqual([[1], [4]]);
    expect([after.A, after.R]).toEqual([[2], [4]]);
    expect(effectiveRaci(ctx(), layerOf('iaas', 'physical-hosts'), 2, []).I).toEqual([2]);
  });

  it('ignores assignments for other layers and sorts explicit ids', () => {
    const raci = effectiveRaci(ctx(), layerOf('iaas', 'operating-system'), 1, [assign(1, 'operating-system', 4, 'R'), assign(1, 'operating-system', 2, 'R'), assign(1, 'customer-data', 5, 'A')]);
    expect(raci.R).toEqual([2, 4]);
    expect(raci.A).toEqual([1]);
  });
});

describe('validateRaci', () => {
  const vctx = (owner: number | null, serviceModel: ServiceModel | null = 'iaas', patch: Partial<RaciValidationContext> = {}): RaciValidationContext => ({
    ...ctx(),
    asset: { serviceModel, ownerPartyId: owner },
    overridesForAsset: [],
    ...patch
  });
  const rules = (errors: { rule: string }[]) => errors.map((e) => e.rule);

  it('passes a complete customer layer', () => {
    expect(validateRaci(vctx(1), 'operating-system', [assign(1, 'operating-system', 2, 'A'), assign(1, 'operating-system', 1, 'R')])).toEqual([]);
    // the owner's defaults complete it too
    expect(validateRaci(vctx(1), 'operating-system', [])).toEqual([]);
  });

  it('exactly one A: refuses two, and none on a customer layer', () => {
    const two = validateRaci(vctx(1), 'operating-system', [assign(1, 'operating-system', 1, 'A'), assign(1, 'operating-system', 2, 'A')]);
    expect(rules(two)).toEqual(['ONE_ACCOUNTABLE']);
    expect(two[0]?.message).toBe('"Operating system" needs exactly one Accountable; 2 are named (Alice, Platform team).');
    const none = validateRaci(vctx(null), 'operating-system', [assign(1, 'operating-system', 1, 'R')]);
    expect(rules(none)).toEqual(['ONE_ACCOUNTABLE']);
    expect(none[0]?.message).toMatch(/nobody is/);
  });

  it('exactly one A does not demand an A on provider or unknown layers, but refuses two', () => {
    expect(validateRaci(vctx(1, 'iaas', { parties: parties().filter((p) => p.id !== 3) }), 'physical-hosts', [])).toEqual([]);
    expect(validateRaci(vctx(null, null), 'customer-data', [])).toEqual([]);
    expect(rules(validateRaci(vctx(1), 'physical-hosts', [assign(1, 'physical-hosts', 1, 'A'), assign(1, 'physical-hosts', 3, 'A')]))).toEqual(['ONE_ACCOUNTABLE']);
  });

  it('at least one R on customer and shared layers', () => {
    expect(rules(validateRaci(vctx(null), 'operating-system', [assign(1, 'operating-system', 2, 'A')]))).toEqual(['NEEDS_RESPONSIBLE']);
    expect(validateRaci(vctx(null), 'operating-system', [assign(1, 'operating-system', 2, 'A'), assign(1, 'operating-system', 2, 'R')])).toEqual([]);
    // on a shared layer the provider alone is not enough
    const shared = validateRaci(vctx(null, 'paas'), 'applications', [assign(1, 'applications', 2, 'A')]);
    expect(rules(shared)).toEqual(['NEEDS_RESPONSIBLE']);
    expect(shared[0]?.message).toMatch(/provider alone does not count/);
  });

  it('only active parties may be given a role', () => {
    const errors = validateRaci(vctx(1), 'operating-system', [assign(1, 'operating-system', 5, 'R')]);
    expect(rules(errors)).toEqual(['INACTIVE_PARTY']);
    expect(errors[0]?.message).toBe('Bob is no longer active (left 2025-12-31) and cannot be Responsible on "Operating system".');
    expect(validateRaci(vctx(1), 'operating-system', [assign(1, 'operating-system', 2, 'R')])).toEqual([]);
  });

  it('never the provider as A on a permanent customer layer', () => {
    const errors = validateRaci(vctx(1), 'customer-data', [assign(1, 'customer-data', 3, 'A')]);
    expect(rules(errors)).toEqual(['PROVIDER_ACCOUNTABLE_ON_PERMANENT_LAYER']);
    expect(errors[0]?.message).toMatch(/Microsoft is the provider and cannot be Accountable for "Customer data"/);
    // on a layer that is not permanent the same assignment breaks no rule
    expect(validateRaci(vctx(1), 'operating-system', [assign(1, 'operating-system', 3, 'A')])).toEqual([]);
  });

  it('the party must exist, and the layer too', () => {
    expect(rules(validateRaci(vctx(1), 'operating-system', [assign(1, 'operating-system', 99, 'R')]))).toEqual(['UNKNOWN_PARTY']);
    expect(rules(validateRaci(vctx(1), 'hypervisor', []))).toEqual(['UNKNOWN_LAYER']);
    expect(rules(validateRaci(vctx(1), 'operating-system', [assign(1, 'customer-data', 1, 'R')]))).toEqual(['WRONG_LAYER']);
  });
});
