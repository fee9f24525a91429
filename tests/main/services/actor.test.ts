/**
 * Issue 20, defect 6: the change log names the person at this machine. A name set in Settings is
 * kept per OS user (the app's user data), never in the workbook, so it does not follow the file to
 * whoever opens it next; the CLI names the person with --actor or DEMARC_USER.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalUserFile } from '@main/local-user';
import { addParty } from '@main/services/parties';
import { changes, closeWorkbook, openWorkbook, updateSettings, workbookInfo } from '@main/services/workbook-service';
import { DemarcError } from '@shared/errors';
import { cli } from '@tests/helpers/run-cli';
import { tempDir } from '@tests/helpers/temp';
import { createTestWorkbook, testServiceContext } from '@tests/helpers/workbook';

const metaRows = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare("SELECT key FROM meta WHERE key = 'user_name'").all();
  } finally {
    db.close();
  }
};

describe('the actor is the person at this machine', () => {
  it('a name set in Settings is kept for this OS user, not in the file; another user opening it is logged as themselves', () => {
    const dir = tempDir();
    const alice = testServiceContext({ osUser: 'alice', localUser: new LocalUserFile(join(dir, 'alice-data', 'user.json')) });
    const t = createTestWorkbook({ ctx: alice });
    updateSettings(t.wb, alice, { userName: 'Alice Martin' });
    expect(workbookInfo(t.wb, alice).userName).toBe('Alice Martin');
    addParty(t.wb, alice, { name: 'SecOps', kind: 'team' });
    t.close();
    expect(new LocalUserFile(join(dir, 'alice-data', 'user.json')).name()).toBe('Alice Martin');
    expect(metaRows(t.path)).toEqual([]);

    const bob = testServiceContext({ osUser: 'bob', localUser: new LocalUserFile(join(dir, 'bob-data', 'user.json')) });
    const wb = openWorkbook(bob, t.path);
    expect(workbookInfo(wb, bob).userName).toBe('bob');
    addParty(wb, bob, { name: 'Network team', kind: 'team' });
    const actors = changes(wb, { entity: 'party' }).map((c) => [c.summary, c.actor]);
    expect(actors).toEqual([
      [expect.stringContaining('SecOps'), 'Alice Martin'],
      [expect.stringContaining('Network team'), 'bob']
    ]);
    closeWorkbook(wb);
  });

  it('renaming alone writes nothing to the workbook; without a per-user store (the CLI) it is refused with the way to name oneself', () => {
    const dir = tempDir();
    const ctx = testServiceContext({ localUser: new LocalUserFile(join(dir, 'user.json')) });
    const t = createTestWorkbook({ ctx });
    const logged = changes(t.wb, {}).length;
    updateSettings(t.wb, ctx, { userName: 'Carol' });
    expect(changes(t.wb, {})).toHaveLength(logged);
    updateSettings(t.wb, ctx, { reviewPeriodDays: 90 });
    const last = changes(t.wb, { newestFirst: true, limit: 1 })[0]!;
    expect(last).toMatchObject({ actor: 'Carol', summary: 'Settings: review period → 90 days' });
    expect(JSON.stringify(last.before)).not.toContain('userName');
    t.close();

    const plain = createTestWorkbook();
    let error: unknown;
    try {
      updateSettings(plain.wb, plain.ctx, { userName: 'Mallory' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DemarcError);
    expect((error as DemarcError).message).toMatch(/--actor NAME or set DEMARC_USER/);
    plain.close();
  });

  it('the CLI logs --actor, else DEMARC_USER', async () => {
    const dir = tempDir();
    const wb = join(dir, 'acme.demarc');
    expect((await cli(['new', wb], dir)).code).toBe(0);
    expect((await cli(['parties', wb, 'add', 'SecOps', '--kind', 'team', '--actor', 'Dana Reviewer'], dir)).code).toBe(0);
    expect((await cli(['parties', wb, 'add', 'Network', '--kind', 'team'], dir)).code).toBe(0);
    const db = new Database(wb, { readonly: true });
    const actors = db.prepare("SELECT actor FROM change_log WHERE entity = 'party' ORDER BY id").pluck().all();
    db.close();
    expect(actors).toEqual(['Dana Reviewer', 'cli-tester']);
  });
});
