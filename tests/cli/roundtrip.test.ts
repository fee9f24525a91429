/**
 * `demarc import <wb> edited.xlsx` end to end: the export edited by a second client — LibreOffice
 * (headless) saves the edited copy as xlsx itself — is recognised, the dry run lists exactly the
 * edits, the apply equals the same edits made with `demarc raci/override/note/assign`, and bad
 * input exits 2 naming the cell with the workbook byte-identical.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RoundTripPreview } from '@shared/contract/roundtrip';
import type { Report } from '@shared/report';
import { editExport } from '@tests/helpers/roundtrip-edit';
import { cli } from '@tests/helpers/run-cli';
import { seedAssets, seedParties } from '@tests/helpers/seed';
import { tempDir } from '@tests/helpers/temp';
import { createTestWorkbook } from '@tests/helpers/workbook';

const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice']).status === 0;
const profile = join(tmpdir(), `lo-profile-${randomUUID()}`);

/** LibreOffice opens `path` and writes it again as xlsx into `outdir` (same file name). */
function libreOfficeSave(path: string, outdir: string): string {
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', path, '--outdir', outdir], {
    timeout: 120_000,
    stdio: 'pipe'
  });
  return join(outdir, path.split('/').pop()!);
}

function workbookWithExport() {
  const t = createTestWorkbook({ organisation: 'Northwind' });
  seedParties(t.wb.db, [
    { name: 'Alice Martin', kind: 'person' },
    { name: 'Bob Chen', kind: 'person' },
    { name: 'Zoë Ops', kind: 'team' }
  ]);
  const [alice, bob] = [1, 2].map((n) => (t.wb.db.prepare('SELECT id FROM parties WHERE name = ?').get(n === 1 ? 'Alice Martin' : 'Bob Chen') as { id: number }).id);
  const ids = seedAssets(t.wb.db, [
    { name: 'vm-1', serviceModel: 'iaas', ownerPartyId: alice! },
    { name: 'vm-2', serviceModel: 'iaas', ownerPartyId: alice! },
    { name: 'web-1', serviceModel: 'paas', ownerPartyId: bob! }
  ]);
  t.close();
  return { path: t.path, ids };
}

const report = async (path: string): Promise<Report> => {
  const run = await cli(['report', path, '--json']);
  expect(run.code).toBe(0);
  const parsed = JSON.parse(run.stdout) as Report;
  return { ...parsed, workbook: { ...parsed.workbook, name: '', lastChangeAt: null } };
};

afterAll(() => rmSync(profile, { recursive: true, force: true }));

