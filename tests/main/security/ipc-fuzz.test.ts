/**
 * The IPC fuzz suite (issues 13 and 23). Payloads are generated from the contract (each method's
 * schema → arbitrary, tests/helpers/contract-arbitraries.ts), mutated with hostile values, passed
 * through structuredClone as Electron's IPC does, and sent to the real router over a real
 * workbook with the app's file grants. FIFO and device probes are granted, as if the user had
 * chosen them. After every call: no exception escaped, a refusal is never INTERNAL and wrote
 * nothing (the workbook's and its WAL's bytes and the change log unchanged), every answer is cloneable and
 * an error answer small, and the workbook still answers its list, findings and report.
 *
 * Seeded: a failure prints its seed and path and reproduces. `npm test` runs DEFAULT_RUNS calls (10,000 in CI);
 * `DEMARC_FUZZ_RUNS=10000 npx vitest run tests/main/security/ipc-fuzz.test.ts` (and
 * DEMARC_FUZZ_SEED=n) runs more.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Router } from '@main/router';
import type { SessionGrants } from '@main/security/file-grants';
import type { Session } from '@main/session';
import { METHODS, type MethodName } from '@shared/contract';
import type { Result } from '@shared/errors';
import { argumentsOf, hostileMethodName, mutate, mutation } from '@tests/helpers/contract-arbitraries';
import { seedAssets, seedParties } from '@tests/helpers/seed';
import { routerOverTempWorkbook } from '@tests/helpers/test-router';

/** 10,000 calls in CI (CI=true), as the issue asks; 2,000 in a local `npm test` (each call also reads the list, findings and report back). */
const DEFAULT_RUNS = process.env.CI ? 10_000 : 2_000;
const RUNS = Number(process.env.DEMARC_FUZZ_RUNS ?? DEFAULT_RUNS);
const SEED = Number(process.env.DEMARC_FUZZ_SEED ?? 20261207);
/** An error answer is a code and a short message (details only when small). */
const ERROR_ANSWER_LIMIT = 70 * 1024;

const METHOD_NAMES = Object.keys(METHODS) as MethodName[];

interface Fixture {
  router: Router;
  session: Session;
  files: SessionGrants;
  path: string;
  dir: string;
  probes: string[];
}

let fixture: Fixture;

beforeAll(async () => {
  const opened = await routerOverTempWorkbook({ dir: mkdtempSync(join(tmpdir(), 'demarc-fuzz-')) });
  const { dir, files, session } = opened;
  const db = session.require().db;
  // Durability is not under test here, and an fsync per accepted write would dominate the run.
  db.pragma('synchronous = OFF');
  seedParties(db, [{ name: 'Alice', kind: 'person' }, { name: 'Platform', kind: 'team' }, { name: 'Bob', kind: 'person', active: false }]);
  seedAssets(db, [
    { name: 'vm-1', serviceModel: 'iaas', ownerPartyId: 2 },
    { name: '=cmd|\' /C calc\'!A0', serviceModel: 'paas', tags: { env: 'prod' } },
    { name: 'sql-1', serviceModel: 'saas', type: 'microsoft.sql/servers' },
    { name: 'unclassified' }
  ]);
  // File probes the user "chose": a FIFO (reading it would block for ever), devices, a folder.
  const pipe = join(dir, 'probe.fifo');
  execFileSync('mkfifo', [pipe]);
  mkdirSync(join(dir, 'folder.json'));
  writeFileSync(join(dir, 'notes.txt'), '=cmd|\' /C calc\'!A0\n');
  const probes = [pipe, '/dev/zero', '/dev/null', '/dev/stdin', join(dir, 'folder.json'), join(dir, 'notes.txt')];
  for (const probe of probes) for (const purpose of ['read', 'write', 'workbook'] as const) files.grant(probe, purpose);
  fixture = { router: opened.router, session, files, path: opened.path, dir, probes };
});

afterAll(() => {
  fixture.session.close();
  rmSync(fixture.dir, { recursive: true, force: true });
});

function fileHash(path: string): string {
  return existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'none';
}

