import { describe, it, expect } from 'vitest';
import {
  BUILTIN_MODELS,
  ModelError,
  compareModels,
  getCell,
  parseModel,
  previewModelChange
} from '@core/models';
import type { ResponsibilityModel } from '@shared/domain';
import { asset, assign, override } from '@tests/helpers/builders';

const current = BUILTIN_MODELS['microsoft-2026-01'] as ResponsibilityModel;
const classic = BUILTIN_MODELS['microsoft-classic-2023'] as ResponsibilityModel;

/** A small valid model to break in each test. */
function tiny(): Record<string, unknown> {
  return {
    id: 'tiny',
    name: 'Tiny',
    version: '1',
    source: { title: 'Test', url: 'https://example.org/m', date: '2026-01-01' },
    serviceModels: ['iaas', 'saas'],
    parties: [
      { id: 'provider', name: 'Cloudco', kind: 'provider' },
      { id: 'msp', name: 'MSP', kind: 'third_party' }
    ],
    layers: [
      { id: 'data', title: 'Data', description: 'd', permanentCustomer: true },
      { id: 'os', title: 'OS', description: 'o', permanentCustomer: false }
    ],
    cells: {
      data: { iaas: 'customer', saas: 'customer' },
      os: { iaas: { responsibility: 'customer', operatedBy: 'msp' }, saas: 'provider' }
    }
  };
}

