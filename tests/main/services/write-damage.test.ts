/**
 * A write that carries rows naming a missing party (the undo of a repair, an edit moving such a
 * row) runs with foreign keys off: it may keep or put back what the workbook already named or what
 * the step took away, and nothing else — any other reference to a missing row rolls it back.
 */
import { describe, expect, it } from 'vitest';
import { write } from '@main/services/write';
import { insertAssignments } from '@main/store/repos/responsibility';
import { createTestWorkbook } from '@tests/helpers/workbook';
import { seedAssets } from '@tests/helpers/seed';

const change = { action: 'test.write', entity: 'workbook', entityId: null, summary: 'test', before: null, after: null };

describe('a write carrying rows that name a missing party', () => {
  it('puts back a row naming a party it may restore, and refuses one naming any other, writing nothing', () => {
    const { wb, ctx, close } = createTestWorkbook();
    try {
      const [assetId] = seedAssets(wb.db, [{ name: 'vm1' }]);
      const row = (partyId: number) => ({ assetId: assetId!, layerId: 'operating-system', partyId, role: 'R' as const });
      const entries = () => wb.db.prepare('SELECT count(*) FROM change_log').pluck().get() as number;
      const logged = entries();
      // Without the option, foreign keys refuse it as they always did.
      expect(() => write(wb, ctx, () => (insertAssignments(wb.db, [row(9999)]), { result: null, change, touched: {} }))).toThrow(/FOREIGN KEY/);
      write(wb, ctx, () => (insertAssignments(wb.db, [row(9999)]), { result: null, change, touched: {} }), { missingParties: [9999] });
      expect(wb.db.prepare('SELECT party_id FROM raci_assignments').pluck().all()).toEqual([9999]);
      expect(entries()).toBe(logged + 1);
      expect(() => write(wb, ctx, () => (insertAssignments(wb.db, [row(7777)]), { result: null, change, touched: {} }), { missingParties: [9999] })).toThrow(
        /This change would leave 1 reference\(s\) to a missing row \(first: raci_assignments row \d+ → parties \(party_id 7777\)\)\. Nothing was changed\./
      );
      expect(wb.db.prepare('SELECT party_id FROM raci_assignments').pluck().all()).toEqual([9999]);
      expect(entries()).toBe(logged + 1);
      // Foreign keys are on again after either.
      expect(wb.db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      close();
    }
  });
});
