/**
 * Laptops for merge tests: each a router over its own copy of a workbook, with its own user and
 * clock (so their entries differ as real ones do), and an HQ workbook seeded through the real
 * import and services.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HANDLERS } from '@main/handlers';
import { NO_RECENT_FILES } from '@main/recent-files';
import { createRouter } from '@main/router';
import { TRUSTED_FILES, type FileAccess } from '@main/security/file-grants';
import { Session } from '@main/session';
import type { ServiceContext } from '@main/services/context';
import type { MethodInput, MethodName, MethodOutput } from '@shared/contract';
import { DemarcError } from '@shared/errors';
import { azJson, tempFile } from './import-fixture';
import { CANCELLED_DIALOGS } from './test-router';
import { fixedClock, tempDir } from './temp';

export interface Laptop {
  path: string;
  session: Session;
  /** The services' clock and user, as the router hands them to every request. */
  services: ServiceContext;
  /** Which paths its requests may name (the CLI's trust by default; the app's grants when given). */
  files: FileAccess;
  call<M extends MethodName>(method: M, args: MethodInput<M>): Promise<MethodOutput<M>>;
  /** The error a call fails with (throws when it succeeds). */
  refused<M extends MethodName>(method: M, args: MethodInput<M>): Promise<{ code: string; message: string }>;
  close(): void;
}

/** A laptop working on the workbook at `path` (created when `create` is set). */
export async function laptop(path: string, user: string, clockStart: string, create = false, files: FileAccess = TRUSTED_FILES): Promise<Laptop> {
  const session = new Session();
  const services: ServiceContext = { clock: fixedClock(clockStart), osUser: user };
  // The laptop's own workbook is the one its user opened (the dialog's answer is granted).
  files.grant(path, 'workbook');
  const router = createRouter(HANDLERS, {
    services,
    session,
    recent: NO_RECENT_FILES,
    dialogs: CANCELLED_DIALOGS,
    files,
    shell: { showItemInFolder: () => undefined, workbookChanged: () => undefined },
    emit: () => undefined
  });
  const call = async <M extends MethodName>(method: M, args: MethodInput<M>): Promise<MethodOutput<M>> => {
    const result = await router.handle(method, args);
    if (!result.ok) throw new DemarcError(result.error.code, result.error.message, result.error.details);
    return result.data as MethodOutput<M>;
  };
  const refused = async <M extends MethodName>(method: M, args: MethodInput<M>) => {
    const result = await router.handle(method, args);
    if (result.ok) throw new Error(`${method} succeeded`);
    return result.error;
  };
  await call(create ? 'workbook.create' : 'workbook.open', create ? { path, organisation: 'Acme' } : { path });
  return { path, session, services, files, call, refused, close: () => session.close() };
}

/** Six VMs in two subscriptions (Finance: vm-1…3, HR: vm-4…6) and three people. */
export async function seededHq(): Promise<{ hq: Laptop; dir: string; ids: Record<string, number>; people: Record<string, number> }> {
  const dir = tempDir('demarc-merge-');
  const hq = await laptop(join(dir, 'hq.demarc'), 'hq', '2026-12-01T09:00:00.000Z', true);
  const file = tempFile(
    'inventory.json',
    azJson([
      ...['vm-1', 'vm-2', 'vm-3'].map((name) => ({ name, sub: 'finance', rg: 'rg-fin' })),
      ...['vm-4', 'vm-5', 'vm-6'].map((name) => ({ name, sub: 'hr', rg: 'rg-hr' }))
    ])
  );
  await hq.call('import.apply', { paths: [file] });
  const people: Record<string, number> = {};
  for (const name of ['Alice', 'Bob', 'Carol']) people[name] = (await hq.call('parties.add', { name, kind: 'person' })).id;
  const rows = (await hq.call('assets.list', { limit: 100 })).rows;
  const ids = Object.fromEntries(rows.map((r) => [r.name, r.id]));
  await hq.call('assets.update', { filter: {}, set: { ownerPartyId: people.Alice!, serviceModel: 'iaas' } });
  return { hq, dir, ids, people };
}

/** A plain file copy (what a user does with the file manager). */
export function fileCopy(from: string, to: string): string {
  copyFileSync(from, to);
  return to;
}

/** The committed workbooks of earlier formats (round-1.demarc). */
export const FIXTURES_WORKBOOKS = fileURLToPath(new URL('../fixtures/workbooks/', import.meta.url));
