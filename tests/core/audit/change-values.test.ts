/**
 * Before → after of a change in words, read from what its entry logged: a truth table over the
 * kinds of entry (a RACI cell, many cells at once and the undo, an override set and cleared, a
 * bulk owner edit and its undo per asset, a service model, settings, a sign-off).
 */
import { describe, expect, it } from 'vitest';
import { changeValues } from '@core/audit/change-values';
import type { DiffKind } from '@shared/audit-diff';
import type { ChangeLogEntry } from '@shared/domain';

const entry = (fields: Partial<ChangeLogEntry> & Pick<ChangeLogEntry, 'action' | 'entity'>): ChangeLogEntry => ({
  id: 1,
  at: '2026-04-05T09:00:00.000Z',
  actor: 'tester',
  entityId: null,
  summary: '',
  before: null,
  after: null,
  ...fields
});
const words = { partyName: (id: number) => ({ 1: 'Alice', 2: 'Bob', 3: 'Platform' })[id] ?? `party #${id}` };
const role = (assetId: number, role: string, partyId: number) => ({ assetId, layerId: 'os', role, partyId });
const override = { assetId: 7, layerId: 'os', responsibility: 'customer', justification: 'our own patching', by: 'x', at: 'y' };

const cases: [string, ChangeLogEntry, DiffKind, string | null, number | null, { before: string | null; after: string | null }][] = [
  [
    'a RACI cell: only the roles that changed',
    entry({ action: 'raci.set', entity: 'asset', entityId: '7', before: [role(7, 'R', 1), role(7, 'A', 2)], after: [role(7, 'R', 3), role(7, 'A', 2)] }),
    'raci', 'os', 7,
    { before: 'R: Alice', after: 'R: Platform' }
  ],
  [
    'a role back to its default',
    entry({ action: 'raci.set', entity: 'asset', entityId: '7', before: [role(7, 'C', 1), role(7, 'C', 2)], after: [] }),
    'raci', 'os', 7,
    { before: 'C: Alice, Bob', after: 'C: default' }
  ],
  [
    'many assets at once: this asset’s own roles',
    entry({
      action: 'raci.setMany',
      entity: 'asset',
      before: { count: 2, layerId: 'os', assignments: [role(8, 'A', 1)] },
      after: { count: 2, layerId: 'os', ids: [7, 8], assignments: [role(7, 'A', 2), role(8, 'A', 2)] }
    }),
    'raci', 'os', 8,
    { before: 'A: Alice', after: 'A: Bob' }
  ],
  [
    'an override set where the published one held',
    entry({ action: 'overrides.set', entity: 'asset', entityId: '7', before: [{ op: 'deleteOverride', assetId: 7, layerId: 'os' }], after: override }),
    'responsibility', 'os', 7,
    { before: 'published', after: 'customer (our own patching)' }
  ],
  [
    'an override cleared',
    entry({ action: 'overrides.clear', entity: 'asset', entityId: '7', before: override, after: null }),
    'responsibility', 'os', 7,
    { before: 'customer (our own patching)', after: 'published' }
  ],
  [
    'a bulk owner edit: each asset’s own previous owner',
    entry({
      action: 'assets.update',
      entity: 'asset',
      before: { count: 2, groups: [{ values: { ownerPartyId: 1 }, ids: [7] }, { values: { ownerPartyId: null }, ids: [8] }] },
      after: { count: 2, values: { ownerPartyId: 2 }, ids: [7, 8] }
    }),
    'owner', null, 8,
    { before: 'none', after: 'Bob' }
  ],
  [
    'its undo',
    entry({
      action: 'history.undo',
      entity: 'asset',
      before: { count: 2, values: { ownerPartyId: 2 }, ids: [7, 8] },
      after: { count: 2, groups: [{ values: { ownerPartyId: 1 }, ids: [7] }, { values: { ownerPartyId: null }, ids: [8] }] }
    }),
    'owner', null, 7,
    { before: 'Bob', after: 'Alice' }
  ],
  [
    'a service model',
    entry({ action: 'assets.update', entity: 'asset', entityId: '7', before: { count: 1, groups: [{ values: { serviceModel: 'iaas' }, ids: [7] }] }, after: { count: 1, values: { serviceModel: 'paas' }, ids: [7] } }),
    'serviceModel', null, 7,
    { before: 'iaas', after: 'paas' }
  ],
  [
    'settings: the keys that changed',
    entry({ action: 'settings.update', entity: 'workbook', before: { reviewPeriodDays: 180, organisation: 'Acme' }, after: { reviewPeriodDays: 90, organisation: 'Acme' } }),
    'settings', null, null,
    { before: 'reviewPeriodDays: 180', after: 'reviewPeriodDays: 90' }
  ],
  [
    'a party added (nothing before)',
    entry({ action: 'parties.add', entity: 'party', entityId: '4', before: null, after: { name: 'Dave', kind: 'person' } }),
    'party', null, null,
    { before: null, after: 'name: "Dave"; kind: "person"' }
  ],
  [
    'a sign-off (its summary says it)',
    entry({ action: 'signOffs.add', entity: 'sign-off', entityId: '1', after: { scope: { kind: 'asset', assetId: 7 } } }),
    'signOff', null, 7,
    { before: null, after: null }
  ]
];

describe('changeValues', () => {
  it.each(cases)('%s', (_name, logged, kind, layerId, assetId, expected) => {
    expect(changeValues(logged, kind, layerId, assetId, words)).toEqual(expected);
  });
});
