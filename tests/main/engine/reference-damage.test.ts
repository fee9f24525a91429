/**
 * Issue 23: damaged party and layer references do not take the workbook down. A workbook whose
 * rows name a party it does not hold (RACI rows, an owner) or a layer the assets' model lacks
 * (overrides, notes, RACI rows) opens; every reader answers; opening and reading leave the file
 * byte-identical; the findings name each damaged row; a repair is the user's explicit, previewed,
 * logged, undoable edit. The damaged workbook is built from a real inventory by the CLI, then
 * edited with SQL (tests/helpers/reference-damage-workbook.ts); the committed copy is
 * tests/fixtures/workbooks/reference-damage.demarc.
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HANDLERS } from '@main/handlers';
import { NO_RECENT_FILES } from '@main/recent-files';
import { createRouter } from '@main/router';
import { TRUSTED_FILES } from '@main/security/file-grants';
import { Session } from '@main/session';
import { workbookReport } from '@main/services/report';
import type { MethodName, MethodOutput } from '@shared/contract';
import { CANCELLED_DIALOGS } from '@tests/helpers/test-router';
import { DAMAGE, REMOVED_PARTY, buildReferenceDamageWorkbook } from '@tests/helpers/reference-damage-workbook';
import { cli } from '@tests/helpers/run-cli';
import { fixedClock, sha256File, tempDir } from '@tests/helpers/temp';
import { wholeReport } from '@tests/helpers/whole-report';

const FIXTURE = join(__dirname, '../../fixtures/workbooks/reference-damage.demarc');

function openRouter() {
  const services = { clock: fixedClock('2026-12-07T09:00:00.000Z'), osUser: 'tester' };
  const session = new Session();
  const router = createRouter(HANDLERS, {
    services,
    session,
    recent: NO_RECENT_FILES,
    dialogs: CANCELLED_DIALOGS,
    files: TRUSTED_FILES,
    shell: { showItemInFolder: () => undefined, workbookChanged: () => undefined },
    emit: () => undefined
  });
  const call = async <M extends MethodName>(method: M, args: unknown): Promise<MethodOutput<M>> => {
    const answer = await router.handle(method, args);
    if (!answer.ok) throw new Error(`${method}: ${answer.error.code} ${answer.error.message}`);
    return answer.data as MethodOutput<M>;
  };
  const report = () => wholeReport(workbookReport(session.require(), services));
  const assetId = async (name: string) => (await call('assets.list', { filter: { text: name } })).rows.find((r) => r.name === name)!.id;
  return { router, call, report, assetId };
}

async function damagedCopy(): Promise<string> {
  const path = join(tempDir('demarc-refs-'), 'reference-damage.demarc');
  await buildReferenceDamageWorkbook(path);
  return path;
}

/** Every row of the tables a repair touches, read with SQL as a third party would. */
function storedRows(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return {
      raci: db.prepare('SELECT asset_id, layer_id, party_id, role FROM raci_assignments ORDER BY 1, 2, 3, 4').all(),
      overrides: db.prepare('SELECT * FROM layer_overrides ORDER BY asset_id, layer_id').all(),
      notes: db.prepare('SELECT * FROM layer_notes ORDER BY asset_id, layer_id').all(),
      owners: db.prepare('SELECT id, owner_party_id FROM assets ORDER BY id').all()
    };
  } finally {
    db.close();
  }
}

