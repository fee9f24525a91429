/**
 * The workbook as it was (`report --as-of`, `check --as-of`, the History view's state) equals a
 * replay: the workbook file is copied at each moment, more edits of every kind follow through the
 * services, and the report as of each moment of the edited workbook is byte for byte the report of
 * that moment's copy. What the log cannot undo is named; a broken chain, a moment before the
 * workbook or in the future are refused.
 */
import Database from 'better-sqlite3';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { reportText } from '@tests/helpers/as-of-report';
import { applyImport } from '@main/import/import-service';
import { updateAssets } from '@main/services/asset-update';
import { workbookAsOf } from '@main/services/as-of';
import { asOfFindingPages, asOfPages } from '@main/services/as-of-pages';
import { FINDING_ASSET_FIELDS, type EngineInput } from '@core/engine-input';
import { findingDigest, findingDigestOf } from '@main/services/findings-digest';
import { workbookReportAsOf } from '@main/services/as-of-report';
import type { OpenWorkbook, ServiceContext } from '@main/services/context';
import { redo, undo } from '@main/services/history';
import { setDefaultModel } from '@main/services/model-default';
import { setNote } from '@main/services/notes';
import { clearOverride, setOverride } from '@main/services/overrides';
import { addParty, leaveParty, reassignParty } from '@main/services/parties';
import { setRaci } from '@main/services/raci-assign';
import { setRaciMany } from '@main/services/raci-bulk';
import { workbookReport } from '@main/services/report';
import { addSignOff } from '@main/services/sign-offs';
import { closeWorkbook, createWorkbook, openWorkbook, updateSettings } from '@main/services/workbook-service';
import { listChanges } from '@main/store/repos/change-log';
import type { MethodResult } from '@shared/contract';
import { azJson } from '@tests/helpers/import-fixture';
import { editEntry } from '@tests/helpers/change-log-tamper';
import { cli } from '@tests/helpers/run-cli';
import { fixedClock, tempDir } from '@tests/helpers/temp';
import { routerOverTempWorkbook } from '@tests/helpers/test-router';

const open: OpenWorkbook[] = [];
afterEach(() => {
  for (const wb of open.splice(0)) closeWorkbook(wb);
});

interface Checkpoint {
  label: string;
  entryId: number;
  at: string;
  copy: string;
}

