/**
 * As of a moment equals a replay through merges: the HQ workbook file is copied before a merge,
 * after it, after its undo and after the same merge again, and the report as of each moment of
 * the edited workbook is byte for byte the report of that moment's copy, with no gap — a merge
 * and its undo log their operations (owners and fields patched, parties, RACI rows, overrides),
 * and the assets a merge brought are left out before it, whatever their creation time in the
 * other copy. What a merge carried whole — sign-offs, custom models, settings — and the assets an
 * undo of a merge took out again are rewound too: as of between the merge and its undo, they are
 * there as the merge put them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_MODELS } from '@core/models';
import { afterEach, describe, expect, it } from 'vitest';
import { reportText } from '@tests/helpers/as-of-report';
import { asOfFindingPages } from '@main/services/as-of-pages';
import { workbookReportAsOf } from '@main/services/as-of-report';
import { findingDigest, findingDigestOf } from '@main/services/findings-digest';
import type { OpenWorkbook } from '@main/services/context';
import { workbookReport } from '@main/services/report';
import { closeWorkbook, openWorkbook } from '@main/services/workbook-service';
import { listChanges } from '@main/store/repos/change-log';
import { azJson, tempFile } from '@tests/helpers/import-fixture';
import { fileCopy, laptop, seededHq, type Laptop } from '@tests/helpers/merge-laptops';
import type { AsOfInfo } from '@shared/as-of';
import type { Report } from '@shared/report';
import { cli } from '@tests/helpers/run-cli';
import { tempDir } from '@tests/helpers/temp';

const open: (OpenWorkbook | Laptop)[] = [];
afterEach(() => {
  for (const item of open.splice(0)) {
    if ('call' in item) item.close();
    else closeWorkbook(item);
  }
});

interface Checkpoint {
  label: string;
  entryId: number;
  at: string;
  copy: string;
}

function keeper(hq: Laptop, checkpoints: Checkpoint[]) {
  return (label: string) => {
    const wb = hq.session.require();
    const last = listChanges(wb.db, { newestFirst: true, limit: 1 })[0]!;
    const copy = join(tempDir(), 'hq.demarc');
    wb.db.exec(`VACUUM INTO '${copy}'`);
    checkpoints.push({ label, entryId: last.id, at: last.at, copy });
  };
}

function expectReplays(hq: Laptop, checkpoints: readonly Checkpoint[]): void {
  const wb = hq.session.require();
  for (const point of checkpoints) {
    const asOf = workbookReportAsOf(wb, hq.services, `#${point.entryId}`);
    expect(asOf.head.asOf?.gaps, point.label).toEqual([]);
    const copy = openWorkbook(hq.services, point.copy);
    open.push(copy);
    expect(reportText(asOf), `as of ${point.label} (#${point.entryId})`).toBe(reportText(workbookReport(copy, { ...hq.services, clock: () => point.at })));
    // `check --as-of` reads only the findings' fields, the assets a merge carried taken as logged.
    const checked = findingDigestOf(asOfFindingPages(wb, hq.services, `#${point.entryId}`, 2).pages, 1000);
    expect(checked, `check as of ${point.label}`).toEqual(findingDigest(copy, { ...hq.services, clock: () => point.at }, 1000));
    closeWorkbook(open.pop() as OpenWorkbook);
  }
}

describe('as-of through merges', () => {
  it('rewinds a merge, its undo and the same merge again exactly', async () => {
    const { hq, dir, ids, people } = await seededHq();
    open.push(hq);
    const financePath = fileCopy(hq.path, join(dir, 'finance.demarc'));
    const finance = await laptop(financePath, 'finance', '2026-12-02T09:00:00.000Z');
    await finance.call('assets.update', { filter: { ids: [ids['vm-1']!, ids['vm-2']!] }, set: { ownerPartyId: people.Bob! } });
    const dave = await finance.call('parties.add', { name: 'Dave', kind: 'person' });
    await finance.call('raci.set', { assetId: ids['vm-3']!, layerId: 'applications', roles: { R: [dave.id], A: [people.Carol!] } });
    await finance.call('overrides.set', { assetId: ids['vm-2']!, layerId: 'network-controls', responsibility: 'shared', justification: 'shared vnet' });
    finance.close();
    const checkpoints: Checkpoint[] = [];
    const keep = keeper(hq, checkpoints);
    await hq.call('raci.set', { assetId: ids['vm-5']!, layerId: 'operating-system', roles: { R: [people.Carol!] } });
    keep('before the merge');
    await hq.call('merge.apply', { path: financePath });
    keep('merged');
    await hq.call('history.undo', {});
    keep('merge undone');
    await hq.call('merge.apply', { path: financePath });
    keep('merged again');
    await hq.call('assets.update', { filter: { ids: [ids['vm-4']!] }, set: { ownerPartyId: people.Alice! } });
    expect(listChanges(hq.session.require().db, { action: 'workbook.merge' })).toHaveLength(2);
    expectReplays(hq, checkpoints);
    const texts = checkpoints.map((p) => reportText(workbookReportAsOf(hq.session.require(), hq.services, `#${p.entryId}`)));
    // Each moment differs from the next: the merge and its undo changed what the report shows.
    expect(texts[0]).not.toBe(texts[1]);
    expect(texts[1]).not.toBe(texts[2]);
    expect(texts[2]).not.toBe(texts[3]);
  });

  it('leaves out the assets a merge brought, before it', async () => {
    const { hq, dir, ids, people } = await seededHq();
    open.push(hq);
    const financePath = fileCopy(hq.path, join(dir, 'finance.demarc'));
    const finance = await laptop(financePath, 'finance', '2026-12-02T09:00:00.000Z');
    await finance.call('import.apply', { paths: [tempFile('more.json', azJson([{ name: 'vm-7', sub: 'finance', rg: 'rg-fin' }]))] });
    await finance.call('assets.update', { filter: { ids: [ids['vm-2']!] }, set: { ownerPartyId: people.Bob! } });
    finance.close();
    const checkpoints: Checkpoint[] = [];
    const keep = keeper(hq, checkpoints);
    keep('before the merge');
    await hq.call('merge.apply', { path: financePath });
    keep('merged');
    await hq.call('assets.update', { filter: { ids: [ids['vm-3']!] }, set: { ownerPartyId: people.Carol! } });
    expectReplays(hq, checkpoints);
    expect(workbookReportAsOf(hq.session.require(), hq.services, `#${checkpoints[0]!.entryId}`).head.asOf!.assetsLeftOut).toBe(1);
  });

  it('rewinds the sign-off, the custom model and the settings a merge carried, through its undo and redo', async () => {
    const { hq, dir, ids, people } = await seededHq();
    open.push(hq);
    const financePath = fileCopy(hq.path, join(dir, 'finance.demarc'));
    const finance = await laptop(financePath, 'finance', '2026-12-02T09:00:00.000Z');
    const modelFile = join(dir, 'acme-fin.json');
    writeFileSync(modelFile, JSON.stringify({ ...BUILTIN_MODELS['aws-2026-12']!, id: 'acme-fin', name: 'Acme finance' }));
    await finance.call('models.import', { path: modelFile });
    await finance.call('models.setDefault', { modelId: 'acme-fin' });
    await finance.call('settings.update', { organisation: 'Acme Finance', reviewPeriodDays: 30, defaultTeamPerLayer: { applications: people.Bob! } });
    await finance.call('signOffs.add', { scope: { kind: 'asset', assetId: ids['vm-1']! }, partyId: people.Alice!, statement: 'Alice confirms vm-1' });
    finance.close();
    const checkpoints: Checkpoint[] = [];
    const keep = keeper(hq, checkpoints);
    await hq.call('settings.update', { notSignedOffSeverity: 'warning' });
    keep('before the merge');
    // Both copies set these since they parted (HQ's are those it was created with): take theirs.
    await hq.call('merge.apply', { path: financePath, decisions: { rules: [{ side: 'theirs' }] } });
    const merged = hq.session.require();
    expect((await hq.call('signOffs.list', {})).map((s) => s.statement)).toEqual(['Alice confirms vm-1']);
    expect((await hq.call('models.list', {})).map((m) => m.id)).toContain('acme-fin');
    expect(merged.db.prepare("SELECT value FROM meta WHERE key = 'review_period_days'").get()).toEqual({ value: '30' });
    keep('merged');
    await hq.call('history.undo', {});
    expect(await hq.call('signOffs.list', {})).toEqual([]);
    keep('merge undone');
    await hq.call('history.redo', {});
    keep('merge redone');
    await hq.call('assets.update', { filter: { ids: [ids['vm-4']!] }, set: { ownerPartyId: people.Carol! } });
    expectReplays(hq, checkpoints);
    const texts = checkpoints.map((p) => reportText(workbookReportAsOf(hq.session.require(), hq.services, `#${p.entryId}`)));
    expect(texts[0]).not.toBe(texts[1]);
    expect(texts[1]).not.toBe(texts[2]);
    // Redone, it is the merged workbook again (but for when it last changed).
    const sansLastChange = (text: string) => text.replace(/"lastChangeAt": "[^"]*"/, '');
    expect(sansLastChange(texts[1]!)).toBe(sansLastChange(texts[3]!));
    // The CLI answers the same: between the merge and its undo, what the merge carried, with no gap.
    hq.close();
    open.splice(open.indexOf(hq), 1);
    const asOf = async (point: Checkpoint) => {
      const run = await cli(['report', hq.path, '--as-of', `#${point.entryId}`, '--json']);
      expect(run.code, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as Report & { asOf: AsOfInfo };
    };
    const [before, merged2] = [await asOf(checkpoints[0]!), await asOf(checkpoints[1]!)];
    expect(merged2.asOf.gaps).toEqual([]);
    expect(merged2.workbook).toMatchObject({ organisation: 'Acme Finance', reviewPeriodDays: 30, defaultModelId: 'acme-fin' });
    expect(merged2.models.map((m) => m.id)).toContain('acme-fin');
    // Alice's sign-off of vm-1 came with the merge: then vm-1 is signed off and the others are not
    // (HQ's severity: warning); before it, no sign-off existed, so none is asked for.
    const unsigned = (report: Report) => report.findings.filter((f) => f.code === 'NOT_SIGNED_OFF').map((f) => [f.asset, f.severity]);
    expect(unsigned(merged2)).toEqual(['vm-2', 'vm-3', 'vm-4', 'vm-5', 'vm-6'].map((name) => [name, 'warning']));
    expect(unsigned(before)).toEqual([]);
    expect(before.workbook).toMatchObject({ organisation: 'Acme', reviewPeriodDays: 365 });
    expect(before.models.map((m) => m.id)).not.toContain('acme-fin');
  });

  it('puts back the assets an undo of a merge took out, between the merge and its undo, and brings them back with its redo', async () => {
    const { hq, dir, ids, people } = await seededHq();
    open.push(hq);
    const financePath = fileCopy(hq.path, join(dir, 'finance.demarc'));
    const finance = await laptop(financePath, 'finance', '2026-12-02T09:00:00.000Z');
    await finance.call('import.apply', { paths: [tempFile('more.json', azJson([{ name: 'vm-7', sub: 'finance', rg: 'rg-fin' }, { name: 'vm-8', sub: 'hr', rg: 'rg-hr' }]))] });
    const brought = (await finance.call('assets.list', { filter: { text: 'vm-7' } })).rows[0]!.id;
    await finance.call('assets.update', { filter: { ids: [brought] }, set: { ownerPartyId: people.Bob!, serviceModel: 'iaas' } });
    await finance.call('raci.set', { assetId: brought, layerId: 'applications', roles: { R: [people.Carol!], A: [people.Bob!] } });
    await finance.call('signOffs.add', { scope: { kind: 'asset', assetId: brought }, partyId: people.Bob!, statement: 'Bob confirms vm-7' });
    finance.close();
    const checkpoints: Checkpoint[] = [];
    const keep = keeper(hq, checkpoints);
    keep('before the merge');
    await hq.call('merge.apply', { path: financePath });
    expect((await hq.call('assets.list', { limit: 100 })).rows.map((r) => r.name)).toContain('vm-7');
    keep('merged');
    await hq.call('assets.update', { filter: { ids: [ids['vm-3']!] }, set: { ownerPartyId: people.Carol! } });
    keep('edited after the merge');
    await hq.call('history.undo', {});
    await hq.call('history.undo', {});
    expect((await hq.call('assets.list', { limit: 100 })).rows.map((r) => r.name)).not.toContain('vm-7');
    keep('merge undone');
    await hq.call('history.redo', {});
    expect((await hq.call('assets.list', { limit: 100 })).rows.map((r) => r.name)).toContain('vm-7');
    keep('merge redone');
    await hq.call('assets.update', { filter: { ids: [ids['vm-5']!] }, set: { ownerPartyId: people.Bob! } });
    expectReplays(hq, checkpoints);
    // Between the merge and its undo the brought assets are there, though the file no longer holds them.
    const between = workbookReportAsOf(hq.session.require(), hq.services, `#${checkpoints[1]!.entryId}`);
    expect(reportText(between)).toContain('vm-7');
    // The History view (over the app's loaded state) answers the same, as the merge put the asset.
    const moment = `#${checkpoints[2]!.entryId}`;
    const page = await hq.call('asOf.assets', { moment, limit: 100 });
    const row = page.rows.find((r) => r.name === 'vm-7');
    expect(page.rows.map((r) => r.name)).toEqual(['vm-1', 'vm-2', 'vm-3', 'vm-4', 'vm-5', 'vm-6', 'vm-7', 'vm-8']);
    const detail = await hq.call('asOf.asset', { moment, id: row!.id });
    expect(detail.owner?.name).toBe('Bob');
  });

  it('rewinds a merge that carried a workshop with its decisions and an open action, and its undo', async () => {
    const { hq, dir, people } = await seededHq();
    open.push(hq);
    const financePath = fileCopy(hq.path, join(dir, 'finance.demarc'));
    const finance = await laptop(financePath, 'finance', '2026-12-02T09:00:00.000Z');
    const fw = await finance.call('workshops.start', { title: 'Finance review', heldOn: '2026-12-02', attendees: [people.Alice!, people.Bob!], scope: { subscription: 'finance' } });
    await finance.call('workshops.decide', { id: fw.id, group: 0, layerId: 'network-controls', decision: { kind: 'raci', roles: { A: [people.Bob!] } } });
    await finance.call('workshops.decide', { id: fw.id, group: 0, layerId: 'applications', decision: { kind: 'defer', title: 'Ask the vendor', ownerPartyId: people.Carol!, dueOn: '2027-01-15' } });
    finance.close();
    const checkpoints: Checkpoint[] = [];
    const keep = keeper(hq, checkpoints);
    keep('before the merge');
    await hq.call('merge.apply', { path: financePath });
    expect((await hq.call('workshops.list', {})).map((w) => w.title)).toEqual(['Finance review']);
    keep('merged');
    await hq.call('history.undo', {});
    keep('merge undone');
    await hq.call('assets.update', { filter: {}, set: { ownerPartyId: people.Bob! } });
    expectReplays(hq, checkpoints);
    const merged = reportText(workbookReportAsOf(hq.session.require(), hq.services, `#${checkpoints[1]!.entryId}`));
    expect(merged).toContain('Ask the vendor');
  });
});
