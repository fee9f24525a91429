/**
 * The report read a page at a time is the report built whole: on a workbook seeded from a real
 * `az resource list` (with overrides, RACI, leavers and formula-looking names), the streamed JSON
 * is byte for byte `JSON.stringify(report, null, 2)` of the frozen whole-workbook reference
 * (tests/helpers/reference-report.ts), whatever the page size; a write between two pages stops
 * the pass.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addParty } from '@main/services/parties';
import { assetDetail } from '@main/engine/asset-detail';
import { setNote } from '@main/services/notes';
import { addSignOff } from '@main/services/sign-offs';
import { listAssets } from '@main/store/repos/assets';
import { workbookReport, writeReportJson } from '@main/services/report';
import { workbookName } from '@main/services/workbook-service';
import { lastChangeAt } from '@main/store/repos/change-log';
import type { OpenWorkbook, ServiceContext } from '@main/services/context';
import { seedExportWorkbook } from '@tests/helpers/export-seed';
import { referenceReport } from '@tests/helpers/reference-report';
import { createTestWorkbook } from '@tests/helpers/workbook';

async function streamed(wb: OpenWorkbook, ctx: ServiceContext, pageSize?: number): Promise<{ text: string; writes: number }> {
  let text = '';
  let writes = 0;
  await writeReportJson(workbookReport(wb, ctx, pageSize), (chunk) => {
    text += chunk;
    writes += 1;
    return Promise.resolve();
  });
  return { text, writes };
}

describe('the streamed report', () => {
  let t: ReturnType<typeof createTestWorkbook>;
  beforeEach(async () => {
    t = createTestWorkbook({ organisation: 'Northwind Traders' });
    await seedExportWorkbook(t.wb, t.ctx);
  });
  afterEach(() => t.close());

  it('is byte for byte the whole report of the reference, at any page size', async () => {
    const { wb, ctx } = t;
    const whole = referenceReport({
      ...wb.engine.state(ctx).input,
      workbookName: workbookName(wb.path),
      formatVersion: wb.formatVersion,
      lastChangeAt: lastChangeAt(wb.db)
    });
    expect(whole.assets.length).toBeGreaterThanOrEqual(20);
    expect(whole.findings.length).toBeGreaterThan(0);
    const expected = `${JSON.stringify(whole, null, 2)}\n`;
    for (const pageSize of [1, 7, undefined]) {
      expect((await streamed(wb, ctx, pageSize)).text, `page size ${pageSize ?? 'default'}`).toBe(expected);
    }
  });

  it('carries layer notes and sign-off findings page by page as the whole report does', async () => {
    const { wb, ctx } = t;
    const [first, second, third] = listAssets(wb.db, { offset: 0, limit: 3 });
    setNote(wb, ctx, { assetId: first!.id, layerId: assetDetail(wb, ctx, first!.id).layers[0]!.layerId, note: 'Patched by the MSP until March' });
    setNote(wb, ctx, { assetId: third!.id, layerId: assetDetail(wb, ctx, third!.id).layers[1]!.layerId, note: 'See ticket 1234' });
    const signer = addParty(wb, ctx, { name: 'Signing Officer', kind: 'person' });
    addSignOff(wb, ctx, { scope: { kind: 'asset', assetId: second!.id }, partyId: signer.id, statement: 'Reviewed', signedOn: '2026-11-30' });
    setNote(wb, ctx, { assetId: second!.id, layerId: assetDetail(wb, ctx, second!.id).layers[0]!.layerId, note: 'After the sign-off' });
    const whole = referenceReport({
      ...wb.engine.state(ctx).input,
      workbookName: workbookName(wb.path),
      formatVersion: wb.formatVersion,
      lastChangeAt: lastChangeAt(wb.db)
    });
    expect(whole.assets.flatMap((a) => a.layers).filter((l) => l.note !== null)).toHaveLength(3);
    expect(whole.findings.some((f) => f.code === 'NOT_SIGNED_OFF')).toBe(true);
    const expected = `${JSON.stringify(whole, null, 2)}\n`;
    for (const pageSize of [1, 2, undefined]) {
      expect((await streamed(wb, ctx, pageSize)).text, `page size ${pageSize ?? 'default'}`).toBe(expected);
    }
  });

  it("carries issue 20's per-asset fields page by page as the whole report does", async () => {
    const { wb, ctx } = t;
    const [first, second, third] = listAssets(wb.db, { offset: 0, limit: 3 });
    // As an import leaves them: other columns, not seen in the last import, the classifier's reason; one chosen by hand.
    const update = wb.db.prepare(
      'UPDATE assets SET extra = @extra, not_seen_in_last_import = @notSeen, classification_reason = @reason, classification_confidence = @confidence, service_model_source = COALESCE(@source, service_model_source) WHERE id = @id'
    );
    update.run({ id: first!.id, extra: JSON.stringify({ Address: '123 Main St', 'Cost centre': 'CC-9' }), notSeen: 1, reason: 'Type microsoft.compute/virtualmachines is IaaS', confidence: 'high', source: null });
    update.run({ id: second!.id, extra: '{}', notSeen: 0, reason: 'No rule matched the type', confidence: 'none', source: 'manual' });
    update.run({ id: third!.id, extra: JSON.stringify({ Note: '=1+1' }), notSeen: 1, reason: null, confidence: null, source: null });
    wb.engine.drop();
    const whole = referenceReport({
      ...wb.engine.state(ctx).input,
      workbookName: workbookName(wb.path),
      formatVersion: wb.formatVersion,
      lastChangeAt: lastChangeAt(wb.db)
    });
    expect(whole.assets.filter((a) => a.notSeenInLastImport).map((a) => a.id)).toEqual([first!.id, third!.id]);
    expect(whole.assets[0]!.extra).toEqual({ Address: '123 Main St', 'Cost centre': 'CC-9' });
    expect(whole.assets[1]).toMatchObject({ serviceModelSource: 'manual', classificationReason: 'No rule matched the type', classificationConfidence: 'none' });
    const expected = `${JSON.stringify(whole, null, 2)}\n`;
    for (const pageSize of [1, 2, undefined]) {
      expect((await streamed(wb, ctx, pageSize)).text, `page size ${pageSize ?? 'default'}`).toBe(expected);
    }
  });

  it('writes an empty workbook as the whole report would', async () => {
    const empty = createTestWorkbook();
    try {
      const { wb, ctx } = empty;
      const whole = referenceReport({ ...wb.engine.state(ctx).input, workbookName: workbookName(wb.path), formatVersion: wb.formatVersion, lastChangeAt: lastChangeAt(wb.db) });
      expect((await streamed(wb, ctx)).text).toBe(`${JSON.stringify(whole, null, 2)}\n`);
    } finally {
      empty.close();
    }
  });

  it('stops with CANCELLED when the workbook is written to between two pages', () => {
    const { wb, ctx } = t;
    const pages = workbookReport(wb, ctx, 5).assetPages()[Symbol.iterator]();
    expect(pages.next().done).toBe(false);
    addParty(wb, ctx, { name: 'Written meanwhile', kind: 'person' });
    expect(() => pages.next()).toThrow(expect.objectContaining({ code: 'CANCELLED' }));
  });
});