/** A workbook edited through the services with a copy of its file kept after each kind of edit. */
async function editedWithCopies() {
  const dir = tempDir();
  const ctx: ServiceContext = { clock: fixedClock('2026-03-02T09:00:00.000Z'), osUser: 'tester' };
  const wb = createWorkbook(ctx, { path: join(dir, 'acme.demarc'), organisation: 'Acme' });
  open.push(wb);
  const file = (name: string, body: string) => {
    const path = join(dir, name);
    writeFileSync(path, body);
    return path;
  };
  const checkpoints: Checkpoint[] = [];
  const keep = (label: string) => {
    const last = listChanges(wb.db, { newestFirst: true, limit: 1 })[0]!;
    // The copy keeps the workbook's file name (the report names the workbook by it).
    const copyDir = tempDir();
    const copy = join(copyDir, 'acme.demarc');
    wb.db.exec(`VACUUM INTO '${copy}'`);
    checkpoints.push({ label, entryId: last.id, at: last.at, copy });
  };
  const vms = ['vm-web-01', 'vm-web-02', 'vm-db-01', 'vm-db-02'].map((name) => ({ name }));
  await applyImport(wb, ctx, { paths: [file('q1.json', azJson(vms))] });
  const alice = addParty(wb, ctx, { name: 'Alice Martin', kind: 'person' });
  const platform = addParty(wb, ctx, { name: 'Platform team', kind: 'team' });
  const bob = addParty(wb, ctx, { name: 'Bob Chen', kind: 'person' });
  const ids = wb.engine.state(ctx).input.assets.map((a) => a.id);
  const [web1, web2, db1, db2] = ids as [number, number, number, number];
  updateAssets(wb, ctx, { filter: { ids }, set: { ownerPartyId: alice.id } });
  setRaci(wb, ctx, { assetId: web1, layerId: 'operating-system', roles: { R: [platform.id] } });
  setOverride(wb, ctx, { assetId: web2, layerId: 'network-controls', responsibility: 'shared', justification: 'own firewall' });
  setNote(wb, ctx, { assetId: db1, layerId: 'operating-system', note: 'patched monthly' });
  addSignOff(wb, ctx, { scope: { kind: 'asset', assetId: web1 }, partyId: alice.id, statement: 'I confirm the RACI of these layers' });
  keep('start');

  setRaci(wb, ctx, { assetId: web1, layerId: 'operating-system', roles: { R: [bob.id], A: [platform.id] } });
  keep('raci');
  setOverride(wb, ctx, { assetId: db2, layerId: 'network-controls', responsibility: 'shared', justification: 'vnet is shared' });
  clearOverride(wb, ctx, { assetId: web2, layerId: 'network-controls' });
  keep('override');
  updateAssets(wb, ctx, { filter: { ids: [web1, db1] }, set: { ownerPartyId: bob.id } });
  keep('owner');
  updateAssets(wb, ctx, { filter: { ids: [db1, db2] }, set: { serviceModel: 'paas' } });
  keep('service model');
  setNote(wb, ctx, { assetId: db1, layerId: 'operating-system', note: 'patched weekly' });
  setNote(wb, ctx, { assetId: web2, layerId: 'customer-data', note: 'holds PII' });
  keep('note');
  addSignOff(wb, ctx, { scope: { kind: 'layer', assetId: db2, layerId: 'network-controls' }, partyId: bob.id, statement: 'ok' });
  keep('sign-off');
  await applyImport(wb, ctx, { paths: [file('q2.json', azJson([...vms, { name: 'vm-app-01' }, { name: 'vm-app-02' }]))] });
  keep('import run');
  setRaciMany(wb, ctx, { filter: { ids: [web2, db2] }, layerId: 'applications', roles: { A: [bob.id] } });
  updateSettings(wb, ctx, { organisation: 'Acme (audit 2026)', reviewPeriodDays: 90 });
  keep('bulk RACI and settings');
  const carol = addParty(wb, ctx, { name: 'Carol Diaz', kind: 'person' });
  reassignParty(wb, ctx, { fromId: bob.id, toId: carol.id });
  leaveParty(wb, ctx, { id: bob.id, leftAt: '2026-03-02' });
  keep('parties');
  setRaci(wb, ctx, { assetId: db1, layerId: 'identities-and-users', roles: { C: [platform.id] } });
  undo(wb, ctx);
  keep('undo');
  setRaci(wb, ctx, { assetId: web1, layerId: 'applications', roles: { I: [carol.id] } });
  return { wb, ctx, checkpoints, dir, file, web1, db1 };
}

