/**
 * The round trip through its services on a real workbook: export → edit the xlsx with exceljs →
 * review → apply as one undoable step; the result equals the same edits made by hand.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assetDetail } from '@main/engine/asset-detail';
import { updateAssets } from '@main/services/asset-update';
import { exportWorkbook } from '@main/services/export-service';
import { historyState, undo } from '@main/services/history';
import { setNote } from '@main/services/notes';
import { setOverride } from '@main/services/overrides';
import { setRaci } from '@main/services/raci-assign';
import { workbookReport } from '@main/services/report';
import { wholeReport } from '@tests/helpers/whole-report';
import { applyRoundTrip, previewRoundTrip } from '@main/services/roundtrip';
import { closeWorkbook, openWorkbook } from '@main/services/workbook-service';
import type { OpenWorkbook, ServiceContext } from '@main/services/context';
import type { Report } from '@shared/report';
import { editExport, type CellEdit } from '@tests/helpers/roundtrip-edit';
import { seedAssets, seedParties } from '@tests/helpers/seed';
import { tempDir } from '@tests/helpers/temp';
import { createTestWorkbook, testServiceContext } from '@tests/helpers/workbook';

function seeded() {
  const t = createTestWorkbook({ organisation: 'Northwind' });
  const [alice, bob] = seedParties(t.wb.db, [
    { name: 'Alice Martin', kind: 'person' },
    { name: 'Bob Chen', kind: 'person' },
    { name: 'Zoë Ops', kind: 'team' }
  ]);
  const ids = seedAssets(t.wb.db, [
    { name: 'vm-1', serviceModel: 'iaas', ownerPartyId: alice! },
    { name: 'vm-2', serviceModel: 'iaas', ownerPartyId: alice! },
    { name: 'web-1', serviceModel: 'paas', ownerPartyId: bob! }
  ]);
  return { ...t, alice: alice!, bob: bob!, ids };
}

const layerOf = (wb: OpenWorkbook, ctx: ServiceContext, assetId: number, index: number) => assetDetail(wb, ctx, assetId).layers[index]!;
const changeCount = (wb: OpenWorkbook) => (wb.db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
const withoutName = (r: Report) => ({ ...r, workbook: { ...r.workbook, name: '' } });

describe('round trip through the services', () => {
  it('reviews exactly the edits made in Excel, applies them as one step, and equals the same edits by hand', async () => {
    const t = seeded();
    const dir = tempDir();
    const exported = join(dir, 'raci.xlsx');
    await exportWorkbook(t.wb, t.ctx, { format: 'xlsx', path: exported, exportedAt: 'last-change' });
    // A twin of the workbook, to make the same edits by hand.
    closeWorkbook(t.wb);
    const twinPath = join(dir, 'twin.demarc');
    copyFileSync(t.path, twinPath);
    const ctx = testServiceContext();
    const wb = openWorkbook(ctx, t.path);
    const twinCtx = testServiceContext();
    const twin = openWorkbook(twinCtx, twinPath);

    const customerLayer = layerOf(wb, ctx, t.ids[0]!, 0);
    const second = layerOf(wb, ctx, t.ids[0]!, 1);
    const edits: CellEdit[] = [
      { sheet: 'RACI', assetId: t.ids[0]!, layer: customerLayer.title, header: 'A', value: 'bob chen' },
      { sheet: 'RACI', assetId: t.ids[0]!, layer: second.title, header: 'Comments', value: 'Patched by the MSP until March' },
      { sheet: 'RACI', assetId: t.ids[1]!, layer: customerLayer.title, header: 'Responsibility', value: 'shared' },
      { sheet: 'RACI', assetId: t.ids[1]!, layer: customerLayer.title, header: 'Justification', value: 'Backups run by the provider under contract 12' },
      { sheet: 'Matrix', assetId: t.ids[2]!, header: 'Owner', value: 'Alice Martin' },
      { sheet: 'RACI', assetId: t.ids[2]!, layer: layerOf(wb, ctx, t.ids[2]!, 0).title, header: 'C', value: 'Zoe ops; Alice Martin' }
    ];
    const edited = join(dir, 'raci-edited.xlsx');
    const cells = await editExport(exported, edited, edits);

    const preview = await previewRoundTrip(wb, ctx, { path: edited, anyWorkbook: false, createParties: false });
    expect(preview.errors).toEqual([]);
    expect(preview.revisionMoved).toBe(false);
    const changes = preview.groups.flatMap((g) => g.changes);
    expect(changes.map((c) => [c.cell, c.field, c.after])).toEqual([
      [cells[0], 'A', 'Bob Chen'],
      [cells[1], 'note', 'Patched by the MSP until March'],
      [cells[2], 'responsibility', 'shared'],
      [cells[3], 'justification', 'Backups run by the provider under contract 12'],
      [cells[4], 'owner', 'Alice Martin'],
      [cells[5], 'C', 'Alice Martin; Zoë Ops']
    ]);
    expect(changes[0]!.before).toBe('Alice Martin');
    expect(preview.counts).toMatchObject({ changes: 6, assets: 3, conflicts: 0, apart: 0, errors: 0 });
    expect(preview.counts.rows).toBe(wholeReport(workbookReport(wb, ctx)).assets.reduce((n, a) => n + a.layers.length, 0));

    const before = changeCount(wb);
    const result = applyRoundTrip(wb, ctx, { token: preview.token, reject: [], resolve: {} });
    expect(result.applied).toBe(6);
    expect(changeCount(wb)).toBe(before + 1);
    const entry = wb.db.prepare('SELECT action, summary FROM change_log ORDER BY id DESC LIMIT 1').get() as { action: string; summary: string };
    expect(entry.action).toBe('roundtrip.apply');
    expect(entry.summary).toContain('raci-edited.xlsx');
    expect(entry.summary).toContain(preview.fileSha256);
    expect(entry.summary).toContain('6 changes');

    // The same edits by hand, through the services the CLI calls.
    setRaci(twin, twinCtx, { assetId: t.ids[0]!, layerId: customerLayer.layerId, roles: { A: [t.bob] } });
    setNote(twin, twinCtx, { assetId: t.ids[0]!, layerId: second.layerId, note: 'Patched by the MSP until March' });
    setOverride(twin, twinCtx, { assetId: t.ids[1]!, layerId: customerLayer.layerId, responsibility: 'shared', justification: 'Backups run by the provider under contract 12' });
    const zoe = (twin.db.prepare("SELECT id FROM parties WHERE name = 'Zoë Ops'").get() as { id: number }).id;
    setRaci(twin, twinCtx, { assetId: t.ids[2]!, layerId: layerOf(twin, twinCtx, t.ids[2]!, 0).layerId, roles: { C: [t.alice, zoe] } });
    updateAssets(twin, twinCtx, { filter: { ids: [t.ids[2]!] }, set: { ownerPartyId: t.alice } });
    const byHand = withoutName(wholeReport(workbookReport(twin, twinCtx)));
    const roundTrip = withoutName(wholeReport(workbookReport(wb, ctx)));
    expect({ ...roundTrip, workbook: { ...roundTrip.workbook, lastChangeAt: null } }).toEqual({ ...byHand, workbook: { ...byHand.workbook, lastChangeAt: null } });

    // One undo step takes the whole apply back.
    expect(historyState(wb).undoLabel).toContain('raci-edited.xlsx');
    undo(wb, ctx);
    expect(layerOf(wb, ctx, t.ids[0]!, 0).names.A).toEqual(['Alice Martin']);
    expect(layerOf(wb, ctx, t.ids[0]!, 1).note).toBeNull();
    closeWorkbook(wb);
    closeWorkbook(twin);
  });

  it('names bad cells, suggests party names, and leaves the workbook byte-identical when refused', async () => {
    const t = seeded();
    const dir = tempDir();
    const exported = join(dir, 'raci.xlsx');
    await exportWorkbook(t.wb, t.ctx, { format: 'xlsx', path: exported, exportedAt: 'last-change' });
    const layer = layerOf(t.wb, t.ctx, t.ids[0]!, 0);
    const edited = join(dir, 'bad.xlsx');
    const cells = await editExport(exported, edited, [
      { sheet: 'RACI', assetId: t.ids[0]!, layer: layer.title, header: 'R', value: 'Alise Martin' },
      { sheet: 'RACI', assetId: t.ids[1]!, layer: layer.title, header: 'R', value: 42 },
      { sheet: 'RACI', assetId: t.ids[2]!, layer: layerOf(t.wb, t.ctx, t.ids[2]!, 0).title, header: 'C', value: { formula: 'B2&"x"', result: 'Bob Chen' } },
      { sheet: 'RACI', assetId: t.ids[1]!, layer: layer.title, header: 'Responsibility', value: 'maybe' }
    ]);
    const preview = await previewRoundTrip(t.wb, t.ctx, { path: edited, anyWorkbook: false, createParties: false });
    expect(preview.canApply).toBe(false);
    expect(preview.errors.map((e) => e.message)).toEqual([
      `${cells[0]}: 'Alise Martin' is not a party — did you mean Alice Martin?`,
      `${cells[3]}: "maybe" is not a responsibility (one of provider, customer, shared, unknown).`,
      `${cells[1]}: holds a number (42) where text belongs.`,
      `${cells[2]}: holds a formula (=B2&"x"); Demarc reads values only: type the value instead (the formula showed "Bob Chen").`
    ]);

    // A rule broken on the result: two Accountables on a layer.
    const twoA = join(dir, 'two-a.xlsx');
    const [aCell] = await editExport(exported, twoA, [{ sheet: 'RACI', assetId: t.ids[0]!, layer: layer.title, header: 'A', value: 'Alice Martin, Bob Chen' }]);
    const review = await previewRoundTrip(t.wb, t.ctx, { path: twoA, anyWorkbook: false, createParties: false });
    expect(review.canApply).toBe(true);
    const bytes = readFileSync(t.path);
    expect(() => applyRoundTrip(t.wb, t.ctx, { token: review.token, reject: [], resolve: {} })).toThrow(
      new RegExp(`${aCell!.replace(/[!]/g, '\\!')}: "${layer.title}" needs exactly one Accountable; 2 are named \\(Alice Martin, Bob Chen\\)`)
    );
    expect(readFileSync(t.path).equals(bytes)).toBe(true);
    t.close();
  });

  it('recognises an export of another workbook and refuses unless the user insists', async () => {
    const a = seeded();
    const b = seeded();
    const dir = tempDir();
    const exported = join(dir, 'other.xlsx');
    await exportWorkbook(a.wb, a.ctx, { format: 'xlsx', path: exported, exportedAt: 'last-change' });
    await expect(previewRoundTrip(b.wb, b.ctx, { path: exported, anyWorkbook: false, createParties: false })).rejects.toThrow(/exported from another workbook/);
    const insisted = await previewRoundTrip(b.wb, b.ctx, { path: exported, anyWorkbook: true, createParties: false });
    expect(insisted.counts.changes).toBe(0);
    a.close();
    b.close();
  });

  it('marks a cell changed in the sheet and, since the export, in Demarc as a conflict to settle', async () => {
    const t = seeded();
    const dir = tempDir();
    const exported = join(dir, 'raci.xlsx');
    await exportWorkbook(t.wb, t.ctx, { format: 'xlsx', path: exported, exportedAt: 'last-change' });
    const layer = layerOf(t.wb, t.ctx, t.ids[0]!, 0);
    const edited = join(dir, 'edited.xlsx');
    await editExport(exported, edited, [
      { sheet: 'RACI', assetId: t.ids[0]!, layer: layer.title, header: 'A', value: 'Bob Chen' },
      { sheet: 'RACI', assetId: t.ids[1]!, layer: layer.title, header: 'A', value: 'Bob Chen' }
    ]);
    // Meanwhile, in Demarc: vm-1's Accountable moves to Zoë Ops.
    const zoe = (t.wb.db.prepare("SELECT id FROM parties WHERE name = 'Zoë Ops'").get() as { id: number }).id;
    setRaci(t.wb, t.ctx, { assetId: t.ids[0]!, layerId: layer.layerId, roles: { A: [zoe] } });
    const preview = await previewRoundTrip(t.wb, t.ctx, { path: edited, anyWorkbook: false, createParties: false });
    expect(preview.revisionMoved).toBe(true);
    const [conflict, clean] = preview.groups.flatMap((g) => g.changes);
    expect(conflict!.conflict).toMatchObject({ inDemarc: 'Zoë Ops', inSheet: 'Bob Chen' });
    expect(conflict!.conflict!.changedBy[0]).toContain('RACI of');
    expect(clean!.conflict).toBeNull();
    expect(() => applyRoundTrip(t.wb, t.ctx, { token: preview.token, reject: [], resolve: {} })).toThrow(/1 conflict left open/);
    const result = applyRoundTrip(t.wb, t.ctx, { token: preview.token, reject: [], resolve: {}, onConflict: 'workbook' });
    expect(result.applied).toBe(1);
    expect(layerOf(t.wb, t.ctx, t.ids[0]!, 0).names.A).toEqual(['Zoë Ops']);
    expect(layerOf(t.wb, t.ctx, t.ids[1]!, 0).names.A).toEqual(['Bob Chen']);
    t.close();
  });

  it('reads back the RACI CSV as Excel saves it in a European locale: ";", CRLF, Windows-1252', async () => {
    const t = seeded();
    const dir = tempDir();
    const exported = join(dir, 'raci.csv');
    await exportWorkbook(t.wb, t.ctx, { format: 'csv', path: exported, exportedAt: 'last-change' });
    const records = parse(readFileSync(exported, 'utf8').replace(/^\uFEFF/, '')) as string[][];
    const header = records[0]!;
    const layer = layerOf(t.wb, t.ctx, t.ids[0]!, 0);
    const row = records.findIndex((r) => r[1] === String(t.ids[0]) && r[2] === layer.title);
    records[row]![header.indexOf('A')] = 'Bob Chen';
    records[row]![header.indexOf('C')] = 'Zoë Ops';
    records[row]![header.indexOf('Comments')] = 'Revu en atelier; à confirmer';
    const quote = (f: string) => (/[;"\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
    const edited = join(dir, 'raci-fr.csv');
    writeFileSync(edited, iconv.encode(records.map((r) => r.map(quote).join(';')).join('\r\n') + '\r\n', 'windows-1252'));
    const preview = await previewRoundTrip(t.wb, t.ctx, { path: edited, anyWorkbook: false, createParties: false });
    expect(preview.format).toBe('csv');
    expect(preview.identity).toBeNull();
    expect(preview.errors).toEqual([]);
    expect(preview.warnings[0]).toMatch(/windows-1252.*delimiter ";"/);
    expect(preview.groups.flatMap((g) => g.changes).map((c) => [c.cell, c.field, c.after])).toEqual([
      // Column letters after Published (E, beside Responsibility): A in I, C in J, Comments in L.
      [`raci-fr.csv!I${row + 1}`, 'A', 'Bob Chen'],
      [`raci-fr.csv!J${row + 1}`, 'C', 'Zoë Ops'],
      [`raci-fr.csv!L${row + 1}`, 'note', 'Revu en atelier; à confirmer']
    ]);
    applyRoundTrip(t.wb, t.ctx, { token: preview.token, reject: [], resolve: {} });
    expect(layerOf(t.wb, t.ctx, t.ids[0]!, 0).names.C).toEqual(['Zoë Ops']);
    t.close();
  });

  it('creates the names that are no party, in the same step, when the user chooses it (undo removes them)', async () => {
    const t = seeded();
    const dir = tempDir();
    const exported = join(dir, 'raci.xlsx');
    await exportWorkbook(t.wb, t.ctx, { format: 'xlsx', path: exported, exportedAt: 'last-change' });
    const layer = layerOf(t.wb, t.ctx, t.ids[0]!, 0);
    const edited = join(dir, 'new-names.xlsx');
    await editExport(exported, edited, [
      { sheet: 'RACI', assetId: t.ids[0]!, layer: layer.title, header: 'C', value: 'dana quinn; Bob Chen' },
      // The spelling first read (the Matrix comes before the RACI sheet) names the new party.
      { sheet: 'Matrix', assetId: t.ids[1]!, header: 'Owner', value: 'Dana Quinn' }
    ]);
    const refused = await previewRoundTrip(t.wb, t.ctx, { path: edited, anyWorkbook: false, createParties: false });
    expect(refused.canApply).toBe(false);
    const preview = await previewRoundTrip(t.wb, t.ctx, { path: edited, anyWorkbook: false, createParties: true });
    expect(preview.errors).toEqual([]);
    expect(preview.newParties).toEqual(['Dana Quinn']);
    const parties = () => (t.wb.db.prepare('SELECT count(*) AS n FROM parties').get() as { n: number }).n;
    const before = parties();
    applyRoundTrip(t.wb, t.ctx, { token: preview.token, reject: [], resolve: {} });
    expect(parties()).toBe(before + 1);
    expect(layerOf(t.wb, t.ctx, t.ids[0]!, 0).names.C).toEqual(['Bob Chen', 'Dana Quinn']);
    expect(assetDetail(t.wb, t.ctx, t.ids[1]!).asset.ownerPartyId).toBe((t.wb.db.prepare("SELECT id FROM parties WHERE name = 'Dana Quinn'").get() as { id: number }).id);
    undo(t.wb, t.ctx);
    expect(parties()).toBe(before);
    expect(layerOf(t.wb, t.ctx, t.ids[0]!, 0).names.C).toEqual([]);
    t.close();
  });
});
