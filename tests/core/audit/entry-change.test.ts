/**
 * The one reading of what a change-log entry changed (core/audit/entry-change.ts): each shape an
 * entry logs, read as its way back; what it cannot read back named as a gap.
 */
import { describe, expect, it } from 'vitest';
import { assetIdsOf, entryChange, isAssetRowOp, type LoggedEntry } from '@core/audit/entry-change';

const entry = (over: Partial<LoggedEntry>): LoggedEntry => ({ action: 'x.y', entity: 'asset', entityId: '7', summary: 'an edit', before: null, after: null, ...over });
const role = (partyId: number, r = 'R') => ({ assetId: 7, layerId: 'applications', role: r, partyId });
const override = { assetId: 7, layerId: 'applications', responsibility: 'shared', justification: 'own', by: 'a', at: 't' };
const note = { assetId: 7, layerId: 'applications', note: 'checked', by: 'a', at: 't' };
const party = { id: 3, name: 'Alice', kind: 'person', active: true, leftAt: null };

describe('what an entry changed, read back', () => {
  it('reads each shape an entry logs as its way back', () => {
    expect(entryChange(entry({ action: 'raci.set', before: [role(1)], after: [role(2)] })).back).toEqual([
      { op: 'deleteAssignments', rows: [role(2)] },
      { op: 'putAssignments', rows: [role(1)] }
    ]);
    expect(entryChange(entry({ action: 'overrides.clear', before: override, after: null })).back).toEqual([
      { op: 'deleteOverride', assetId: 7, layerId: 'applications' },
      { op: 'putOverride', row: override }
    ]);
    expect(entryChange(entry({ action: 'notes.set', before: null, after: note })).back).toEqual([{ op: 'deleteNote', assetId: 7, layerId: 'applications' }]);
    expect(entryChange(entry({ action: 'assets.update', entityId: null, before: { groups: [{ values: { ownerPartyId: 3 }, ids: [7, 8] }] }, after: { values: { ownerPartyId: 4 }, ids: [7, 8] } })).back).toContainEqual({
      op: 'patchAssets',
      ids: [7, 8],
      patch: { ownerPartyId: 3 }
    });
    expect(entryChange(entry({ action: 'parties.update', entity: 'party', entityId: '3', before: party, after: { ...party, name: 'Alice M' } })).back).toEqual([{ op: 'putParty', party }]);
    expect(entryChange(entry({ action: 'parties.add', entity: 'party', entityId: '3', before: null, after: party })).back).toEqual([{ op: 'deleteParty', id: 3 }]);
    expect(entryChange(entry({ action: 'parties.reassign', entity: 'party', before: { owner: 3, ownerOf: [7], assignments: [role(3)] }, after: { owner: 4, assignments: [role(4)] } })).back).toEqual([
      { op: 'deleteAssignments', rows: [role(4)] },
      { op: 'putAssignments', rows: [role(3)] },
      { op: 'patchAssets', ids: [7], patch: { ownerPartyId: 3 } }
    ]);
  });

  it('reads an edit that logged its way back as operations: a list, or `{ ops }` beside what it names', () => {
    const ops = [{ op: 'putNote', row: note }, { op: 'deleteDecision', id: 2 }];
    const back = [{ op: 'putNote', row: note }, { op: 'record', logged: { op: 'deleteDecision', id: 2 } }];
    expect(entryChange(entry({ before: ops, after: [] })).back).toEqual(back);
    expect(entryChange(entry({ action: 'roundtrip.apply', before: { file: 'a.xlsx', ids: [7], ops }, after: {} })).back).toEqual(back);
    expect(entryChange(entry({ before: [], after: ops }))).toEqual({ back: [] });
  });

  it('names what the log does not hold the previous value of', () => {
    expect(entryChange(entry({ action: 'import.apply', entity: 'workbook', before: null, after: { counts: { added: 2, updated: 1, notSeen: 0 } } })).gap).toContain('1 asset(s) it updated');
    expect(entryChange(entry({ action: 'import.apply', entity: 'workbook', before: null, after: { counts: { added: 2, updated: 0, notSeen: 0 } } })).gap).toBeUndefined();
    expect(entryChange(entry({ before: [{ op: 'meta', key: 'k' }], after: [] })).gap).toBe('it changed settings it did not log as values');
    // A settings key logged with its value before is the way back, kept as logged (no gap).
    expect(entryChange(entry({ before: [{ op: 'meta', key: 'k', value: 'v' }], after: [] }))).toEqual({ back: [{ op: 'record', logged: { op: 'meta', key: 'k', value: 'v' } }] });
    expect(entryChange(entry({ before: [{ op: 'patchAssets', ids: [7], patch: { modelId: 'm' } }], after: [] })).gap).toContain('change of model');
    expect(entryChange(entry({ before: [{ op: 'putOverride', row: { layerId: 'x' } }], after: [] })).gap).toBe('an operation it logged cannot be read');
    expect(entryChange(entry({ action: 'workshops.decide', entityId: null, before: { ids: [7], text: 'R: Alice' }, after: { ids: [7], text: 'R: Bob' } })).gap).toBe(
      'Demarc cannot undo a "workshops.decide" entry from what it logged (an edit)'
    );
  });

  it('names the assets each operation reaches, the way back’s and an edit’s alike; other operations reach none', () => {
    const back = entryChange(entry({ action: 'raci.set', before: [role(1)], after: [{ ...role(2), assetId: 9 }] })).back;
    expect(back.filter(isAssetRowOp).map(assetIdsOf)).toEqual([[9], [7]]);
    const ops = [
      { op: 'patchAssets', ids: [4, 5], patch: {} },
      { op: 'putOverride', row: override },
      { op: 'deleteOverride', assetId: 8, layerId: 'applications' },
      { op: 'putNote', row: { ...note, assetId: 6 } },
      { op: 'deleteNote', assetId: 3, layerId: 'applications' },
      { op: 'deleteAssignments', rows: [role(1), { ...role(2), assetId: 2 }] },
      { op: 'putAction', row: { assetIds: [10, 11] } },
      { op: 'deleteAction', row: { assetIds: [12] } },
      { op: 'putParty', party },
      { op: 'meta', key: 'organisation', value: 'Acme' },
      { op: 'record', logged: { op: 'putDecision' } }
    ] as const;
    expect(ops.filter(isAssetRowOp).map(assetIdsOf)).toEqual([[4, 5], [7], [8], [6], [3], [7, 2], [10, 11], [12]]);
  });
});
