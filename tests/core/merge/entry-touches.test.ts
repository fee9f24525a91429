/** What each kind of change-log entry touched, spelt by keys; unknown kinds touch everything. */
import { describe, expect, it } from 'vitest';
import { touchesOfEntry, type EntryForTouches, type SideLookups } from '@core/merge/entry-touches';

const lookups: SideLookups = {
  assetKey: (id) => ({ 1: 'k1', 2: 'k2' })[id] ?? null,
  partyName: (id) => ({ 7: 'bob', 8: 'carol' })[id] ?? null,
  importedFields: ['name', 'type'],
  workshopKey: (id) => ({ 3: '2026-12-01T09:00:00.000Z hq: Review' })[id] ?? null
};

const entry = (patch: Partial<EntryForTouches>): EntryForTouches => ({
  action: 'x',
  entity: 'asset',
  entityId: null,
  before: null,
  after: null,
  originTouches: null,
  ...patch
});

describe('touches of an entry', () => {
  it.each<[string, Partial<EntryForTouches>, string[]]>([
    ['a bulk edit: the fields it set on the assets it named', { action: 'assets.update', after: { count: 2, values: { ownerPartyId: 7 }, ids: [1, 2] } }, ['asset|k1|field|ownerPartyId', 'asset|k2|field|ownerPartyId']],
    ['RACI: the roles on the layer, before and after', { action: 'raci.set', entityId: '1', before: [{ assetId: 1, layerId: 'apps', partyId: 7, role: 'A' }], after: [{ assetId: 1, layerId: 'apps', partyId: 8, role: 'R' }] }, ['asset|k1|raci|apps|A', 'asset|k1|raci|apps|R']],
    ['an override', { action: 'overrides.set', entityId: '2', after: { assetId: 2, layerId: 'os', responsibility: 'shared' } }, ['asset|k2|override|os']],
    ['a cleared override', { action: 'overrides.clear', entityId: '2', before: { assetId: 2, layerId: 'os' }, after: null }, ['asset|k2|override|os']],
    ['a note', { action: 'notes.set', entityId: '1', after: { assetId: 1, layerId: 'apps', note: 'x' } }, ['asset|k1|note|apps']],
    ['a removed note', { action: 'notes.set', entityId: '2', before: { assetId: 2, layerId: 'os', note: 'x' }, after: null }, ['asset|k2|note|os']],
    ['an undo of a note', { action: 'history.undo', before: [{ op: 'putNote', row: { assetId: 1, layerId: 'os' } }], after: [{ op: 'deleteNote', assetId: 1, layerId: 'os' }] }, ['asset|k1|note|os']],
    ['an upgrade of the file: nothing (a change of format, not content)', { action: 'workbook.migrate', entity: 'workbook', after: { fromVersion: 2 } }, []],
    ['a party edit', { action: 'parties.leave', entity: 'party', entityId: '7', after: { id: 7, name: 'Bob' } }, ['party|bob', 'party|bob|*']],
    ['a reassign: owners and roles moved', { action: 'parties.reassign', entity: 'party', entityId: '7', before: { ownerOf: [1], assignments: [{ assetId: 2, layerId: 'apps', role: 'A' }] }, after: { ownerOf: [1], assignments: [] } }, ['asset|k1|field|ownerPartyId', 'asset|k2|raci|apps|A']],
    ['an import: the imported fields of every asset', { action: 'import.apply', entity: 'import', after: { ownersAssigned: 0 } }, ['asset|*|field|name', 'asset|*|field|type']],
    ['settings', { action: 'settings.update', entity: 'workbook' }, ['settings|*']],
    ['a model import', { action: 'models.import', entity: 'model', entityId: 'acme' }, ['model|acme']],
    ['an undo of operations', { action: 'history.undo', before: [{ op: 'putOverride', row: { assetId: 1, layerId: 'os' } }], after: [{ op: 'deleteOverride', assetId: 1, layerId: 'os' }] }, ['asset|k1|override|os']],
    ['an undo of a bulk edit: everything about its assets', { action: 'history.undo', before: { ids: [1] }, after: { groups: [{ ids: [2] }] } }, ['asset|k1|*', 'asset|k2|*']],
    ['a merge: the slots it decided', { action: 'workbook.merge', entity: 'workbook', after: { decided: ['asset|k1|field|name'] } }, ['asset|k1|field|name']],
    ['a copy', { action: 'workbook.copy', entity: 'workbook' }, []],
    ['an entry brought in by a merge: its own touches', { action: 'raci.set', originTouches: ['asset|k9|raci|apps|A'] }, ['asset|k9|raci|apps|A']],
    ['a mapping import: the controls it changed', { action: 'mapping.import', entity: 'mapping', after: { id: 'm', changed: { head: true, ccm: ['A&A-01'], nist: ['AC-2(1)'] } } }, ['settings|controlMapping', 'settings|controlMapping|ccm|A&A-01', 'settings|controlMapping|nist|AC-2(1)']],
    ['a mapping import logged before per-control merges: all of the mapping', { action: 'mapping.import', entity: 'mapping', after: { id: 'm' } }, ['settings|controlMapping', 'settings|controlMapping|*']],
    ['a saved set saved', { action: 'savedSets.save', entity: 'saved-set', entityId: '4', before: [{ op: 'deleteSavedSet', id: 4 }], after: [{ op: 'putSavedSet', row: { id: 4, name: 'Finance VMs' } }] }, ['savedSet|finance vms']],
    ['a saved set renamed: both names', { action: 'savedSets.rename', entity: 'saved-set', entityId: '4', before: { name: 'A' }, after: { name: 'B' } }, ['savedSet|a', 'savedSet|b']],
    ['a workshop paused: the workshop', { action: 'workshops.pause', entity: 'workshop', entityId: '3', after: { status: 'paused' } }, ['workshop|2026-12-01T09:00:00.000Z hq: Review']],
    ['a workshop RACI decision: the roles it set on the layer of its assets', { action: 'workshops.decide', after: { ids: [1, 2], workshopId: 3, layerId: 'apps', kind: 'raci', roles: ['A'] } }, ['asset|k1|raci|apps|A', 'asset|k2|raci|apps|A']],
    ['a workshop override decision, undone', { action: 'history.undo', before: { ids: [1], workshopId: 3, layerId: 'os', kind: 'override' }, after: { ids: [1], workshopId: 3, layerId: 'os', kind: 'override' } }, ['asset|k1|override|os']],
    ['a workshop decision deferred, and an action closed: records only', { action: 'workshops.decide', after: { ids: [1], workshopId: 3, layerId: 'os', kind: 'defer', actionId: 5 } }, []],
    ['an action closed: a record only', { action: 'workshops.closeAction', after: { ids: [1], actionId: 5, closedAt: '2026-12-02' } }, []],
    ['a kind it does not know: everything', { action: 'something.new' }, ['*']]
  ])('%s', (_name, patch, touches) => {
    expect(touchesOfEntry(entry(patch), lookups).sort()).toEqual(touches.sort());
  });
});
