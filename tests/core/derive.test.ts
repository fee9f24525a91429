import { describe, it, expect } from 'vitest';
import { deriveResponsibility, validateJustification, validateOverride } from '@core/derive';
import { BUILTIN_MODELS, parseModel } from '@core/models';
import type { ResponsibilityModel } from '@shared/domain';
import { override } from '@tests/helpers/builders';

const current = BUILTIN_MODELS['microsoft-2026-01'] as ResponsibilityModel;

describe('deriveResponsibility', () => {
  it('gives unknown on every layer when the asset has no service model, never a guess', () => {
    const layers = deriveResponsibility({ serviceModel: null }, current, []);
    expect(layers).toHaveLength(10);
    for (const layer of layers) {
      expect(layer).toEqual({ layerId: layer.layerId, published: 'unknown', responsibility: 'unknown', overridden: false, justification: null, operatedBy: null });
    }
  });

  it('still shows an override on an unclassified asset', () => {
    const layers = deriveResponsibility({ serviceModel: null }, current, [override(1, 'network-controls', 'shared')]);
    expect(layers.find((l) => l.layerId === 'network-controls')).toEqual({
      layerId: 'network-controls',
      published: 'unknown',
      responsibility: 'shared',
      overridden: true,
      justification: 'contract says so',
      operatedBy: null
    });
  });

  it('applies an override over the published cell and keeps the published value', () => {
    const layers = deriveResponsibility({ serviceModel: 'paas' }, current, [override(1, 'operating-system', 'shared')]);
    expect(layers.find((l) => l.layerId === 'operating-system')).toMatchObject({ published: 'provider', responsibility: 'shared', overridden: true });
    expect(layers.find((l) => l.layerId === 'applications')).toMatchObject({ published: 'shared', responsibility: 'shared', overridden: false });
  });

  it('reports the operating third party named by the model', () => {
    const model = parseModel({
      id: 'msp',
      name: 'MSP',
      version: '1',
      source: { title: 't', url: 'https://example.org', date: '2026-01-01' },
      serviceModels: ['iaas'],
      parties: [{ id: 'provider', name: 'Microsoft', kind: 'provider' }, { id: 'msp', name: 'Contoso MSP', kind: 'third_party' }],
      layers: [{ id: 'os', title: 'OS', description: 'o', permanentCustomer: false }],
      cells: { os: { iaas: { responsibility: 'customer', operatedBy: 'msp' } } }
    });
    expect(deriveResponsibility({ serviceModel: 'iaas' }, model, [])[0]?.operatedBy).toBe('msp');
    // a service model the model does not cover is unknown, not borrowed from another column
    expect(deriveResponsibility({ serviceModel: 'saas' }, model, [])[0]?.published).toBe('unknown');
  });
});

describe('validateOverride', () => {
  it('accepts an ordinary override with a justification', () => {
    expect(validateOverride(current, 'operating-system', 'shared', 'we patch the runtime ourselves')).toBeNull();
    expect(validateOverride(current, 'customer-data', 'shared', 'provider-managed backups')).toBeNull();
  });

  it('refuses handing a permanent customer layer to the provider, and says why', () => {
    const message = validateOverride(current, 'identities-and-users', 'provider', 'we bought Entra ID P2');
    expect(message).toMatch(/"Identities and users" always stays with the customer/);
    expect(message).toMatch(/premium security feature/);
  });

  it('allows provider on a layer that is not permanent (client devices is shared in SaaS)', () => {
    expect(validateOverride(current, 'client-devices', 'provider', 'managed desktops')).toBeNull();
  });

  it('refuses an unknown layer id', () => {
    expect(validateOverride(current, 'hypervisor', 'provider', 'x')).toMatch(/no layer "hypervisor"/);
  });

  it('refuses an empty or blank justification', () => {
    expect(validateOverride(current, 'operating-system', 'shared', '   ')).toMatch(/needs a justification/);
    expect(validateJustification('')).not.toBeNull();
    expect(validateJustification(' ok ')).toBeNull();
  });

  it('refuses a value that is not a responsibility', () => {
    expect(validateOverride(current, 'operating-system', 'unknown' as never, 'x')).toMatch(/not a responsibility/);
  });
});
