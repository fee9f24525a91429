import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HANDLERS } from '@main/handlers';
import { registerIpc, type IpcMainLike } from '@main/ipc';
import { LocalUserFile } from '@main/local-user';
import { RecentFiles } from '@main/recent-files';
import { createRouter } from '@main/router';
import { TRUSTED_FILES } from '@main/security/file-grants';
import { Session } from '@main/session';
import { INVOKE_CHANNEL } from '@shared/contract';
import { fixedClock, sha256File, tempDir } from '@tests/helpers/temp';

function setup() {
  const dir = tempDir();
  const session = new Session();
  const recent = new RecentFiles(join(dir, 'recent.json'));
  const chosen: (string | null)[] = [];
  const router = createRouter(HANDLERS, {
    services: { clock: fixedClock(), osUser: 'tester', localUser: new LocalUserFile(join(dir, 'user.json')) },
    session,
    recent,
    files: TRUSTED_FILES,
    dialogs: {
      chooseNewWorkbookPath: () => Promise.resolve(chosen.shift() ?? null),
      chooseWorkbookToOpen: () => Promise.resolve(chosen.shift() ?? null),
      chooseImportFiles: () => Promise.resolve([]),
      chooseExportPath: () => Promise.resolve(null),
      chooseModelFile: () => Promise.resolve(null),
      chooseMappingFile: () => Promise.resolve(null),
      chooseExportToVerify: () => Promise.resolve(null),
      chooseCaiqWorkbook: () => Promise.resolve(null)
    },
    shell: { showItemInFolder: () => undefined, workbookChanged: () => undefined },
    emit: () => undefined
  });
  return { dir, session, recent, router, chosen };
}

describe('router', () => {
  it('creates, reports and reopens a workbook', async () => {
    const { dir, router, session } = setup();
    const path = join(dir, 'acme.demarc');
    const created = await router.handle('workbook.create', { path, organisation: 'Acme' });
    expect(created).toMatchObject({ ok: true, data: { name: 'acme', organisation: 'Acme', counts: { parties: 1, changes: 1 } } });
    await router.handle('workbook.close', {});
    expect(session.workbook).toBeNull();
    const reopened = await router.handle('workbook.open', { path });
    expect(reopened).toMatchObject({ ok: true, data: { path, organisation: 'Acme' } });
    expect(await router.handle('workbook.recent', {})).toMatchObject({ ok: true, data: [{ path, name: 'acme', exists: true }] });
    session.close();
  });

  it('appends .demarc to a new workbook’s name', async () => {
    const { dir, router, session } = setup();
    const result = await router.handle('workbook.create', { path: join(dir, 'plain') });
    expect(result).toMatchObject({ ok: true, data: { path: join(dir, 'plain.demarc') } });
    session.close();
  });

  it('returns null when the user cancels the native dialog', async () => {
    const { router } = setup();
    expect(await router.handle('workbook.open', {})).toEqual({ ok: true, data: null });
    expect(await router.handle('workbook.create', {})).toEqual({ ok: true, data: null });
  });

  it('rejects unknown methods and invalid payloads with clear errors, writing nothing', async () => {
    const { dir, router, session } = setup();
    const path = join(dir, 'acme.demarc');
    await router.handle('workbook.create', { path });
    const before = await router.handle('workbook.current', {});
    expect(await router.handle('workbook.delete', {})).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', message: 'Unknown method: "workbook.delete"' } });
    expect(await router.handle('workbook.open', { path: 42 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('Invalid arguments for workbook.open: path:') }
    });
    expect(await router.handle('workbook.open', { path: 'x', extra: true })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await router.handle('settings.update', { reviewPeriodDays: -3 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('reviewPeriodDays') }
    });
    expect(await router.handle('settings.update', { organisation: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const after = await router.handle('workbook.current', {});
    expect(after).toEqual(before);
    session.close();
  });

  it('keeps the open workbook when another file is refused', async () => {
    const { dir, router, session } = setup();
    const path = join(dir, 'acme.demarc');
    await router.handle('workbook.create', { path });
    const bad = join(dir, 'bad.demarc');
    (await import('node:fs')).writeFileSync(bad, 'not sqlite');
    const hash = sha256File(bad);
    expect(await router.handle('workbook.open', { path: bad })).toMatchObject({ ok: false, error: { code: 'NOT_A_SQLITE_FILE' } });
    expect(sha256File(bad)).toBe(hash);
    expect(session.workbook?.path).toBe(path);
    session.close();
  });

  it('updates settings with one change-log entry naming who and what (the user name is this machine’s, not logged)', async () => {
    const { dir, router, session } = setup();
    await router.handle('workbook.create', { path: join(dir, 'a.demarc'), organisation: 'Acme' });
    const updated = await router.handle('settings.update', { userName: 'Alice Auditor', reviewPeriodDays: 180 });
    expect(updated).toMatchObject({ ok: true, data: { userName: 'Alice Auditor', reviewPeriodDays: 180 } });
    const log = await router.handle('changes.list', { entity: 'workbook' });
    expect(log.ok && log.data).toMatchObject([
      { action: 'workbook.create', actor: 'tester', summary: 'Created workbook for Acme with model microsoft-2026-01' },
      { action: 'settings.update', actor: 'Alice Auditor', summary: 'Settings: review period → 180 days', before: { reviewPeriodDays: 365 }, after: { reviewPeriodDays: 180 } }
    ]);
    await router.handle('settings.update', { organisation: 'Acme Europe' });
    const latest = await router.handle('changes.list', { limit: 1 });
    expect(latest.ok && latest.data).toHaveLength(1);
    const all = await router.handle('changes.list', {});
    expect(all.ok && (all.data as { actor: string }[]).at(-1)).toMatchObject({ actor: 'Alice Auditor' });
    expect(await router.handle('workbook.close', {})).toEqual({ ok: true, data: null });
    expect(await router.handle('settings.update', { userName: 'x' })).toMatchObject({ ok: false, error: { code: 'NO_WORKBOOK' } });
    session.close();
  });

  it('is reached through registerIpc on an IpcMainLike, refusing untrusted senders', async () => {
    const { dir, router, session } = setup();
    const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
    const ipcMain: IpcMainLike = { handle: (c, l) => handlers.set(c, l), removeHandler: (c) => handlers.delete(c) };
    const unbind = registerIpc(ipcMain, router, (event) => (event as { trusted?: boolean }).trusted === true);
    const handler = handlers.get(INVOKE_CHANNEL)!;
    expect(await handler({ trusted: true }, 'workbook.create', { path: join(dir, 'ipc.demarc') })).toMatchObject({ ok: true });
    expect(await handler({ trusted: false }, 'workbook.current', {})).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    unbind();
    expect(handlers.size).toBe(0);
    session.close();
  });
});
