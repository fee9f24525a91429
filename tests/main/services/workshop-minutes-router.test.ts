/**
 * The minutes through the router as the app calls it: a path is written only when the user chose
 * it, the file is the session's one export (it may then be shown in its folder), and minutes wait
 * while another export runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '@main/session';
import { seedAssets, seedParties } from '@tests/helpers/seed';
import { routerOverTempWorkbook } from '@tests/helpers/test-router';

let session: Session | null = null;
afterEach(() => {
  session?.close();
  session = null;
});

describe('workshops.saveMinutes through the router', () => {
  it('writes a chosen path as the session’s export, refuses one not chosen, and waits for a running export', async () => {
    const opened = await routerOverTempWorkbook();
    session = opened.session;
    const { router, dir, files } = opened;
    const wb = session.require();
    const [alice] = seedParties(wb.db, [{ name: 'Alice', kind: 'person' }]) as [number];
    seedAssets(wb.db, [{ name: 'vm1', type: 'Microsoft.Compute/virtualMachines', serviceModel: 'iaas', subscription: 'prod', ownerPartyId: alice }]);
    wb.engine.drop();
    const started = await router.handle('workshops.start', { title: 'Q1 platform review', heldOn: '2026-11-28', attendees: [alice], scope: { subscription: 'prod' } });
    expect(started).toMatchObject({ ok: true, data: { id: 1, groups: 1 } });

    const target = join(dir, 'minutes.html');
    expect(await router.handle('workshops.saveMinutes', { id: 1, format: 'html', path: target })).toMatchObject({ ok: false, error: { code: 'NOT_GRANTED' } });
    expect(existsSync(target)).toBe(false);

    files.grant(target, 'write');
    const running = new AbortController();
    session.running.export = running;
    expect(await router.handle('workshops.saveMinutes', { id: 1, format: 'html', path: target })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('already running') } });
    expect(session.running.export).toBe(running);
    session.running.export = null;

    const saved = await router.handle('workshops.saveMinutes', { id: 1, format: 'html', path: target });
    expect(saved).toMatchObject({ ok: true, data: { path: target, format: 'html', decisions: 0, actions: 0 } });
    expect(readFileSync(target, 'utf8')).toContain('Q1 platform review');
    expect(session.running.export).toBeNull();
    expect(await router.handle('export.showInFolder', { path: target })).toEqual({ ok: true, data: null });
  });
});
