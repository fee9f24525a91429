/**
 * What each kind of change-log entry did, read from its action, entity and logged before/after —
 * including undo and redo, which log the rows or the edit operations they replay.
 */
import { describe, expect, it } from 'vitest';
import { diffChanges, entryEffects } from '@core/audit/change-diff';
import type { ChangeLogEntry } from '@shared/domain';

const entry = (
  fields: Partial<ChangeLogEntry> & Pick<ChangeLogEntry, 'action' | 'entity'>
): ChangeLogEntry => ({
  id: 1,
  at: '2026-04-05T09:00:00.000Z',
  actor: 'tester',
  entityId: null,
  summary: '',
  before: null,
  after: null,
  ...fields
});
const override = {
  assetId: 7,
  layerId: 'network-controls',
  responsibility: 'customer',
  justification: 'j',
  by: 'x',
  at: 'y'
};
const assignment = { assetId: 7, layerId: 'operating-system', partyId: 3, role: 'R' };

describe('entryEffects', () => {
  const cases: [string, ChangeLogEntry, ReturnType<typeof entryEffects>][] = [
    [
      'a RACI cell',
      entry({ action: 'raci.set', entity: 'asset', entityId: '7', before: [], after: [assignment] }),
      [{ assetIds: [7], kind: 'raci', layerId: 'operating-system' }]
    ],
    [
      'a new override (its before: the delete that undoes it)',
      entry({
        action: 'overrides.set',
        entity: 'asset',
        entityId: '7',
        before: [{ op: 'deleteOverride', assetId: 7, layerId: 'network-controls' }],
        after: override
      }),
      [{ assetIds: [7], kind: 'responsibility', layerId: 'network-controls' }]
    ],
    [
      'an override cleared',
      entry({ action: 'overrides.clear', entity: 'asset', entityId: '7', before: override, after: null }),
      [{ assetIds: [7], kind: 'responsibility', layerId: 'network-controls' }]
    ],
    [
      'the undo of a new override',
      entry({
        action: 'history.undo',
        entity: 'asset',
        entityId: '7',
        before: override,
        after: [{ op: 'deleteOverride', assetId: 7, layerId: 'network-controls' }]
      }),
      [{ assetIds: [7], kind: 'responsibility', layerId: 'network-controls' }]
    ],
    [
      'the redo of a RACI cell (edit operations)',
      entry({
        action: 'history.redo',
        entity: 'asset',
        entityId: '7',
        before: [],
        after: [
          { op: 'deleteAssignments', rows: [] },
          { op: 'putAssignments', rows: [assignment] }
        ]
      }),
      [{ assetIds: [7], kind: 'raci', layerId: 'operating-system' }]
    ],
    [
      'a RACI cell set on many assets (raci.setMany lists them in ids)',
      entry({
        action: 'raci.setMany',
        entity: 'asset',
        before: { count: 2, layerId: 'operating-system', assignments: [] },
        after: { count: 2, layerId: 'operating-system', ids: [7, 8], assignments: [assignment, { ...assignment, assetId: 8 }] }
      }),
      [{ assetIds: [7, 8], kind: 'raci', layerId: 'operating-system' }]
    ],
    [
      'a RACI cell set on assets of several models (a layer per model): one effect per layer, naming its assets',
      entry({
        action: 'raci.setMany',
        entity: 'asset',
        before: { count: 2, layers: { 'microsoft-2026-01': 'operating-system', 'google-cloud-2023-08': 'operating-system-and-runtime' }, assignments: [] },
        after: {
          count: 2,
          layers: { 'microsoft-2026-01': 'operating-system', 'google-cloud-2023-08': 'operating-system-and-runtime' },
          ids: [7, 8],
          assignments: [assignment, { ...assignment, assetId: 8, layerId: 'operating-system-and-runtime' }]
        }
      }),
      [
        { assetIds: [7], kind: 'raci', layerId: 'operating-system' },
        { assetIds: [8], kind: 'raci', layerId: 'operating-system-and-runtime' }
      ]
    ],
    [
      'its undo (the ids on the before side, nothing left to assign)',
      entry({
        action: 'history.undo',
        entity: 'asset',
        before: { count: 2, layerId: 'operating-system', ids: [7, 8], assignments: [assignment] },
        after: { count: 2, layerId: 'operating-system', assignments: [] }
      }),
      [{ assetIds: [7, 8], kind: 'raci', layerId: 'operating-system' }]
    ],
    [
      'a bulk edit of owner and service model',
      entry({
        action: 'assets.update',
        entity: 'asset',
        after: {
          count: 2,
          values: { ownerPartyId: 3, serviceModel: 'container', serviceModelSource: 'manual' },
          ids: [7, 8]
        }
      }),
      [
        { assetIds: [7, 8], kind: 'owner', layerId: null },
        { assetIds: [7, 8], kind: 'serviceModel', layerId: null }
      ]
    ],
    [
      'the undo of a bulk edit (the groups it restores)',
      entry({
        action: 'history.undo',
        entity: 'asset',
        after: {
          count: 2,
          groups: [
            { values: { ownerPartyId: 1 }, ids: [7] },
            { values: { ownerPartyId: null }, ids: [8] }
          ]
        }
      }),
      [
        { assetIds: [7], kind: 'owner', layerId: null },
        { assetIds: [8], kind: 'owner', layerId: null }
      ]
    ],
    [
      'a one-layer sign-off',
      entry({
        action: 'signOffs.add',
        entity: 'sign-off',
        entityId: '1',
        after: { scope: { kind: 'layer', assetId: 7, layerId: 'applications' } }
      }),
      [{ assetIds: [7], kind: 'signOff', layerId: 'applications' }]
    ],
    [
      'a workbook sign-off',
      entry({
        action: 'signOffs.add',
        entity: 'sign-off',
        entityId: '2',
        after: { scope: { kind: 'workbook' } }
      }),
      [{ assetIds: null, kind: 'signOff', layerId: null }]
    ],
    [
      'an import',
      entry({ action: 'import.apply', entity: 'import', after: { counts: { notSeen: 2 } } }),
      [{ assetIds: null, kind: 'import', layerId: null }]
    ],
    [
      'the undo of a party edit',
      entry({ action: 'history.undo', entity: 'party', entityId: '3' }),
      [{ assetIds: null, kind: 'party', layerId: null }]
    ],
    [
      'a settings change',
      entry({ action: 'settings.update', entity: 'workbook' }),
      [{ assetIds: null, kind: 'settings', layerId: null }]
    ],
    [
      'the workbook created',
      entry({ action: 'workbook.create', entity: 'workbook' }),
      [{ assetIds: null, kind: 'workbook', layerId: null }]
    ]
  ];
  it.each(cases)('%s', (_name, logged, effects) => {
    expect(entryEffects(logged)).toEqual(effects);
  });
});

describe('diffChanges', () => {
  it('lists an asset the window names that is no longer in the workbook as removed, by its id', () => {
    const report = diffChanges({
      from: '2026-04-01T00:00:00.000Z',
      to: '2026-07-01T00:00:00.000Z',
      entries: [
        entry({ id: 5, action: 'raci.set', entity: 'asset', entityId: '7', before: [], after: [assignment] }),
        entry({ id: 6, action: 'raci.set', entity: 'asset', entityId: '9', before: [], after: [{ ...assignment, assetId: 9 }] })
      ],
      chain: { whole: true, message: null },
      baseline: null,
      assetName: (id) => (id === 7 ? 'vm-7' : null),
      partyName: (id) => `P${id}`,
      layerOf: (_assetId, layerId) => ({ title: layerId, index: 0 }),
      added: []
    });
    expect(report.assets.map((a) => a.name)).toEqual(['asset #9', 'vm-7']);
    expect(report.removed).toEqual([{ assetId: 9, name: 'asset #9' }]);
    expect(report.assets[1]!.changes[0]).toMatchObject({ before: 'R: default', after: 'R: P3' });
  });
});
