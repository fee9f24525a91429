import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HANDLERS } from '@main/handlers';
import { NO_RECENT_FILES } from '@main/recent-files';
import { createRouter } from '@main/router';
import { TRUSTED_FILES } from '@main/security/file-grants';
import { Session } from '@main/session';
import { fixedClock, tempDir } from '@tests/helpers/temp';
import { seedAssets, seedParties } from '@tests/helpers/seed';

async function setup() {
  const session = new Session();
  const router = createRouter(HANDLERS, {
    services: { clock: fixedClock(), osUser: 'tester' },
    session,
    recent: NO_RECENT_FILES,
    files: TRUSTED_FILES,
    dialogs: {
      chooseNewWorkbookPath: () => Promise.resolve(null),
      chooseWorkbookToOpen: () => Promise.resolve(null),
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
  await router.handle('workbook.create', { path: join(tempDir(), 'r.demarc') });
  const db = session.require().db;
  seedParties(db, [{ name: 'Alice', kind: 'person' }]);
  seedAssets(db, [{ name: 'vm-1', serviceModel: 'iaas', ownerPartyId: 2 }]);
  return { router, session };
}

describe('engine methods on the router', () => {
  it('answers valid calls with the contract’s shapes', async () => {
    const { router, session } = await setup();
    expect(await router.handle('assets.list', {})).toMatchObject({ ok: true, data: { total: 1, offset: 0, rows: [{ name: 'vm-1', owner: 'Alice' }] } });
    expect(await router.handle('assets.get', { id: 1 })).toMatchObject({ ok: true, data: { asset: { name: 'vm-1' }, model: { id: 'microsoft-2026-01' } } });
    expect(await router.handle('assets.update', { filter: { ids: [1] }, expectedCount: 1, set: { reviewed: true } })).toMatchObject({ ok: true, data: { count: 1, summary: 'Marked reviewed on 1 asset' } });
    expect(await router.handle('history.state', {})).toMatchObject({ ok: true, data: { canUndo: true, undoLabel: 'Undo: Marked reviewed on 1 asset' } });
    expect(await router.handle('history.undo', {})).toMatchObject({ ok: true, data: { canUndo: false, canRedo: true } });
    expect(await router.handle('models.import', {})).toEqual({ ok: true, data: null });
    expect(await router.handle('dashboard.get', {})).toMatchObject({ ok: true, data: { assets: 1 } });
    session.close();
  });

  it('refuses invalid payloads with INVALID_INPUT naming the field', async () => {
    const { router, session } = await setup();
    const cases: [string, unknown, string][] = [
      ['assets.list', { limit: 0 }, 'limit'],
      ['assets.list', { filter: { serviceModel: 'Cloud service' } }, 'filter.serviceModel'],
      ['assets.update', { filter: {}, set: {} }, 'set'],
      ['assets.update', { filter: {}, set: { serviceModel: 'iaas' }, expectedCount: -1 }, 'expectedCount'],
      ['overrides.set', { assetId: 1, layerId: 'applications', responsibility: 'shared', justification: ' ' }, 'justification'],
      ['overrides.set', { assetId: 1, layerId: 'applications', responsibility: 'microsoft', justification: 'x' }, 'responsibility'],
      ['raci.set', { assetId: 1, layerId: 'applications', roles: { X: [1] } }, 'roles'],
      ['parties.add', { name: 'Carol', kind: 'robot' }, 'kind'],
      ['parties.leave', { id: 2, leftAt: 'yesterday' }, 'leftAt'],
      ['findings.list', { code: 'NOPE' }, 'code']
    ];
    for (const [method, args, field] of cases) {
      const result = await router.handle(method, args);
      expect(result, method).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect((result as { error: { message: string } }).error.message, method).toContain(`Invalid arguments for ${method}: ${field}`);
    }
    expect(await router.handle('overrides.set', { assetId: 1, layerId: 'identities-and-users', responsibility: 'provider', justification: 'Entra ID' })).toMatchObject({
      ok: false,
      error: { code: 'RULE_VIOLATION', message: expect.stringContaining('"Identities and users" always stays with the customer') }
    });
    expect(await router.handle('assets.get', { id: 99 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'No asset has id 99.' } });
    session.close();
  });
});
