/**
 * export.run / export.cancel / export.showInFolder through the router (the one road), on a
 * workbook built from a real inventory fixture: dialog, progress, cancel, refusals, no change-log
 * entry, repeatable content.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HANDLERS } from '@main/handlers';
import { NO_RECENT_FILES } from '@main/recent-files';
import { createRouter } from '@main/router';
import { TRUSTED_FILES } from '@main/security/file-grants';
import { workbookReport } from '@main/services/report';
import { wholeReport } from '@tests/helpers/whole-report';
import { Session } from '@main/session';
import type { ExportResult } from '@shared/contract/export';
import type { ProgressEvent } from '@shared/contract';
import type { Result } from '@shared/errors';
import { seedAssets } from '@tests/helpers/seed';
import { tempDir } from '@tests/helpers/temp';
import { createTestWorkbook } from '@tests/helpers/workbook';
import { readWorkbook, snapshot } from '@tests/helpers/read-back';
import { seedExportWorkbook } from '@tests/helpers/export-seed';

async function setup(options: { extraAssets?: number } = {}) {
  const t = createTestWorkbook({ organisation: 'Northwind' });
  // Bulk assets first: the engine services cache the workbook's state once they have read it.
  if (options.extraAssets) {
    seedAssets(
      t.wb.db,
      Array.from({ length: options.extraAssets }, (_, i) => ({ name: `bulk-${i}`, serviceModel: i % 2 ? 'iaas' : 'paas', type: 'Microsoft.Compute/virtualMachines' }))
    );
  }
  await seedExportWorkbook(t.wb, t.ctx);
  const session = new Session();
  session.replace(t.wb);
  const exportPaths: (string | null)[] = [];
  const shown: string[] = [];
  const progress: ProgressEvent[] = [];
  const suggested: string[] = [];
  let onProgress: (event: ProgressEvent) => void = () => undefined;
  const router = createRouter(HANDLERS, {
    services: t.ctx,
    session,
    recent: NO_RECENT_FILES,
    files: TRUSTED_FILES,
    dialogs: {
      chooseNewWorkbookPath: () => Promise.resolve(null),
      chooseWorkbookToOpen: () => Promise.resolve(null),
      chooseImportFiles: () => Promise.resolve([]),
      chooseExportPath: (name, format) => {
        suggested.push(`${name}.${format}`);
        return Promise.resolve(exportPaths.shift() ?? null);
      },
      chooseModelFile: () => Promise.resolve(null),
      chooseMappingFile: () => Promise.resolve(null),
      chooseExportToVerify: () => Promise.resolve(null),
      chooseCaiqWorkbook: () => Promise.resolve(null)
    },
    shell: { showItemInFolder: (path) => shown.push(path), workbookChanged: () => undefined },
    emit: (event, payload) => {
      if (event !== 'progress') return;
      progress.push(payload as ProgressEvent);
      onProgress(payload as ProgressEvent);
    }
  });
  const changes = () => (t.wb.db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
  return {
    ...t,
    session,
    router,
    exportPaths,
    shown,
    progress,
    suggested,
    changes,
    setOnProgress: (fn: (event: ProgressEvent) => void) => (onProgress = fn),
    done: () => session.close()
  };
}

function data<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data as T;
}

describe('export.run', () => {
  it('asks with the save dialog, answers null when it is cancelled, and writes no change-log entry', async () => {
    const s = await setup();
    const before = s.changes();
    expect(data(await s.router.handle('export.run', { format: 'xlsx' }))).toBeNull();
    expect(s.suggested).toEqual(['test RACI.xlsx']);

    const dir = tempDir();
    s.exportPaths.push(join(dir, 'audit.xlsx'));
    const result = data<ExportResult>(await s.router.handle('export.run', { format: 'xlsx' }));
    expect(result).toMatchObject({ path: join(dir, 'audit.xlsx'), format: 'xlsx', sheets: ['Cover', 'Responsibility model', 'Matrix', 'RACI', 'By party', 'Findings', 'Sign-offs', 'Change log', 'Demarc', 'Lists'] });
    const report = wholeReport(workbookReport(s.wb, s.ctx));
    const raciRows = report.assets.reduce((n, a) => n + a.layers.length, 0);
    expect(result.rows).toBeGreaterThan(raciRows);
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result.exportedAt).toBe(report.workbook.lastChangeAt);
    expect(existsSync(result.path)).toBe(true);
    expect(s.changes()).toBe(before);
    // Progress: preparing, then writing with totals, then done; all tagged 'export'.
    expect(s.progress[0]).toEqual({ operation: 'export', phase: 'preparing', done: 0, total: null });
    expect(s.progress.at(-1)).toEqual({ operation: 'export', phase: 'done', done: result.rows, total: result.rows });
    const writing = s.progress.filter((p) => p.phase === 'writing');
    expect(writing.length).toBeGreaterThan(0);
    expect(writing.at(-1)).toMatchObject({ done: result.rows, total: result.rows });
    s.done();
  });

  it('gives the same content twice for an unchanged workbook; --now moves only the export time', async () => {
    const s = await setup();
    const dir = tempDir();
    const a = data<ExportResult>(await s.router.handle('export.run', { format: 'xlsx', path: join(dir, 'a.xlsx') }));
    const b = data<ExportResult>(await s.router.handle('export.run', { format: 'xlsx', path: join(dir, 'b.xlsx'), exportedAt: 'last-change' }));
    expect(b.sha256).toBe(a.sha256);
    expect(snapshot(await readWorkbook(b.path))).toEqual(snapshot(await readWorkbook(a.path)));
    const now = data<ExportResult>(await s.router.handle('export.run', { format: 'xlsx', path: join(dir, 'now.xlsx'), exportedAt: 'now' }));
    expect(now.sha256).toBe(a.sha256);
    expect(now.exportedAt).not.toBe(a.exportedAt);
    const nowBook = await readWorkbook(now.path);
    expect(nowBook.created?.toISOString()).toBe(now.exportedAt);
    s.done();
  });

  it('appends the extension when there is none, and refuses wrong extensions, missing folders and the workbook itself', async () => {
    const s = await setup();
    const dir = tempDir();
    const csv = data<ExportResult>(await s.router.handle('export.run', { format: 'csv', path: join(dir, 'raci') }));
    expect(csv).toMatchObject({ path: join(dir, 'raci.csv'), format: 'csv', sheets: ['RACI'] });
    const refusals: [unknown, string, RegExp][] = [
      [{ format: 'xlsx', path: join(dir, 'raci.csv') }, 'INVALID_INPUT', /ends in \.csv: an xlsx export must end in \.xlsx/],
      [{ format: 'csv', path: join(dir, 'missing', 'raci.csv') }, 'NOT_FOUND', /the folder .*missing does not exist/],
      [{ format: 'xlsx', path: s.path.replace(/\.demarc$/, '.xlsx').replace('.xlsx', '.demarc') }, 'INVALID_INPUT', /ends in \.demarc/],
      [{ format: 'pdf', path: join(dir, 'x.pdf') }, 'INVALID_INPUT', /format/],
      [{ format: 'xlsx', path: join(dir, 'x.xlsx'), extra: 1 }, 'INVALID_INPUT', /extra/]
    ];
    mkdirSync(join(dir, 'folder.xlsx'));
    refusals.push([{ format: 'xlsx', path: join(dir, 'folder.xlsx') }, 'INVALID_INPUT', /it is a folder/]);
    for (const [args, code, message] of refusals) {
      const result = await s.router.handle('export.run', args);
      expect(result.ok, JSON.stringify(args)).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe(code);
        expect(result.error.message).toMatch(message);
      }
    }
    expect(readdirSync(dir).sort()).toEqual(['folder.xlsx', 'raci.csv']);
    s.done();
  });

  it('needs an open workbook', async () => {
    const s = await setup();
    s.session.close();
    const result = await s.router.handle('export.run', { format: 'xlsx', path: join(tempDir(), 'x.xlsx') });
    expect(result).toMatchObject({ ok: false, error: { code: 'NO_WORKBOOK' } });
  });
});

describe('export.cancel', () => {
  for (const format of ['xlsx', 'csv'] as const) {
    it(`stops a running ${format} export and leaves no file and no temp file`, async () => {
      const s = await setup({ extraAssets: 3000 });
      const dir = tempDir();
      let cancelled: Promise<Result<unknown>> | null = null;
      s.setOnProgress((event) => {
        if (event.phase === 'writing' && cancelled === null) cancelled = s.router.handle('export.cancel', {});
      });
      const result = await s.router.handle('export.run', { format, path: join(dir, `raci.${format}`) });
      expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: 'Export cancelled: no file was written.' } });
      expect(cancelled).not.toBeNull();
      expect(data(await cancelled!)).toEqual({ cancelled: true });
      expect(readdirSync(dir)).toEqual([]);
      // Nothing running any more; a new export works.
      expect(data(await s.router.handle('export.cancel', {}))).toEqual({ cancelled: false });
      s.setOnProgress(() => undefined);
      const again = data<ExportResult>(await s.router.handle('export.run', { format, path: join(dir, `raci.${format}`) }));
      expect(readdirSync(dir)).toEqual([`raci.${format}`]);
      expect(again.rows).toBeGreaterThan(30000);
      s.done();
    });
  }

  it('keeps an existing file untouched when the export replacing it is cancelled', async () => {
    const s = await setup({ extraAssets: 3000 });
    const dir = tempDir();
    const path = join(dir, 'raci.xlsx');
    const first = data<ExportResult>(await s.router.handle('export.run', { format: 'xlsx', path }));
    let cancelled = false;
    s.setOnProgress((event) => {
      if (event.phase === 'writing' && !cancelled) {
        cancelled = true;
        void s.router.handle('export.cancel', {});
      }
    });
    const result = await s.router.handle('export.run', { format: 'xlsx', path, exportedAt: 'now' });
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(readdirSync(dir)).toEqual(['raci.xlsx']);
    const { sha256File } = await import('@tests/helpers/temp');
    expect(sha256File(path)).toBe(first.fileSha256);
    s.done();
  });
});

describe('export.showInFolder', () => {
  it('shows files this session exported, and nothing else', async () => {
    const s = await setup();
    const dir = tempDir();
    const result = data<ExportResult>(await s.router.handle('export.run', { format: 'csv', path: join(dir, 'raci.csv') }));
    expect(data(await s.router.handle('export.showInFolder', { path: result.path }))).toBeNull();
    expect(s.shown).toEqual([result.path]);
    const other = await s.router.handle('export.showInFolder', { path: s.path });
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(s.shown).toEqual([result.path]);
    s.done();
  });
});
