import { describe, expect, it } from 'vitest';
import { assetDetail } from '@main/engine/asset-detail';
import { historyState, redo, undo } from '@main/services/history';
import { setNote } from '@main/services/notes';
import { workbookReport } from '@main/services/report';
import { wholeReport } from '@tests/helpers/whole-report';
import { DemarcError } from '@shared/errors';
import { seedAssets, seedParties } from '@tests/helpers/seed';
import { createTestWorkbook } from '@tests/helpers/workbook';

function setup() {
  const t = createTestWorkbook();
  const [alice] = seedParties(t.wb.db, [{ name: 'Alice', kind: 'person' }]);
  const [vm] = seedAssets(t.wb.db, [{ name: 'vm-1', serviceModel: 'iaas', ownerPartyId: alice! }]);
  return { ...t, vm: vm! };
}
const changes = (t: ReturnType<typeof setup>) => (t.wb.db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;

describe('notes.set: a note per asset × layer', () => {
  it('writes, replaces and removes a note, each an undoable step with a change-log entry', () => {
    const t = setup();
    const layerId = assetDetail(t.wb, t.ctx, t.vm).layers[0]!.layerId;
    const before = changes(t);
    const detail = setNote(t.wb, t.ctx, { assetId: t.vm, layerId, note: '  Patching owned by the MSP until March  ' });
    expect(detail.layers[0]!.note).toMatchObject({ text: 'Patching owned by the MSP until March', by: 'tester' });
    expect(wholeReport(workbookReport(t.wb, t.ctx)).assets[0]!.layers[0]!.note).toBe('Patching owned by the MSP until March');
    expect(changes(t)).toBe(before + 1);

    // The same text again writes nothing.
    setNote(t.wb, t.ctx, { assetId: t.vm, layerId, note: 'Patching owned by the MSP until March' });
    expect(changes(t)).toBe(before + 1);

    setNote(t.wb, t.ctx, { assetId: t.vm, layerId, note: 'Second thought' });
    setNote(t.wb, t.ctx, { assetId: t.vm, layerId, note: '' });
    expect(assetDetail(t.wb, t.ctx, t.vm).layers[0]!.note).toBeNull();
    expect(t.wb.db.prepare('SELECT count(*) AS n FROM layer_notes').get()).toEqual({ n: 0 });

    undo(t.wb, t.ctx);
    expect(assetDetail(t.wb, t.ctx, t.vm).layers[0]!.note?.text).toBe('Second thought');
    undo(t.wb, t.ctx);
    expect(assetDetail(t.wb, t.ctx, t.vm).layers[0]!.note?.text).toBe('Patching owned by the MSP until March');
    redo(t.wb, t.ctx);
    expect(historyState(t.wb).undoLabel).toMatch(/^Undo: Note on ".+" of vm-1: Second thought$/);
    // The engine's in-place edit agrees with a fresh load.
    t.wb.engine.drop();
    expect(assetDetail(t.wb, t.ctx, t.vm).layers[0]!.note?.text).toBe('Second thought');
    t.close();
  });

  it('refuses a layer the asset’s model does not have, writing nothing', () => {
    const t = setup();
    const before = changes(t);
    expect(() => setNote(t.wb, t.ctx, { assetId: t.vm, layerId: 'no-such-layer', note: 'x' })).toThrow(DemarcError);
    expect(() => setNote(t.wb, t.ctx, { assetId: t.vm, layerId: 'no-such-layer', note: 'x' })).toThrow(/has no layer "no-such-layer"/);
    expect(changes(t)).toBe(before);
    t.close();
  });
});
