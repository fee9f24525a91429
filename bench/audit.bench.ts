/**
 * Benchmark: `demarc verify` over a change log of 1M entries (goal ≤ 2 × hashing the same bytes
 * with node:crypto in the same run). The parent builds a real workbook (the app's migrations) and
 * fills its change log with 1M realistic entries chained exactly as appendChange does, written in
 * one transaction; a child process then opens the file as the app does and times the verify
 * (walkChain: SQL read + canonical JSON + SHA-256 per entry), and, as the floor, SHA-256 over the
 * very same chain inputs already in memory with node:crypto's leanest call, the one-shot `hash`
 * (built in batches, only the hashing timed). The child's peak RSS is the verifying process's.
 *
 * Then the as-of section (bench/as-of-section.ts): the workbook as it was, at 100k assets; and the
 * diff section (bench/audit-diff.ts): two dates with 10k changes between them. `-- --only=verify,asof,diff`.
 */
import './resolve-from-cwd';
import { spawnSync } from 'node:child_process';
import { hash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GENESIS_HASH, chainInput, type ChainedEntry } from '@core/audit/chain';
import { closeWorkbook, createWorkbook, openWorkbook } from '@main/services/workbook-service';
import { entryHash, recordHead, walkChain } from '@main/store/repos/change-log-chain';
import { asOfChild, asOfSection } from './as-of-section';
import { diffBench, diffChild } from './audit-diff';
import { flag } from './user-path';

const ENTRIES = Number(process.env.DEMARC_AUDIT_ENTRIES ?? 1_000_000);
const BATCH = 100_000;
const ctx = { clock: () => new Date().toISOString(), osUser: 'bench' };

function entry(id: number): ChainedEntry {
  const asset = (id * 7919) % 100_000;
  const at = new Date(Date.UTC(2025, 0, 1) + id * 30_000).toISOString();
  return {
    id,
    at,
    actor: `user${id % 12}`,
    action: 'raci.set',
    entity: 'asset',
    entityId: String(asset),
    summary: `RACI of "Operating system" on vm-${asset}: R Party ${id % 200}, A Party ${(id + 3) % 200}`,
    before: JSON.stringify({ layerId: 'operating-system', R: [(id + 1) % 200], A: [(id + 3) % 200], C: [], I: [] }),
    after: JSON.stringify({ layerId: 'operating-system', R: [id % 200], A: [(id + 3) % 200], C: [], I: [] })
  };
}

function build(path: string): void {
  const wb = createWorkbook(ctx, { path, organisation: 'Bench' });
  const db = wb.db;
  const last = db.prepare('SELECT id, hash FROM change_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string };
  const insert = db.prepare(
    `INSERT INTO change_log (id, at, actor, action, entity, entity_id, summary, before_json, after_json, prev_hash, hash)
     VALUES (@id, @at, @actor, @action, @entity, @entityId, @summary, @before, @after, @prev, @hash)`
  );
  let prev = last.hash;
  let id = last.id;
  db.transaction(() => {
    for (let n = 0; n < ENTRIES - last.id; n++) {
      id += 1;
      const e = entry(id);
      const hash = entryHash(prev, e);
      insert.run({ ...e, prev, hash });
      prev = hash;
    }
    recordHead(db, { id, hash: prev });
  })();
  closeWorkbook(wb);
}

function child(path: string): void {
  const wb = openWorkbook(ctx, path);
  // Warm the page cache once, as a second verify in the app would find it.
  wb.db.prepare('SELECT count(*) FROM change_log').get();
  const t0 = performance.now();
  const walk = walkChain(wb.db);
  const verifyMs = performance.now() - t0;
  if (walk.firstBreak !== null) throw new Error(`bench chain broken: ${walk.firstBreak.message}`);
  const rssAfterVerify = process.resourceUsage().maxRSS / 1024;
  // Floor: SHA-256 of the same chain inputs, already in memory (built per batch, hashing timed alone), one-shot.
  const rows = wb.db.prepare('SELECT id, at, actor, action, entity, entity_id AS entityId, summary, before_json AS before, after_json AS after, prev_hash AS prev FROM change_log ORDER BY id');
  let hashMs = 0;
  let bytes = 0;
  let batch: string[] = [];
  const flush = () => {
    const t = performance.now();
    for (const text of batch) hash('sha256', text, 'hex');
    hashMs += performance.now() - t;
    batch = [];
  };
  for (const row of rows.iterate() as IterableIterator<ChainedEntry & { prev: string }>) {
    const text = chainInput(row.prev ?? GENESIS_HASH, row);
    bytes += Buffer.byteLength(text);
    batch.push(text);
    if (batch.length >= BATCH) flush();
  }
  flush();
  closeWorkbook(wb);
  console.log(
    JSON.stringify({ entries: walk.entries, verifyMs: Math.round(verifyMs), hashFloorMs: Math.round(hashMs), ratio: Number((verifyMs / hashMs).toFixed(2)), hashedMb: Math.round(bytes / 1e6), peakRssMbDuringVerify: Math.round(rssAfterVerify) })
  );
}

/** `-- --only=verify,asof,diff` runs the sections named (default: all three). */
const SECTIONS = flag('only', 'verify,asof,diff').split(',');

function verifyBench(): void {
  const dir = mkdtempSync(join(tmpdir(), 'demarc-audit-bench-'));
  const path = join(dir, 'audit.demarc');
  try {
    const t = performance.now();
    build(path);
    console.log(`built ${ENTRIES.toLocaleString('en-GB')} chained entries in ${((performance.now() - t) / 1000).toFixed(1)} s; file ${(statSync(path).size / 1e6).toFixed(0)} MB`);
    for (let run = 1; run <= 3; run++) {
      const out = spawnSync(process.execPath, [process.argv[1]!, '--verify-child', path], { encoding: 'utf8' });
      if (out.status !== 0) throw new Error(`verify child failed: ${out.stderr}`);
      console.log(`verify run ${run}: ${out.stdout.trim()}`);
    }
    console.log('goal: verify ≤ 2 × the hash floor (ratio ≤ 2)');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `fn` in a fresh temporary folder, removed afterwards. */
async function inTempDir(prefix: string, fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const arg = process.argv[2];
  if (arg === '--verify-child') return child(process.argv[3]!);
  if (arg === '--child=asof') return asOfChild(process.argv[3]!, process.argv[4]!, process.argv[5]!, process.argv[6]!);
  if (arg?.startsWith('--child=')) return diffChild(arg.slice('--child='.length), process.argv.slice(3));
  if (SECTIONS.includes('verify')) verifyBench();
  if (SECTIONS.includes('asof')) await inTempDir('demarc-audit-asof-', asOfSection);
  if (SECTIONS.includes('diff')) {
    await inTempDir('demarc-audit-diff-', (dir) =>
      diffBench(dir, Number(process.env.DEMARC_AUDIT_RESOURCES ?? 100_000), Number(process.env.DEMARC_AUDIT_CHANGES ?? 10_000), Number(process.env.DEMARC_AUDIT_REPS ?? 2))
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