describe('a workbook naming parties and layers it does not hold', () => {
  it('opens, every reader answers, the findings name each damaged row, and the file stays byte-identical', async () => {
    const path = await damagedCopy();
    const before = sha256File(path);
    const { call, report, assetId } = openRouter();
    await call('workbook.open', { path });

    expect((await call('assets.list', { limit: 100 })).total).toBe(20);
    const summary = await call('findings.summary', {});
    expect(summary.find((g) => g.code === 'PARTY_MISSING')).toMatchObject({ severity: 'error', count: 2, assets: 2, title: 'Role held by a party not in the workbook' });
    expect(summary.find((g) => g.code === 'LAYER_MISSING')).toMatchObject({ severity: 'warning', count: 2, assets: 2, title: 'Rows on a layer the model does not have' });
    const parties = await call('findings.list', { code: 'PARTY_MISSING', limit: 100 });
    for (const role of DAMAGE.roles) {
      const found = parties.rows.find((f) => f.assetName === role.asset && f.layerId === role.layerId);
      expect(found?.message).toContain(`is party #${REMOVED_PARTY.id}, who is not in the parties list`);
      expect(found?.fix).toContain(`demarc repair FILE --party ${REMOVED_PARTY.id}`);
    }
    const layers = await call('findings.list', { code: 'LAYER_MISSING', limit: 100 });
    for (const damage of [DAMAGE.classicLayer, DAMAGE.strayLayer]) {
      const found = layers.rows.find((f) => f.assetName === damage.asset && f.layerId === damage.layerId);
      expect(found?.message).toBe(
        `"${damage.asset}" holds ${damage.holds} on the layer "${damage.layerId}", which Microsoft Azure shared responsibility (January 2026) (the model it is read under) does not have, so they are not read.`
      );
    }
    // The owner who is gone is NO_OWNER, naming the id and the repair.
    const owners = await call('findings.list', { code: 'NO_OWNER', assetId: await assetId('flink'), limit: 10 });
    expect(owners.rows[0]?.message).toContain(`names owner #${REMOVED_PARTY.id}, who is not in the parties list`);
    expect(owners.rows[0]?.fix).toContain(`demarc repair FILE --party ${REMOVED_PARTY.id} --to PARTY`);

    const damage = await call('references.damage', {});
    expect(damage.missingParties).toEqual([{ partyId: REMOVED_PARTY.id, assignments: 2, owners: 1, assets: 2 }]);
    expect(damage.unknownLayers.map((l) => [l.layerId, l.overrides, l.notes, l.assignments, l.assets])).toEqual([
      [DAMAGE.classicLayer.layerId, 1, 1, 0, 1],
      [DAMAGE.strayLayer.layerId, 0, 1, 1, 1]
    ]);

    // The asset panel of each damaged asset answers, with its findings.
    const flink = await call('assets.get', { id: await assetId('flink') });
    expect(flink.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['PARTY_MISSING', 'NO_OWNER']));
    const vnet = await call('assets.get', { id: await assetId(DAMAGE.classicLayer.asset) });
    expect(vnet.layers).toHaveLength(10);
    expect(vnet.findings.map((f) => f.code)).toContain('LAYER_MISSING');

    const whole = report();
    expect(whole.assets).toHaveLength(20);
    expect(whole.findings.filter((f) => f.code === 'PARTY_MISSING' || f.code === 'LAYER_MISSING')).toHaveLength(4);
    expect((await call('dashboard.get', {})).findingsBySeverity.error).toBeGreaterThanOrEqual(2);
    expect((await call('picture.get', {})).drawing.totals.scope).toBe(20);
    expect((await call('workshops.preview', {})).assets).toBe(20);
    expect(await call('signOffs.list', {})).toEqual([]);
    expect((await call('audit.diff', { from: '2026-01-01' })).assets.length).toBeGreaterThan(0);
    const out = tempDir('demarc-refs-out-');
    expect((await call('export.run', { format: 'xlsx', path: join(out, 'raci.xlsx') }))?.rows).toBeGreaterThan(20);
    expect((await call('export.run', { format: 'csv', path: join(out, 'raci.csv') }))?.rows).toBeGreaterThan(20);
    expect(await call('export.framework', { framework: 'oscal-ssp', path: join(out, 'ssp.json') })).not.toBeNull();
    expect((await call('history.state', {})).canUndo).toBe(false);
    await call('workbook.close', {});

    expect(sha256File(path)).toBe(before);
    // The CLI's readers too: check fails on the errors, report and the listing answer.
    const check = await cli(['check', path]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('PARTY_MISSING');
    expect(check.stdout).toContain('LAYER_MISSING');
    expect((await cli(['report', path, '--json'])).code).toBe(0);
    const listing = await cli(['repair', path]);
    expect(listing.stdout).toContain(`party #${REMOVED_PARTY.id} (not in the parties list): 2 RACI row(s), owner of 1 asset(s), on 2 asset(s)`);
    expect(sha256File(path)).toBe(before);
  });

  it('reassigns a missing party\'s roles and assets to a party in the list: previewed, one logged edit, undone and redone exactly', async () => {
    const path = await damagedCopy();
    const damaged = storedRows(path);
    const { call } = openRouter();
    await call('workbook.open', { path });
    const team = (await call('parties.list', {})).find((p) => p.name === 'Platform Team')!;
    const erik = (await call('parties.list', {})).find((p) => p.name === 'Erik Data')!;
    const changesBefore = (await call('changes.list', {})).length;
    const target = { kind: 'party', partyId: REMOVED_PARTY.id } as const;

    // Platform Team is already Responsible on flink's OS: the duplicate collapses into it.
    const preview = await call('references.repair', { target, action: { kind: 'reassign', partyId: erik.id }, preview: true });
    expect(preview).toMatchObject({ preview: true, rows: 3, assets: 2 });
    expect(preview.examples).toEqual(expect.arrayContaining(['flink: the owner goes from party #3 to Erik Data', '2dtfinalteam4storagetest: the Accountable for "Customer data" goes from party #3 to Erik Data']));
    expect((await call('changes.list', {})).length).toBe(changesBefore);
    expect((await call('history.state', {})).canUndo).toBe(false);

    const done = await call('references.repair', { target, action: { kind: 'reassign', partyId: team.id } });
    expect(done.summary).toBe('Gave 2 RACI rows and the owner of 1 asset naming party #3, who is not in the parties list, to Platform Team');
    const changes = await call('changes.list', { newestFirst: true });
    expect(changes).toHaveLength(changesBefore + 1);
    expect(changes[0]).toMatchObject({ action: 'references.repair', summary: done.summary });
    const codes = (await call('findings.summary', {})).map((g) => g.code);
    expect(codes).not.toContain('PARTY_MISSING');
    expect((await call('references.damage', {})).missingParties).toEqual([]);

    // Undo puts the damage back exactly (the rows naming party #3 again), redo repairs again.
    await call('history.undo', {});
    expect((await call('findings.summary', {})).find((g) => g.code === 'PARTY_MISSING')?.count).toBe(2);
    await call('history.redo', {});
    expect((await call('references.damage', {})).missingParties).toEqual([]);
    await call('history.undo', {});
    await call('workbook.close', {});
    expect(storedRows(path)).toEqual(damaged);
  });

  it('removes a missing party\'s rows (its owner cleared), and refuses a party in the list or a rule broken, writing nothing', async () => {
    const path = await damagedCopy();
    const { router, call, assetId } = openRouter();
    await call('workbook.open', { path });
    const team = (await call('parties.list', {})).find((p) => p.name === 'Platform Team')!;
    const changesBefore = (await call('changes.list', {})).length;
    const refused = await router.handle('references.repair', { target: { kind: 'party', partyId: team.id }, action: { kind: 'remove' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', message: expect.stringContaining('is in the parties list') } });
    const unknown = await router.handle('references.repair', { target: { kind: 'party', partyId: 4242 }, action: { kind: 'remove' } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'No row names party #4242.' } });
    const mismatched = await router.handle('references.repair', { target: { kind: 'party', partyId: 3 }, action: { kind: 'move', layerId: 'applications' } });
    expect(mismatched).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('a missing party is reassigned to a party') } });
    expect((await call('changes.list', {})).length).toBe(changesBefore);

    const flink = await assetId('flink');
    const done = await call('references.repair', { target: { kind: 'party', partyId: REMOVED_PARTY.id }, action: { kind: 'remove' }, assetIds: [flink] });
    expect(done).toMatchObject({ rows: 2, assets: 1, summary: 'Removed 1 RACI row and the owner of 1 asset naming party #3, who is not in the parties list' });
    const after = await call('assets.get', { id: flink });
    expect(after.asset.ownerPartyId).toBeNull();
    // The storage account was not chosen: its row naming party #3 is still there.
    expect((await call('references.damage', {})).missingParties).toEqual([{ partyId: REMOVED_PARTY.id, assignments: 1, owners: 0, assets: 1 }]);
    await call('workbook.close', {});
  });

  it('moves an unknown layer\'s override and note to a layer of the model, or removes them; undo restores them', async () => {
    const path = await damagedCopy();
    const damaged = storedRows(path);
    const { router, call, assetId } = openRouter();
    await call('workbook.open', { path });
    const vnet = await assetId(DAMAGE.classicLayer.asset);
    const target = { kind: 'layer', layerId: DAMAGE.classicLayer.layerId } as const;
    const damage = await call('references.damage', {});
    expect(damage.unknownLayers[0]?.moveTo.map((l) => l.id)).toContain('identities-and-users');

    const refused = await router.handle('references.repair', { target, action: { kind: 'move', layerId: 'no-such-layer' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', message: expect.stringContaining('has no layer "no-such-layer"') } });
    const preview = await call('references.repair', { target, action: { kind: 'move', layerId: 'identities-and-users' }, preview: true });
    expect(preview.examples).toEqual([`${DAMAGE.classicLayer.asset}: an override (shared) and a note move from "${DAMAGE.classicLayer.layerId}" to "Identities and users"`]);
    await call('references.repair', { target, action: { kind: 'move', layerId: 'identities-and-users' } });
    const moved = (await call('assets.get', { id: vnet })).layers.find((l) => l.layerId === 'identities-and-users')!;
    expect(moved).toMatchObject({ overridden: true, responsibility: 'shared', justification: 'The provider runs the perimeter firewall under contract' });
    expect(moved.note?.text).toBe('Firewall rules reviewed with the provider each quarter');
    expect((await call('findings.list', { code: 'LAYER_MISSING', limit: 10 })).rows.map((f) => f.assetName)).toEqual([DAMAGE.strayLayer.asset]);

    await call('references.repair', { target: { kind: 'layer', layerId: DAMAGE.strayLayer.layerId }, action: { kind: 'remove' } });
    expect((await call('findings.summary', {})).some((g) => g.code === 'LAYER_MISSING')).toBe(false);
    await call('history.undo', {});
    await call('history.undo', {});
    expect((await call('findings.list', { code: 'LAYER_MISSING', limit: 10 })).total).toBe(2);
    await call('workbook.close', {});
    expect(storedRows(path)).toEqual(damaged);
  });

  it('other edits of a damaged row keep working and undo: a RACI edit replacing a missing party, an owner set over a missing one', async () => {
    const path = await damagedCopy();
    const damaged = storedRows(path);
    const { call, assetId } = openRouter();
    await call('workbook.open', { path });
    const team = (await call('parties.list', {})).find((p) => p.name === 'Platform Team')!;
    const flink = await assetId('flink');
    await call('raci.set', { assetId: flink, layerId: 'operating-system', roles: { R: [team.id] } });
    await call('assets.update', { filter: { ids: [flink] }, set: { ownerPartyId: team.id } });
    await call('history.undo', {});
    await call('history.undo', {});
    await call('workbook.close', {});
    expect(storedRows(path)).toEqual(damaged);
  });

  it('the CLI repairs: --preview changes nothing, then one step', async () => {
    const path = await damagedCopy();
    const before = sha256File(path);
    const preview = await cli(['repair', path, '--party', String(REMOVED_PARTY.id), '--to', 'Platform Team', '--preview']);
    expect(preview.code, preview.stderr).toBe(0);
    expect(preview.stdout).toContain('Would change 3 row(s) on 2 asset(s) (nothing was changed)');
    expect(sha256File(path)).toBe(before);
    const bad = await cli(['repair', path, '--layer', DAMAGE.strayLayer.layerId, '--to', 'nowhere']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"nowhere" is not a layer of every affected asset\'s model; use one of: customer-data,');
    expect(sha256File(path)).toBe(before);
    const run = await cli(['repair', path, '--layer', DAMAGE.strayLayer.layerId, '--to', 'Applications']);
    expect(run.code, run.stderr).toBe(0);
    const summary = `Moved 2 rows from the layer "${DAMAGE.strayLayer.layerId}", which the model of 1 asset does not have, to "applications"`;
    expect(run.stdout).toContain(summary);
    const log = await cli(['log', path]);
    expect(log.stdout.trimEnd().split('\n').at(-1)).toContain(summary);
    const listing = await cli(['repair', path]);
    expect(listing.stdout).not.toContain(DAMAGE.strayLayer.layerId);
  });

  it('the committed fixture opens (a copy, migrated if the format moved on) with its damage reported', async () => {
    const path = join(tempDir('demarc-fixture-'), 'reference-damage.demarc');
    copyFileSync(FIXTURE, path);
    const { call } = openRouter();
    await call('workbook.open', { path });
    expect((await call('findings.list', { code: 'PARTY_MISSING', limit: 10 })).total).toBe(2);
    expect((await call('findings.list', { code: 'LAYER_MISSING', limit: 10 })).total).toBe(2);
    await call('workbook.close', {});
  });
});

// Rebuilds the committed fixture from the recipe (the real inventory, the CLI, the SQL edit).
it.runIf(process.env['DEMARC_REBUILD_FIXTURES'] === '1')('rebuilds tests/fixtures/workbooks/reference-damage.demarc', async () => {
  const built = await damagedCopy();
  copyFileSync(built, FIXTURE);
  expect(storedRows(FIXTURE)).toEqual(storedRows(built));
  expect(existsSync(FIXTURE)).toBe(true);
});
