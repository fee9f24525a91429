/**
 * All 80 published cells of both Microsoft models, written out by hand from the sources
 * (DOMAIN.md §2 and §3), through deriveResponsibility. Never computed from the JSON files.
 */
import { describe, it, expect } from 'vitest';
import { deriveResponsibility } from '@core/derive';
import { BUILTIN_MODELS, DEFAULT_MODEL_ID } from '@core/models';
import type { ServiceModel } from '@shared/domain';

const C = 'customer';
const P = 'provider';
const S = 'shared';

// learn.microsoft.com/azure/security/fundamentals/shared-responsibility, ms.date 2026-01-12.
//              title                          On-premises IaaS PaaS SaaS
const CURRENT_2026: [string, string, [string, string, string, string]][] = [
  ['customer-data', 'Customer data', [C, C, C, C]],
  ['configurations-and-settings', 'Configurations and settings', [C, C, C, C]],
  ['identities-and-users', 'Identities and users', [C, C, C, C]],
  ['client-devices', 'Client devices', [C, C, C, S]],
  ['applications', 'Applications', [C, C, S, S]],
  ['network-controls', 'Network controls', [C, C, S, P]],
  ['operating-system', 'Operating system', [C, C, P, P]],
  ['physical-hosts', 'Physical hosts', [C, P, P, P]],
  ['physical-network', 'Physical network', [C, P, P, P]],
  ['physical-datacenter', 'Physical datacenter', [C, P, P, P]]
];

// shared-responsibility.svg (page dated 2023-09-28). The image reads SaaS, PaaS, IaaS, On-prem;
// the rows below are transcribed in that order and reversed into On-prem..SaaS by the test.
//                                                                SaaS PaaS IaaS On-prem
const CLASSIC_2023_AS_DRAWN: [string, string, [string, string, string, string]][] = [
  ['information-and-data', 'Information and data', [C, C, C, C]],
  ['devices-mobile-and-pcs', 'Devices (Mobile and PCs)', [C, C, C, C]],
  ['accounts-and-identities', 'Accounts and identities', [C, C, C, C]],
  ['identity-and-directory-infrastructure', 'Identity and directory infrastructure', [S, S, C, C]],
  ['applications', 'Applications', [P, S, C, C]],
  ['network-controls', 'Network controls', [P, S, C, C]],
  ['operating-system', 'Operating system', [P, P, C, C]],
  ['physical-hosts', 'Physical hosts', [P, P, P, C]],
  ['physical-network', 'Physical network', [P, P, P, C]],
  ['physical-datacenter', 'Physical datacenter', [P, P, P, C]]
];

const COLUMNS: ServiceModel[] = ['onprem', 'iaas', 'paas', 'saas'];

function expectTable(modelId: string, table: [string, string, string[]][]): void {
  const model = BUILTIN_MODELS[modelId];
  expect(model).toBeDefined();
  if (model === undefined) return;
  expect(model.layers.map((l) => [l.id, l.title])).toEqual(table.map(([id, title]) => [id, title]));
  let cells = 0;
  COLUMNS.forEach((serviceModel, column) => {
    const derived = deriveResponsibility({ serviceModel }, model, []);
    table.forEach(([layerId, , row], i) => {
      const layer = derived[i];
      expect(layer?.layerId).toBe(layerId);
      expect({ layerId, serviceModel, responsibility: layer?.published }).toEqual({ layerId, serviceModel, responsibility: row[column] });
      expect(layer?.responsibility).toBe(row[column]);
      expect(layer?.overridden).toBe(false);
      cells++;
    });
  });
  expect(cells).toBe(40);
}

describe('Microsoft truth tables through deriveResponsibility', () => {
  it('current table (2026-01-12): 40 cells', () => {
    expectTable('microsoft-2026-01', CURRENT_2026);
  });

  it('classic diagram (2023-09-28): 40 cells', () => {
    const onPremFirst = CLASSIC_2023_AS_DRAWN.map(([id, title, row]): [string, string, string[]] => [id, title, [...row].reverse()]);
    expectTable('microsoft-classic-2023', onPremFirst);
  });

  it('the 2026 table is the default model', () => {
    expect(DEFAULT_MODEL_ID).toBe('microsoft-2026-01');
    expect(Object.keys(BUILTIN_MODELS)[0]).toBe(DEFAULT_MODEL_ID);
  });

  it('permanent layers are exactly those that are Customer in every column', () => {
    const permanent = (id: string) => BUILTIN_MODELS[id]?.layers.filter((l) => l.permanentCustomer).map((l) => l.title);
    expect(permanent('microsoft-2026-01')).toEqual(['Customer data', 'Configurations and settings', 'Identities and users']);
    expect(permanent('microsoft-classic-2023')).toEqual(['Information and data', 'Devices (Mobile and PCs)', 'Accounts and identities']);
  });

  it('both models name Microsoft as the single provider party and cite their source', () => {
    expect(BUILTIN_MODELS['microsoft-2026-01']?.parties).toEqual([{ id: 'provider', name: 'Microsoft', kind: 'provider' }]);
    expect(BUILTIN_MODELS['microsoft-2026-01']?.source).toMatchObject({
      url: 'https://learn.microsoft.com/azure/security/fundamentals/shared-responsibility',
      date: '2026-01-12'
    });
    expect(BUILTIN_MODELS['microsoft-classic-2023']?.source.date).toBe('2023-09-28');
    expect(BUILTIN_MODELS['microsoft-classic-2023']?.source.url).toMatch(/shared-responsibility\.svg$/);
  });
});