describe('as-of equals a replay', () => {
  it('reports each moment of the edited workbook exactly as the copy kept at that moment', async () => {
    const { wb, ctx, checkpoints } = await editedWithCopies();
    expect(checkpoints.map((c) => c.label)).toEqual(['start', 'raci', 'override', 'owner', 'service model', 'note', 'sign-off', 'import run', 'bulk RACI and settings', 'parties', 'undo']);
    for (const point of checkpoints) {
      const asOf = workbookReportAsOf(wb, ctx, `#${point.entryId}`);
      expect(asOf.head.asOf?.gaps, point.label).toEqual([]);
      const copy = openWorkbook(ctx, point.copy);
      open.push(copy);
      const replay = workbookReport(copy, { ...ctx, clock: () => point.at });
      expect(reportText(asOf), `as of ${point.label} (#${point.entryId})`).toBe(reportText(replay));
      closeWorkbook(open.pop()!);
    }
    // Each moment differs from the next: the test compares states that changed.
    const texts = checkpoints.map((p) => reportText(workbookReportAsOf(wb, ctx, `#${p.entryId}`)));
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('checks each moment as the copy kept then is checked, reading only the fields the findings read', async () => {
    const { wb, ctx, checkpoints } = await editedWithCopies();
    for (const point of checkpoints) {
      const then = asOfFindingPages(wb, ctx, `#${point.entryId}`, 2);
      // Only the findings' fields are read: a field outside them (the ARM id) is not in the pages.
      const first = [...then.pages()][0]!.assets[0]!;
      expect(Object.keys(first).sort(), point.label).toEqual([...FINDING_ASSET_FIELDS].sort());
      const digest = findingDigestOf(then.pages, 1000);
      expect(digest, point.label).toEqual(findingDigestOf(asOfPages(wb, ctx, `#${point.entryId}`).pages, 1000));
      const copy = openWorkbook(ctx, point.copy);
      open.push(copy);
      expect(digest, `as of ${point.label} (#${point.entryId})`).toEqual(findingDigest(copy, { ...ctx, clock: () => point.at }, 1000));
      closeWorkbook(open.pop()!);
    }
  });

  it('reads the same across pages: each asset its own page, or two to a page, rewound on its own', async () => {
    const { wb, ctx, checkpoints } = await editedWithCopies();
    for (const point of checkpoints) {
      const whole = reportText(workbookReportAsOf(wb, ctx, `#${point.entryId}`));
      for (const pageSize of [1, 2]) expect(reportText(workbookReportAsOf(wb, ctx, `#${point.entryId}`, pageSize)), `${point.label}, ${pageSize} a page`).toBe(whole);
    }
    // The History view's state is built the same way from the pages of the loaded state: the same rows as the file's as-of pages.
    const rows = (input: Pick<EngineInput, 'assets' | 'overrides' | 'assignments' | 'notes' | 'parties' | 'settings'>) =>
      JSON.stringify([input.assets, input.overrides, input.assignments, input.notes ?? [], input.parties, input.settings].map((list) => (Array.isArray(list) ? [...list].map((r) => JSON.stringify(r)).sort() : list)));
    for (const point of checkpoints) {
      const state = workbookAsOf(wb, ctx, `#${point.entryId}`).state.input;
      const then = asOfPages(wb, ctx, `#${point.entryId}`, 2);
      const pages = [...then.pages()];
      const fromFile = { settings: then.settings, parties: then.parties, assets: pages.flatMap((p) => p.assets), overrides: pages.flatMap((p) => p.overrides), assignments: pages.flatMap((p) => p.assignments), notes: pages.flatMap((p) => p.notes ?? []) };
      expect(rows(state), point.label).toBe(rows(fromFile));
    }
  });

  it('answers a date, an instant and an entry; says what it stands on', async () => {
    const { wb, ctx, checkpoints } = await editedWithCopies();
    const point = checkpoints.find((c) => c.label === 'owner')!;
    const byEntry = workbookAsOf(wb, ctx, `#${point.entryId}`).info;
    expect(byEntry.entry.id).toBe(point.entryId);
    expect(byEntry.undone).toBe(listChanges(wb.db, { afterId: point.entryId }).length);
    expect(byEntry.chainHead).toMatch(/^#\d+ sha256:[0-9a-f]{64}$/);
    const byInstant = workbookAsOf(wb, ctx, point.at).info;
    expect(byInstant.entry.id).toBe(point.entryId);
    expect(reportText(workbookReportAsOf(wb, ctx, point.at))).toBe(reportText(workbookReportAsOf(wb, ctx, `#${point.entryId}`)));
    // A day: its end (or now, when the day is today), everything written that day (all of it here).
    const byDay = workbookAsOf(wb, ctx, '2026-03-02').info;
    expect(byDay.undone).toBe(0);
    expect(byDay.at.slice(0, 10)).toBe('2026-03-02');
  });

  it('names what the log cannot undo: an import that updated assets, shown as it is now', async () => {
    const { wb, ctx, checkpoints, file } = await editedWithCopies();
    const before = checkpoints.at(-1)!;
    await applyImport(wb, ctx, { paths: [file('q3.json', azJson([{ name: 'vm-web-01', tags: { env: 'prod' } }]))] });
    const info = workbookAsOf(wb, ctx, `#${before.entryId}`).info;
    const importEntry = listChanges(wb.db, { action: 'import.apply', newestFirst: true, limit: 1 })[0]!;
    expect(info.gaps).toEqual([expect.objectContaining({ entryId: importEntry.id, action: 'import.apply', reason: expect.stringContaining('1 asset(s) it updated') as unknown })]);
    const asset = workbookAsOf(wb, ctx, `#${before.entryId}`).state.input.assets.find((a) => a.name === 'vm-web-01')!;
    expect(asset.tags).toEqual({ env: 'prod' });
  });

  it('leaves the live state alone and answers again after a write', async () => {
    const { wb, ctx, checkpoints, web1 } = await editedWithCopies();
    const start = checkpoints[0]!;
    const owner = () => wb.engine.state(ctx).assetById.get(web1)!.ownerPartyId;
    const now = owner();
    const asOf = workbookAsOf(wb, ctx, `#${start.entryId}`);
    expect(asOf.state.assetById.get(web1)!.ownerPartyId).not.toBe(now);
    expect(owner()).toBe(now);
    expect(workbookAsOf(wb, ctx, `#${start.entryId}`)).toBe(asOf);
    updateAssets(wb, ctx, { filter: { ids: [web1] }, set: { reviewed: true } });
    expect(workbookAsOf(wb, ctx, `#${start.entryId}`)).not.toBe(asOf);
  });
});

describe('as-of across a change of model and a redo', () => {
  it('undoes the default model, its moved rows and a redone edit; names the service-model columns it cannot', async () => {
    const { wb, ctx, checkpoints, web1 } = await editedWithCopies();
    const before = checkpoints.at(-1)!;
    // The last edit (I on Applications of vm-web-01) undone and redone, then the default model changed.
    undo(wb, ctx);
    redo(wb, ctx);
    setDefaultModel(wb, ctx, 'microsoft-classic-2023');
    const { info, state } = workbookAsOf(wb, ctx, `#${before.entryId}`);
    expect(state.input.settings.defaultModelId).toBe('microsoft-2026-01');
    expect(state.assignmentsByAsset.get(web1)?.some((a) => a.layerId === 'applications' && a.role === 'I')).toBe(false);
    expect(wb.engine.state(ctx).assignmentsByAsset.get(web1)?.some((a) => a.layerId === 'applications' && a.role === 'I')).toBe(true);
    expect(info.gaps.map((g) => g.action)).toEqual(['models.setDefault']);
    expect(info.gaps[0]!.reason).toContain('those earlier service models are not in the log');
    // Everything but the columns the model change mapped is as it was: the report equals the copy's.
    const copy = openWorkbook(ctx, before.copy);
    open.push(copy);
    const replay = workbookReport(copy, { ...ctx, clock: () => before.at });
    expect(reportText(workbookReportAsOf(wb, ctx, `#${before.entryId}`))).toBe(reportText(replay));
  });
});

describe('as-of refusals', () => {
  it('refuses a moment before the workbook existed, in the future, and an unknown entry', async () => {
    const { wb, ctx } = await editedWithCopies();
    expect(() => workbookAsOf(wb, ctx, '2025-12-31')).toThrow(/did not exist yet at 2025-12-31: its change log begins at 2026-03-02T09:00:00.000Z \(#1/);
    expect(() => workbookAsOf(wb, ctx, '2030-01-01')).toThrow(/2030-01-01 is in the future/);
    expect(() => workbookAsOf(wb, ctx, '#9999')).toThrow(/no entry #9999 \(its entries are #1–#\d+\)/);
  });

  it('refuses to answer from a change log edited with sqlite3, naming the entry', async () => {
    const { wb, checkpoints } = await editedWithCopies();
    const path = wb.path;
    closeWorkbook(open.pop()!);
    const raw = new Database(path);
    editEntry(raw, 5, { actor: 'mallory' });
    raw.close();
    const run = await cli(['report', path, '--as-of', `#${checkpoints[0]!.entryId}`, '--json']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/hash chain is broken at entry #5 \(edited\).*cannot be rebuilt from a log that was altered/);
  });
});

describe('demarc report / check --as-of', () => {
  it('prints the report as it was, with what it stands on, and the findings then', async () => {
    const { wb, checkpoints } = await editedWithCopies();
    const path = wb.path;
    closeWorkbook(open.pop()!);
    const point = checkpoints.find((c) => c.label === 'start')!;
    const json = await cli(['report', path, '--as-of', `#${point.entryId}`, '--json']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as { asOf: { entry: { id: number }; gaps: unknown[] }; assets: { name: string; owner: string | null }[] };
    expect(report.asOf.entry.id).toBe(point.entryId);
    expect(report.assets.map((a) => [a.name, a.owner])).toEqual([
      ['vm-web-01', 'Alice Martin'],
      ['vm-web-02', 'Alice Martin'],
      ['vm-db-01', 'Alice Martin'],
      ['vm-db-02', 'Alice Martin']
    ]);
    const text = await cli(['report', path, '--as-of', point.at]);
    expect(text.stdout).toMatch(new RegExp(`^As of ${point.at}.*just after entry #${point.entryId}`));
    expect(text.stdout).toContain('nothing is shown as it is now');
    const check = await cli(['check', path, '--as-of', `#${point.entryId}`, '--json']);
    const now = await cli(['check', path, '--json']);
    expect(JSON.parse(check.stdout)).toMatchObject({ asOf: { entry: { id: point.entryId } } });
    expect(check.stdout).not.toBe(now.stdout);
    const bad = await cli(['report', path, '--as-of', 'last tuesday']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--as-of "last tuesday": give a date/);
  });
});

describe('asOf.* through the router (the History view)', () => {
  it('answers the summary, a page of assets and an asset as they were; refuses a moment that is none', async () => {
    const { router } = await routerOverTempWorkbook();
    const party = (await router.handle('parties.add', { name: 'Alice Martin', kind: 'person' })) as MethodResult<'parties.add'>;
    if (!party.ok) throw new Error(party.error.message);
    const then = (await router.handle('changes.list', { newestFirst: true, limit: 1 })) as MethodResult<'changes.list'>;
    if (!then.ok) throw new Error(then.error.message);
    await router.handle('parties.update', { id: party.data.id, name: 'Alice Martin-Lee' });
    const moment = `#${then.data[0]!.id}`;
    const summary = await router.handle('asOf.summary', { moment });
    expect(summary).toMatchObject({ ok: true, data: { info: { requested: moment, undone: 1, gaps: [] }, assets: 0 } });
    const page = await router.handle('asOf.assets', { moment });
    expect(page).toMatchObject({ ok: true, data: { total: 0, rows: [] } });
    const missing = await router.handle('asOf.asset', { moment, id: 4 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'No asset has id 4.' } });
    const bad = await router.handle('asOf.summary', { moment: 'yesterday' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(bad.ok ? '' : bad.error.message).toMatch(/moment: as-of: a date \(YYYY-MM-DD\)/);
  });
});

describe('as-of on a round-1 workbook (migrated when opened)', () => {
  it('rebuilds its early moments from the old log and names the import it cannot undo', () => {
    const path = join(tempDir(), 'round-1.demarc');
    copyFileSync(new URL('../../fixtures/workbooks/round-1.demarc', import.meta.url), path);
    const ctx: ServiceContext = { clock: fixedClock('2026-12-07T09:00:00.000Z'), osUser: 'tester' };
    const wb = openWorkbook(ctx, path);
    open.push(wb);
    const owners = (moment: string) => {
      const { state, info } = workbookAsOf(wb, ctx, moment);
      const nameOf = (id: number | null) => (id === null ? null : (state.partyById.get(id)?.name ?? null));
      return { info, count: state.input.assets.length, first: nameOf(state.assetById.get(1)?.ownerPartyId ?? null), parties: state.input.parties.length };
    };
    // #3: the two imports done, only the provider party the workbook was created with; #11: owners set, before the third import (20 new assets, 2 flagged not seen).
    const early = owners('#3');
    expect(early).toMatchObject({ count: 92, first: null, parties: 1 });
    const later = owners('#11');
    expect(later).toMatchObject({ count: 92, first: 'Platform Team', parties: 6 });
    expect(later.info.gaps.map((g) => [g.entryId, g.action])).toEqual([[12, 'import.apply']]);
    expect(later.info.gaps[0]!.reason).toContain('the 2 "not seen" flag(s) it set are shown as they are now');
    expect(workbookAsOf(wb, ctx, '#19').info.gaps).toEqual([]);
  });
});
