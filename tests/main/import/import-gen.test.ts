import { describe, expect, it } from 'vitest';
import { GENERATED_TYPE_COUNT, generateAzResourceList } from '../../../bench/import-gen';
import { readInventory } from '@main/import/read-inventory';
import { importKey } from '@main/import/import-key';

describe('generateAzResourceList', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateAzResourceList(300, 42)).toBe(generateAzResourceList(300, 42));
    expect(generateAzResourceList(300, 42)).not.toBe(generateAzResourceList(300, 43));
  });

  it('writes full az objects with the 16 default keys, about 40 types in realistic proportions', () => {
    const list = JSON.parse(generateAzResourceList(20_000, 1)) as Array<Record<string, unknown>>;
    expect(list).toHaveLength(20_000);
    expect(Object.keys(list[0]!)).toEqual([
      'changedTime',
      'createdTime',
      'extendedLocation',
      'id',
      'identity',
      'kind',
      'location',
      'managedBy',
      'name',
      'plan',
      'properties',
      'provisioningState',
      'resourceGroup',
      'sku',
      'tags',
      'type'
    ]);
    expect(GENERATED_TYPE_COUNT).toBeGreaterThanOrEqual(40);
    const byType = new Map<string, number>();
    for (const r of list) byType.set(String(r.type), (byType.get(String(r.type)) ?? 0) + 1);
    expect(byType.size).toBe(GENERATED_TYPE_COUNT);
    const share = (t: string): number => (byType.get(t) ?? 0) / list.length;
    expect(share('Microsoft.Network/networkInterfaces')).toBeGreaterThan(share('Microsoft.KeyVault/vaults'));
    expect(share('Microsoft.Network/virtualNetworkGateways')).toBeLessThan(0.005);
  });

  it('reads back completely: every row valid, every key distinct', async () => {
    const r = await readInventory(Buffer.from(generateAzResourceList(3000, 9)), { fileName: 'gen.json' });
    expect([r.format, r.rows.length, r.errors.length]).toEqual(['az-json', 3000, 0]);
    expect(new Set(r.rows.map(importKey)).size).toBe(3000);
    const ext = r.rows.find((row) => row.type === 'Microsoft.Compute/virtualMachines/extensions');
    expect(ext?.name).toMatch(/^[^/]+\/[^/]+$/);
    expect(r.rows.some((row) => Object.keys(row.tags).length > 0)).toBe(true);
  });
});