function problemsOf(json: unknown): string[] {
  try {
    parseModel(json, 'tiny.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).message).toMatch(/^tiny\.json: /);
    return (error as ModelError).problems.map((p) => `${p.path}: ${p.message}`);
  }
  throw new Error('expected a ModelError');
}

describe('parseModel', () => {
  it('accepts a valid model and reads operatedBy cells', () => {
    const model = parseModel(tiny(), 'tiny.json');
    expect(getCell(model, 'os', 'iaas')).toEqual({ responsibility: 'customer', operatedBy: 'msp' });
    expect(getCell(model, 'os', 'saas')).toEqual({ responsibility: 'provider', operatedBy: null });
    expect(getCell(model, 'os', 'paas')).toBeNull();
    expect(getCell(model, 'nope', 'iaas')).toBeNull();
  });

  it('names the JSON path of shape errors', () => {
    const json = tiny();
    (json.layers as Record<string, unknown>[])[1] = { id: 'OS!', title: 'OS', description: 'o', permanentCustomer: 'no' };
    const problems = problemsOf(json);
    expect(problems.some((p) => p.startsWith('$.layers[1].id:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('$.layers[1].permanentCustomer:'))).toBe(true);
  });

  it('names a bad cell value by layer and service model', () => {
    const json = tiny();
    (json.cells as Record<string, Record<string, unknown>>).os = { iaas: 'microsoft', saas: 'provider' };
    expect(problemsOf(json).some((p) => p.startsWith('$.cells.os.iaas'))).toBe(true);
  });

  it('refuses a missing cell, an extra column and a cell row for no layer', () => {
    const json = tiny();
    json.cells = { data: { iaas: 'customer' }, os: { iaas: 'customer', saas: 'provider', paas: 'provider' }, ghost: { iaas: 'customer' } };
    const problems = problemsOf(json);
    expect(problems).toContain('$.cells.data.saas: missing cell');
    expect(problems.some((p) => p.startsWith('$.cells.os.paas: "paas" is not one of'))).toBe(true);
    expect(problems.some((p) => p.startsWith('$.cells.ghost: no layer'))).toBe(true);
  });

  it('refuses a layer with no cells at all', () => {
    const json = tiny();
    json.cells = { data: { iaas: 'customer', saas: 'customer' } };
    expect(problemsOf(json).some((p) => p.startsWith('$.cells.os: missing'))).toBe(true);
  });

  it('refuses duplicate layer ids', () => {
    const json = tiny();
    (json.layers as Record<string, unknown>[])[1] = { id: 'data', title: 'Again', description: 'x', permanentCustomer: false };
    expect(problemsOf(json)).toContain('$.layers[1].id: duplicate layer id "data"');
  });

  it('refuses operatedBy naming an undeclared party', () => {
    const json = tiny();
    (json.cells as Record<string, Record<string, unknown>>).os = { iaas: { responsibility: 'customer', operatedBy: 'ghost' }, saas: 'provider' };
    expect(problemsOf(json)).toContain('$.cells.os.iaas.operatedBy: "ghost" is not a party declared in $.parties');
  });

  it('refuses a permanent customer layer that is not customer everywhere', () => {
    const json = tiny();
    (json.cells as Record<string, Record<string, unknown>>).data = { iaas: 'customer', saas: 'shared' };
    expect(problemsOf(json).some((p) => p.startsWith('$.cells.data.saas: layer "data" is permanentCustomer'))).toBe(true);
  });

  it('needs exactly one provider party', () => {
    const none = tiny();
    none.parties = [{ id: 'msp', name: 'MSP', kind: 'third_party' }];
    none.cells = { data: { iaas: 'customer', saas: 'customer' }, os: { iaas: 'customer', saas: 'provider' } };
    expect(problemsOf(none)).toContain('$.parties: needs exactly one party of kind "provider", found 0');
    const two = tiny();
    two.parties = [...(two.parties as unknown[]), { id: 'other', name: 'Other', kind: 'provider' }];
    expect(problemsOf(two)).toContain('$.parties: needs exactly one party of kind "provider", found 2');
  });

  it('uses bracket notation for keys that are not identifiers', () => {
    const json = tiny();
    (json.layers as Record<string, unknown>[])[1] = { id: 'os-x', title: 'OS', description: 'o', permanentCustomer: false };
    json.cells = { data: { iaas: 'customer', saas: 'customer' }, 'os-x': { iaas: 'customer' } };
    expect(problemsOf(json)).toContain('$.cells["os-x"].saas: missing cell');
  });
});

describe('compareModels', () => {
  it('classic → 2026 lists exactly the known differences', () => {
    expect(compareModels(classic, current)).toEqual([
      { kind: 'layer-renamed', from: { id: 'information-and-data', title: 'Information and data' }, to: { id: 'customer-data', title: 'Customer data' }, matchedBy: 'alias' },
      { kind: 'layer-added', to: { id: 'configurations-and-settings', title: 'Configurations and settings' } },
      { kind: 'layer-renamed', from: { id: 'accounts-and-identities', title: 'Accounts and identities' }, to: { id: 'identities-and-users', title: 'Identities and users' }, matchedBy: 'alias' },
      { kind: 'layer-removed', from: { id: 'identity-and-directory-infrastructure', title: 'Identity and directory infrastructure' } },
      { kind: 'layer-renamed', from: { id: 'devices-mobile-and-pcs', title: 'Devices (Mobile and PCs)' }, to: { id: 'client-devices', title: 'Client devices' }, matchedBy: 'alias' },
      { kind: 'permanence-changed', from: { id: 'devices-mobile-and-pcs', title: 'Devices (Mobile and PCs)' }, to: { id: 'client-devices', title: 'Client devices' }, before: true, after: false },
      {
        kind: 'cell-changed',
        from: { id: 'devices-mobile-and-pcs', title: 'Devices (Mobile and PCs)' },
        to: { id: 'client-devices', title: 'Client devices' },
        serviceModel: 'saas',
        before: { responsibility: 'customer', operatedBy: null },
        after: { responsibility: 'shared', operatedBy: null }
      },
      {
        kind: 'cell-changed',
        from: { id: 'applications', title: 'Applications' },
        to: { id: 'applications', title: 'Applications' },
        serviceModel: 'saas',
        before: { responsibility: 'provider', operatedBy: null },
        after: { responsibility: 'shared', operatedBy: null }
      }
    ]);
  });

  it('2026 → classic mirrors it (added becomes removed)', () => {
    const kinds = compareModels(current, classic).map((d) => d.kind);
    expect(kinds.filter((k) => k === 'layer-added')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'layer-removed')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'layer-renamed')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'cell-changed')).toHaveLength(2);
  });

  it('a model compared with itself has no differences', () => {
    expect(compareModels(current, current)).toEqual([]);
  });
});

describe('previewModelChange', () => {
  it('shows responsibility moves, orphaned overrides and RACI rows with their likely new layer', () => {
    const assets = [asset(1, { serviceModel: 'saas' }), asset(2, { serviceModel: 'iaas' })];
    const overrides = [override(1, 'information-and-data', 'shared'), override(2, 'network-controls', 'shared'), override(9, 'information-and-data', 'shared')];
    const assignments = [assign(1, 'accounts-and-identities', 1, 'A'), assign(1, 'identity-and-directory-infrastructure', 2, 'R'), assign(2, 'applications', 1, 'R')];
    const preview = previewModelChange(assets, overrides, assignments, classic, current);

    expect(preview.orphanedOverrides).toEqual([{ override: overrides[0], suggestedLayerId: 'customer-data' }]);
    expect(preview.orphanedAssignments).toEqual([
      { assignment: assignments[0], suggestedLayerId: 'identities-and-users' },
      { assignment: assignments[1], suggestedLayerId: null }
    ]);
    const asset1 = preview.changes.filter((c) => c.assetId === 1);
    expect(asset1).toEqual([
      // the override on the classic layer does not carry over: published customer again
      { assetId: 1, fromLayerId: 'information-and-data', toLayerId: 'customer-data', before: 'shared', after: 'customer' },
      { assetId: 1, fromLayerId: null, toLayerId: 'configurations-and-settings', before: null, after: 'customer' },
      { assetId: 1, fromLayerId: 'identity-and-directory-infrastructure', toLayerId: null, before: 'shared', after: null },
      { assetId: 1, fromLayerId: 'devices-mobile-and-pcs', toLayerId: 'client-devices', before: 'customer', after: 'shared' },
      { assetId: 1, fromLayerId: 'applications', toLayerId: 'applications', before: 'provider', after: 'shared' }
    ]);
    // asset 2 (IaaS) keeps its network-controls override; only the added and removed layers move
    expect(preview.changes.filter((c) => c.assetId === 2).map((c) => c.toLayerId ?? c.fromLayerId)).toEqual([
      'configurations-and-settings',
      'identity-and-directory-infrastructure'
    ]);
    expect(preview.assetsAffected).toBe(2);
    expect(preview.differences).toEqual(compareModels(classic, current));
  });

  it('flags a kept override the new model refuses', () => {
    const custom = parseModel({ ...tiny() }, 'tiny.json');
    const loose = parseModel(
      { ...tiny(), id: 'loose', layers: [{ id: 'data', title: 'Data', description: 'd', permanentCustomer: false }, { id: 'os', title: 'OS', description: 'o', permanentCustomer: false }] },
      'loose.json'
    );
    const preview = previewModelChange([asset(1)], [override(1, 'data', 'provider')], [], loose, custom);
    expect(preview.refusedOverrides).toHaveLength(1);
    expect(preview.refusedOverrides[0]?.message).toMatch(/always stays with the customer/);
  });
});
