/** Import rules: merging, case drift, manual choices kept, owners, not seen, runs and the change log. */
import { describe, expect, it } from 'vitest';
import type { ImportPreview, ImportResult } from '@shared/contract/import';
import type { ChangeLogEntry } from '@shared/domain';
import { listAssets } from '@main/store/repos/assets';
import { seedParties } from '@tests/helpers/seed';
import { azJson, fixturePath, importRouter, tempFile } from '@tests/helpers/import-fixture';

type Ok<T> = { ok: true; data: T };

async function preview(router: Awaited<ReturnType<typeof importRouter>>['router'], args: Record<string, unknown>): Promise<ImportPreview> {
  const r = await router.handle('import.preview', args);
  if (!r.ok) throw new Error(r.error.message);
  return (r as Ok<ImportPreview>).data;
}

async function apply(router: Awaited<ReturnType<typeof importRouter>>['router'], args: Record<string, unknown>): Promise<ImportResult> {
  const r = await router.handle('import.apply', args);
  if (!r.ok) throw new Error(r.error.message);
  return (r as Ok<ImportResult>).data;
}

describe('import service', () => {
  it('merges repeated rows into one asset: tags united, first non-empty value kept', async () => {
    const { router, session } = await importRouter();
    const file = tempFile(
      'repeated.json',
      azJson([
        { name: 'vm-a', tags: { env: 'prod' } },
        { name: 'vm-a', tags: { env: 'test', owner: 'ops' } },
        { name: 'vm-b' }
      ])
    );
    const p = await preview(router, { paths: [file] });
    expect(p.counts).toMatchObject({ rows: 3, new: 2, merged: 1 });
    await apply(router, { token: p.token });
    const vmA = listAssets(session.require().db).find((a) => a.name === 'vm-a');
    expect(vmA?.tags).toEqual({ env: 'prod', owner: 'ops' });
    session.close();
  });

  it('does not duplicate an asset when the resource group changes case (ARM id or composite key)', async () => {
    const { router, session } = await importRouter();
    const first = tempFile('first.json', azJson([{ name: 'vm-a', rg: 'RG-App' }, { name: 'vm-a', rg: 'rg-app' }]));
    const p = await preview(router, { paths: [first] });
    expect(p.counts).toMatchObject({ new: 1, merged: 1 });
    await apply(router, { token: p.token });
    const drifted = tempFile('drift.json', azJson([{ name: 'vm-a', rg: 'RG-APP' }]));
    const again = await apply(router, { paths: [drifted] });
    expect(again.counts).toMatchObject({ new: 0, updated: 1, notSeen: 0 });
    const csv = tempFile('plain.csv', 'Name,Type,Resource Group\nweb,App,RG-One\nweb,App,rg-one\n');
    const c = await preview(router, { paths: [csv] });
    expect(c.counts).toMatchObject({ rows: 2, new: 1, merged: 1 });
    expect(listAssets(session.require().db).filter((a) => a.name === 'vm-a').length).toBe(1);
    session.close();
  });

  it('keeps a manual service-model choice over a re-import', async () => {
    const { router, session } = await importRouter();
    const path = fixturePath('inventory/nsc-infra_az-resource-list-full_utf16le.json');
    await apply(router, { paths: [path] });
    const target = listAssets(session.require().db).find((a) => a.name === 'team4-trade-data')!;
    expect(target.serviceModel).toBe('paas');
    const set = await router.handle('assets.update', { filter: { ids: [target.id] }, set: { serviceModel: 'saas' } });
    expect(set.ok).toBe(true);
    const again = await apply(router, { paths: [path] });
    expect(again.counts).toMatchObject({ new: 0, updated: 0, unchanged: 20 });
    const after = listAssets(session.require().db).find((a) => a.id === target.id)!;
    expect([after.serviceModel, after.serviceModelSource]).toEqual(['saas', 'manual']);
    session.close();
  });

  it('sets the owner of new assets only, and only to an active party it names', async () => {
    const { router, session } = await importRouter();
    const db = session.require().db;
    const [gage] = seedParties(db, [
      { name: 'Gage McCrackem', kind: 'person' },
      { name: 'Abshire and Sons', kind: 'third_party', active: false, leftAt: '2026-01-01' }
    ]);
    const path = fixturePath('cmdb/snipe-it_assets-sample.csv');
    const p = await preview(router, { paths: [path] });
    expect(p.owners.assigned).toBeGreaterThanOrEqual(1);
    expect(p.owners.unknownNames).toContain('Abshire and Sons');
    await apply(router, { token: p.token });
    const assets = listAssets(db);
    expect(assets.filter((a) => a.ownerPartyId === gage).map((a) => a.name)).toContain('Dragline');
    expect(assets.find((a) => a.name === 'Backhoe')?.ownerPartyId).toBeNull();
    // A re-import never touches owners, even one cleared by hand.
    db.prepare('UPDATE assets SET owner_party_id = NULL').run();
    const again = await apply(router, { paths: [path] });
    expect(again.ownersAssigned).toBe(0);
    expect(listAssets(db).every((a) => a.ownerPartyId === null)).toBe(true);
    session.close();
  });

  it('flags assets of the same source that a later file no longer lists, and clears the flag when they come back', async () => {
    const { router, session } = await importRouter();
    const db = session.require().db;
    const both = tempFile('both.json', azJson([{ name: 'vm-a' }, { name: 'vm-b' }]));
    const one = tempFile('one.json', azJson([{ name: 'vm-a' }]));
    await apply(router, { paths: [both] });
    await apply(router, { paths: [fixturePath('onprem/microhack_azure-migrate-import_servers.csv')] });
    const p = await preview(router, { paths: [one] });
    expect(p.counts).toMatchObject({ new: 0, unchanged: 1, notSeen: 1 });
    await apply(router, { token: p.token });
    const flagged = listAssets(db).filter((a) => a.notSeenInLastImport).map((a) => a.name);
    expect(flagged).toEqual(['vm-b']);
    expect(listAssets(db).length).toBe(92);
    await apply(router, { paths: [both] });
    expect(listAssets(db).some((a) => a.notSeenInLastImport)).toBe(false);
    session.close();
  });

  it('records the run in import_runs, sets last_import_run_id and writes one change-log entry', async () => {
    const { router, session } = await importRouter();
    const db = session.require().db;
    const path = fixturePath('inventory/shiwei1981_Get-AzResource_Export-Csv_utf8bom.csv');
    const p = await preview(router, { paths: [path] });
    const before = db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number };
    const result = await apply(router, { token: p.token });
    expect(result.summary).toBe(
      'Imported 173 assets from shiwei1981_Get-AzResource_Export-Csv_utf8bom.csv: 173 new, 0 updated, 0 unchanged, 0 not seen, 0 merged'
    );
    const run = db.prepare('SELECT * FROM import_runs WHERE id = ?').get(result.importRunId) as Record<string, string>;
    expect(run).toMatchObject({ file_name: 'shiwei1981_Get-AzResource_Export-Csv_utf8bom.csv', sha256: p.files[0]!.sha256, format: 'get-azresource-csv', encoding: 'utf-8-bom', actor: 'tester' });
    expect(JSON.parse(run.counts_json!)).toMatchObject({ new: 173 });
    const linked = db.prepare('SELECT count(*) AS n FROM assets WHERE last_import_run_id = ?').get(result.importRunId) as { n: number };
    expect(linked.n).toBe(173);
    const after = db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number };
    expect(after.n - before.n).toBe(1);
    const log = await router.handle('changes.list', { entity: 'import' });
    const entry = (log as Ok<ChangeLogEntry[]>).data[0]!;
    expect(entry.summary).toBe(result.summary);
    expect(entry.after).toMatchObject({ counts: { new: 173 }, files: [{ sha256: p.files[0]!.sha256 }] });
    // The token is spent: applying it again is refused.
    expect(await router.handle('import.apply', { token: p.token })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    session.close();
  });

  it('applies the plan its preview made when nothing was written since, and plans again when something was', async () => {
    const { router, session } = await importRouter();
    const wb = session.require();
    const file = tempFile('two.json', azJson([{ name: 'vm-a', tags: { env: 'prod' } }, { name: 'vm-b' }]));
    const first = await preview(router, { paths: [file] });
    const prepared = wb.importPreviews.get(first.token)!;
    const previewPlan = prepared.planned?.plan;
    expect(previewPlan?.counts).toMatchObject({ new: 2 });
    expect(await apply(router, { token: first.token })).toMatchObject({ counts: { new: 2 } });
    expect(prepared.planned?.plan).toBe(previewPlan);

    // A write between preview and apply: vm-b's tags change in the file, and vm-b is removed from the workbook.
    const again = await preview(router, { paths: [tempFile('two-b.json', azJson([{ name: 'vm-a', tags: { env: 'prod' } }, { name: 'vm-b', tags: { env: 'test' } }]))] });
    expect(again.counts).toMatchObject({ new: 0, updated: 1, unchanged: 1 });
    const stale = wb.importPreviews.get(again.token)!.planned?.plan;
    wb.db.prepare("DELETE FROM assets WHERE name = 'vm-b'").run();
    const result = await apply(router, { token: again.token });
    expect(result.counts).toMatchObject({ new: 1, updated: 0, unchanged: 1 });
    expect(listAssets(wb.db).map((a) => [a.name, a.tags])).toEqual([['vm-a', { env: 'prod' }], ['vm-b', { env: 'test' }]]);
    expect(stale?.counts).toMatchObject({ updated: 1 });
    session.close();
  });

  it('leaves SQLite\'s page cache as it was after the bulk write', async () => {
    const { router, session } = await importRouter();
    const db = session.require().db;
    const before = db.pragma('cache_size', { simple: true });
    const file = tempFile('merged.json', azJson([{ name: 'vm-a', tags: { env: 'prod' } }, { name: 'vm-a', tags: { owner: 'ops' } }]));
    await apply(router, { paths: [file] });
    expect(listAssets(db)[0]?.tags).toEqual({ env: 'prod', owner: 'ops' });
    expect(db.pragma('cache_size', { simple: true })).toBe(before);
    session.close();
  });

  it('the engine state sees the import at once', async () => {
    const { router, session } = await importRouter();
    expect(await router.handle('assets.list', {})).toMatchObject({ ok: true, data: { total: 0 } });
    await apply(router, { paths: [fixturePath('inventory/nsc-infra_az-resource-list-full_utf16le.json')] });
    expect(await router.handle('assets.list', {})).toMatchObject({ ok: true, data: { total: 20 } });
    expect(await router.handle('dashboard.get', {})).toMatchObject({ ok: true, data: { assets: 20 } });
    session.close();
  });

  it('asks with the native dialog when no paths are given; a cancelled dialog is null', async () => {
    const path = fixturePath('inventory/drghassen_az-resource-list-default_utf8.json');
    const { router, session } = await importRouter({ importFiles: [[path], []] });
    expect(await router.handle('import.preview', {})).toMatchObject({ ok: true, data: { files: [{ fileName: 'drghassen_az-resource-list-default_utf8.json' }] } });
    expect(await router.handle('import.preview', {})).toEqual({ ok: true, data: null });
    expect(await router.handle('import.apply', {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await router.handle('import.apply', { token: 'x', paths: [path] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await router.handle('import.preview', { paths: [path], format: 'dbase' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await router.handle('import.preview', { paths: ['/no/such/file.json'] })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    session.close();
  });

  it('re-previews a CSV with an edited column mapping', async () => {
    const { router, session } = await importRouter();
    const csv = tempFile('servers.csv', 'Host,Category,Team\nweb01,Server,Ops\nweb02,Server,Ops\n');
    const p = await preview(router, { paths: [csv] });
    expect(p.files[0]!.mappingEditable).toBe(true);
    const remapped = await preview(router, { paths: [csv], mapping: { name: 'Host', type: 'Category', owner: 'Team' }, provider: 'onprem' });
    expect(remapped.files[0]!.mapping).toMatchObject({ name: 'Host', type: 'Category' });
    expect(remapped.counts).toMatchObject({ new: 2, errors: 0 });
    expect(remapped.classification.byServiceModel.find((c) => c.serviceModel === 'onprem')?.count).toBe(2);
    session.close();
  });
});