describe('demarc import <wb> edited-export.xlsx', () => {
  it.skipIf(!hasSoffice)('reviews and applies an export edited and saved by LibreOffice, equal to the same edits by hand', { timeout: 240_000 }, async () => {
    const { path, ids } = workbookWithExport();
    const dir = tempDir();
    const twin = join(dir, 'twin.demarc');
    copyFileSync(path, twin);
    const exported = join(dir, 'raci.xlsx');
    expect((await cli(['export', path, '--out', exported])).code).toBe(0);
    const layers = (JSON.parse((await cli(['report', path, '--json'])).stdout) as Report).assets[0]!.layers;
    const [first, second] = [layers[0]!.title, layers[1]!.title];
    const draft = join(dir, 'edited.xlsx');
    await editExport(exported, draft, [
      { sheet: 'RACI', assetId: ids[0]!, layer: first, header: 'A', value: 'BOB CHEN' },
      { sheet: 'RACI', assetId: ids[0]!, layer: second, header: 'Comments', value: 'Ask the MSP about patch windows' },
      { sheet: 'RACI', assetId: ids[1]!, layer: first, header: 'Responsibility', value: 'shared' },
      { sheet: 'RACI', assetId: ids[1]!, layer: first, header: 'Justification', value: 'Provider-run backups, contract 12' },
      { sheet: 'Matrix', assetId: ids[2]!, header: 'Owner', value: 'alice martin' }
    ]);
    const loDir = join(dir, 'libreoffice');
    execFileSync('mkdir', ['-p', loDir]);
    const saved = libreOfficeSave(draft, loDir);

    const dry = await cli(['import', path, saved, '--dry-run', '--json']);
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    const preview = JSON.parse(dry.stdout) as RoundTripPreview;
    expect(preview.identity?.revision).toBeGreaterThanOrEqual(0);
    expect(preview.groups.flatMap((g) => g.changes).map((c) => [c.assetId, c.field, c.before, c.after])).toEqual([
      [ids[0], 'A', 'Alice Martin', 'Bob Chen'],
      [ids[0], 'note', null, 'Ask the MSP about patch windows'],
      [ids[1], 'responsibility', 'customer', 'shared'],
      [ids[1], 'justification', null, 'Provider-run backups, contract 12'],
      [ids[2], 'owner', 'Bob Chen', 'Alice Martin']
    ]);
    const text = await cli(['import', path, saved, '--dry-run']);
    expect(text.stdout).toMatch(/5 changes on 3 assets, 0 conflicts/);
    expect(text.stdout).toContain('"Alice Martin" → "Bob Chen"');

    const applied = await cli(['import', path, saved]);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/Applied 5 changes on 3 assets from edited\.xlsx \(SHA-256 [0-9a-f]{64}\)/);

    expect((await cli(['raci', twin, '--asset', String(ids[0]), '--layer', first, '--A', 'Bob Chen'])).code).toBe(0);
    expect((await cli(['note', twin, '--asset', String(ids[0]), '--layer', second, '--text', 'Ask the MSP about patch windows'])).code).toBe(0);
    expect((await cli(['override', twin, '--asset', String(ids[1]), '--layer', first, '--to', 'shared', '--why', 'Provider-run backups, contract 12'])).code).toBe(0);
    expect((await cli(['assign', twin, '--where', `id=${ids[2]}`, '--owner', 'Alice Martin'])).code).toBe(0);
    expect(await report(path)).toEqual(await report(twin));
  });

  it('exits 2 naming the cell, and the workbook stays byte-identical', async () => {
    const { path, ids } = workbookWithExport();
    const dir = tempDir();
    const exported = join(dir, 'raci.xlsx');
    expect((await cli(['export', path, '--out', exported])).code).toBe(0);
    const first = (JSON.parse((await cli(['report', path, '--json'])).stdout) as Report).assets[0]!.layers[0]!.title;
    const bad = join(dir, 'bad.xlsx');
    const [cell] = await editExport(exported, bad, [{ sheet: 'RACI', assetId: ids[0]!, layer: first, header: 'R', value: 'Alise Martin' }]);
    const bytes = readFileSync(path);
    const run = await cli(['import', path, bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${cell}: 'Alise Martin' is not a party — did you mean Alice Martin?`);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('--on-conflict: a cell changed on both sides is a conflict with three values (exit 1 until settled); other cells apply', async () => {
    const { path, ids } = workbookWithExport();
    const dir = tempDir();
    const exported = join(dir, 'raci.xlsx');
    expect((await cli(['export', path, '--out', exported])).code).toBe(0);
    const [first, second] = (JSON.parse((await cli(['report', path, '--json'])).stdout) as Report).assets[0]!.layers.map((l) => l.title);
    const edited = join(dir, 'edited.xlsx');
    await editExport(exported, edited, [
      { sheet: 'RACI', assetId: ids[0]!, layer: first!, header: 'A', value: 'Bob Chen' },
      { sheet: 'RACI', assetId: ids[0]!, layer: second!, header: 'Comments', value: 'From the sheet' }
    ]);
    // Meanwhile, in Demarc: the same Accountable, and another cell of the same asset.
    expect((await cli(['raci', path, '--asset', String(ids[0]), '--layer', first!, '--A', 'Zoë Ops'])).code).toBe(0);
    expect((await cli(['note', path, '--asset', String(ids[0]), '--layer', first!, '--text', 'From Demarc'])).code).toBe(0);

    const dry = await cli(['import', path, edited, '--dry-run', '--json']);
    expect(dry.code).toBe(1);
    const preview = JSON.parse(dry.stdout) as RoundTripPreview;
    const changes = preview.groups.flatMap((g) => g.changes);
    expect(changes.map((c) => [c.field, c.conflict && { atExport: c.conflict.atExport, atExportKnown: c.conflict.atExportKnown, inDemarc: c.conflict.inDemarc, inSheet: c.conflict.inSheet }])).toEqual([
      ['A', { atExport: 'Alice Martin', atExportKnown: true, inDemarc: 'Zoë Ops', inSheet: 'Bob Chen' }],
      ['note', null]
    ]);
    expect(preview.counts).toMatchObject({ changes: 2, conflicts: 1, demarcOnly: 1 });
    const text = await cli(['import', path, edited, '--dry-run']);
    expect(text.stdout).toContain('CONFLICT: at the export "Alice Martin"; in Demarc now "Zoë Ops"; in the sheet "Bob Chen"');

    expect((await cli(['import', path, edited, '--on-conflict', 'workbook'])).code).toBe(0);
    const layers = (JSON.parse((await cli(['report', path, '--json'])).stdout) as Report).assets[0]!.layers;
    expect(layers[0]!.A).toEqual(['Zoë Ops']);
    expect(layers[0]!.note).toBe('From Demarc');
    expect(layers[1]!.note).toBe('From the sheet');
  });
});