/** What a committed write leaves behind: the bytes of the workbook and its WAL, and the change log. */
function writeMarks(): { db: unknown; bytes: string; log: number } | null {
  const wb = fixture.session.workbook;
  if (wb === null) return null;
  const log = (wb.db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
  return { db: wb.db, bytes: `${fileHash(wb.path)} ${fileHash(`${wb.path}-wal`)}`, log };
}

async function mustAnswer(method: string): Promise<void> {
  const answer = await fixture.router.handle(method, {});
  if (!answer.ok) throw new Error(`${method} answered ${answer.error.code} after the call: ${answer.error.message}`);
}

/** The invariants every answer keeps, whatever was sent. */
async function check(method: unknown, args: unknown, stats: Map<string, number>): Promise<void> {
  const before = writeMarks();
  let answer: Result<unknown>;
  try {
    answer = await fixture.router.handle(method, structuredClone(args));
  } catch (error) {
    throw new Error(`an exception escaped the router: ${String(error)}`);
  }
  const key = answer.ok ? 'ok' : answer.error.code;
  stats.set(key, (stats.get(key) ?? 0) + 1);
  structuredClone(answer);
  if (!answer.ok) {
    expect(answer.error.code).not.toBe('INTERNAL');
    expect(JSON.stringify(answer).length).toBeLessThanOrEqual(ERROR_ANSWER_LIMIT);
    expect(answer.error.message.length).toBeLessThanOrEqual(2_001);
    const after = writeMarks();
    // A refused call wrote nothing (a workbook swapped by the call is not the same connection).
    if (before !== null && after !== null && before.db === after.db) {
      expect({ bytes: after.bytes, log: after.log }, `${typeof method === 'string' ? method.slice(0, 60) : typeof method} refused with ${answer.error.code} (${answer.error.message.slice(0, 200)})`).toEqual({ bytes: before.bytes, log: before.log });
    }
  }
  // A call may close the workbook (workbook.close) or open the dialog-less nothing: reopen it.
  if (fixture.session.workbook === null || fixture.session.workbook.path !== fixture.path) {
    const reopened = await fixture.router.handle('workbook.open', { path: fixture.path });
    if (!reopened.ok) throw new Error(`the workbook cannot be opened again: ${reopened.error.code} ${reopened.error.message}`);
  }
  for (const read of ['assets.list', 'findings.list', 'dashboard.get']) await mustAnswer(read);
}

const call = fc.oneof(
  { arbitrary: fc.constantFrom(...METHOD_NAMES).chain((method) => fc.tuple(fc.constant<unknown>(method), argumentsOf(method), fc.array(mutation([]), { maxLength: 3 }))), weight: 10 },
  { arbitrary: fc.tuple(hostileMethodName, fc.jsonValue({ maxDepth: 2 }), fc.constant([])), weight: 1 }
);

describe('IPC fuzz: payloads from the contract, mutated, through structuredClone to the real router', () => {
  it(`${RUNS.toLocaleString('en-GB')} calls: no escape, no INTERNAL, no write on refusal, the workbook stays readable`, async () => {
    const stats = new Map<string, number>();
    const started = performance.now();
    // The probes are known only once the fixture exists: the arbitrary is built here.
    const probeCall = fc.constantFrom(...METHOD_NAMES).chain((method) =>
      fc.tuple(fc.constant<unknown>(method), argumentsOf(method), fc.array(mutation(fixture.probes), { minLength: 1, maxLength: 2 }))
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof({ arbitrary: call, weight: 3 }, { arbitrary: probeCall, weight: 1 }), async ([method, args, mutations]) => {
        await check(method, mutate(args, mutations), stats);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true }
    );
    // The suite reached both sides: answers that went through, and refusals of several kinds.
    expect(stats.get('ok') ?? 0).toBeGreaterThan(RUNS / 20);
    for (const code of ['INVALID_INPUT', 'BAD_REQUEST', 'UNKNOWN_METHOD', 'NOT_GRANTED']) expect(stats.get(code) ?? 0, code).toBeGreaterThan(0);
    console.log(`IPC fuzz, ${RUNS} calls, seed ${SEED}, ${((performance.now() - started) / 1000).toFixed(1)} s: ${[...stats].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }, 900_000);

  it('every valid-shaped call of every method, unmutated, keeps the same invariants', async () => {
    const stats = new Map<string, number>();
    for (const method of METHOD_NAMES) {
      const samples = fc.sample(argumentsOf(method), { numRuns: 5, seed: SEED });
      for (const args of samples) await check(method, args, stats);
    }
    expect(stats.get('ok') ?? 0).toBeGreaterThan(METHOD_NAMES.length);
  }, 300_000);
});
