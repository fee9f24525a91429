/**
 * The verify section of `npm run bench -- audit`: `verify` over a change log of 1M entries (goal
 * ≤ 2 × hashing the same bytes with node:crypto in the same run). The parent builds a real workbook
 * (the app's migrations) and fills its change log with 1M realistic entries chained exactly as
 * appendChange does, written in one transaction (no import makes a log that long). A child process
 * opens the file as the app does and, in the same run:
 *
 *   verify         the service entry `verifyWorkbook` (what `demarc verify` and Help › Verify run),
 *                  wall and CPU; peak RSS of the child right after it;
 *   chained floor  the same work with nothing else: each entry's chain input (previous hash +
 *                  canonical JSON as stored, checked equal to core/audit/chain.ts's spelling,
 *                  held in memory beforehand as a Buffer of its own) hashed with node:crypto's one-shot `hash`, each hash written
 *                  over the first 64 bytes of the next entry's Buffer — 1M chained SHA-256
 *                  computations, which is what the chain's definition asks for. The floor's last
 *                  hash must equal the head verify vouched for (same bytes, same work). Of the
 *                  node:crypto spellings tried in one process (one-shot `hash` of `prev + canonical`
 *                  as a string; of a Buffer per entry with the link written in place; of views into
 *                  one Buffer; createHash/update/digest), the Buffer per entry was the leanest
 *                  (0.94–0.97 s CPU against 1.23 s for strings, 2026-12-07): it is the floor;
 *   references     labelled, not floors: the same chain hashing strings (`hash(prev + canonical)`,
 *                  the floor until 2026-12-07 — not the leanest); one SHA-256 stream over all the
 *                  chain inputs concatenated (less work than the chain: one hash, not 1M); and
 *                  SQLite handing over the chain inputs as verify reads them, with no hashing.
 *
 * Each child is one pair (verify, then the floor, on the same open file in the same minute); the
 * summary is the median of the per-pair ratios, as the export and round-trip benches report.
 * `-- --verify-reps=N` child runs (default 3), `--verify-keep=FILE` keeps the built workbook;
 * DEMARC_AUDIT_ENTRIES changes the log's length.
 */
import { spawnSync } from 'node:child_process';
import { createHash, hash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { GENESIS_HASH, canonicalEntry, type ChainedEntry } from '@core/audit/chain';
import { verifyWorkbook } from '@main/services/audit-verify';
import { closeWorkbook, createWorkbook, openWorkbook } from '@main/services/workbook-service';
import { chainEntry, recordHead } from '@main/store/repos/change-log-chain';
import { chainInputPages } from '@main/store/repos/change-log-chain-sql';
import type { Db } from '@main/store/workbook-file';
import { flag, load, mb, pairedRatios, s2, type Measured } from './user-path';

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
  const insert = db.prepare('INSERT INTO change_log (id, chained) VALUES (@id, @chained)');
  let prev = last.hash;
  let id = last.id;
  db.transaction(() => {
    for (let n = 0; n < ENTRIES - last.id; n++) {
      id += 1;
      const { hash, chained } = chainEntry(prev, entry(id));
      insert.run({ id, chained });
      prev = hash;
    }
    recordHead(db, { id, hash: prev });
  })();
  closeWorkbook(wb);
}

/** CPU (user + system) and wall time of `work`, in seconds. */
function timed<T>(work: () => T): { value: T; seconds: number; cpuSeconds: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = work();
  const used = process.cpuUsage(cpu);
  return { value, seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
}

interface Span {
  seconds: number;
  cpuSeconds: number;
}
const add = (a: Span, b: Span): Span => ({ seconds: a.seconds + b.seconds, cpuSeconds: a.cpuSeconds + b.cpuSeconds });

/**
 * The chained floor and the references hashing in memory, over the log's canonical JSON built by
 * core/audit/chain.ts a batch at a time (building is not timed; only the hashing is).
 */
function floors(db: Db): { chained: Span; strings: Span; stream: Span; head: string; bytes: number } {
  const rows = db.prepare('SELECT entry FROM change_log ORDER BY id').pluck();
  const stream = createHash('sha256');
  let chained: Span = { seconds: 0, cpuSeconds: 0 };
  let strings: Span = { seconds: 0, cpuSeconds: 0 };
  let streamed: Span = { seconds: 0, cpuSeconds: 0 };
  let prev = GENESIS_HASH;
  let bytes = 0;
  let batch: string[] = [];
  const flush = () => {
    // The floor: a Buffer per entry (64 bytes for the link, then the canonical JSON), each link written in place.
    const inputs = batch.map((canonical) => Buffer.from(GENESIS_HASH + canonical));
    const run = timed(() => {
      let link = prev;
      for (const input of inputs) {
        input.write(link, 0, 'latin1');
        link = hash('sha256', input, 'hex');
      }
      return link;
    });
    const asStrings = timed(() => {
      let link = prev;
      for (const canonical of batch) link = hash('sha256', link + canonical, 'hex');
      return link;
    });
    if (asStrings.value !== run.value) throw new Error('the string reference and the floor disagree');
    // The stream reference hashes the same chain inputs (the Buffers, links now written) as one text.
    for (const input of inputs) bytes += input.length;
    const text = Buffer.concat(inputs);
    streamed = add(streamed, timed(() => stream.update(text)));
    chained = add(chained, run);
    strings = add(strings, asStrings);
    prev = run.value;
    batch = [];
  };
  for (const stored of rows.iterate() as IterableIterator<string>) {
    // The stored text, checked to be the canonical JSON core/audit/chain.ts spells for it.
    if (stored !== canonicalEntry(JSON.parse(stored) as ChainedEntry)) throw new Error('a stored entry is not canonical');
    batch.push(stored);
    if (batch.length >= BATCH) flush();
  }
  flush();
  streamed = add(streamed, timed(() => stream.digest('hex')));
  return { chained, strings, stream: streamed, head: prev, bytes };
}

/** SQLite handing over every chain input as verify reads them, no hashing (a reference: where verify's other time goes). */
function readOnly(db: Db): Span {
  return timed(() => {
    let chars = 0;
    for (const texts of chainInputPages(db)) for (const text of texts) chars += text?.length ?? 0;
    return chars;
  });
}

/** The child's side: verify, then the floor and references, on the same open workbook. */
export async function verifyChild(path: string): Promise<void> {
  const wb = openWorkbook(ctx, path);
  // Warm the page cache once, as a second verify in the app would find it.
  wb.db.prepare('SELECT count(*) FROM change_log').get();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const report = await verifyWorkbook(wb);
  const used = process.cpuUsage(cpu);
  const verify: Span = { seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
  const rss = process.resourceUsage().maxRSS / 1024;
  if (!report.ok || report.head === null) throw new Error(`bench chain broken: ${report.firstBreak?.message ?? 'no head'}`);
  const floor = floors(wb.db);
  if (floor.head !== report.head.hash) throw new Error(`the floor's last hash ${floor.head} is not the head verify vouched for ${report.head.hash}`);
  const reading = readOnly(wb.db);
  closeWorkbook(wb);
  const f = (s: Span) => ({ s: Number(s2(s.seconds)), cpu: Number(s2(s.cpuSeconds)) });
  console.log(
    `VERIFY_RESULT ${JSON.stringify({ entries: report.entries, verify: f(verify), chainedFloor: f(floor.chained), stringChain: f(floor.strings), oneStream: f(floor.stream), readOnly: f(reading), hashedMb: Math.round(floor.bytes / 1e6), peakRssMb: Math.round(rss) })}`
  );
}

interface VerifyResult {
  entries: number;
  verify: { s: number; cpu: number };
  chainedFloor: { s: number; cpu: number };
  stringChain: { s: number; cpu: number };
  oneStream: { s: number; cpu: number };
  readOnly: { s: number; cpu: number };
  hashedMb: number;
  peakRssMb: number;
}

/** The parent's side: build the 1M-entry workbook, then time verify in child processes. */
export function verifyBench(dir: string): void {
  // `-- --verify-keep=FILE` builds the workbook there once and reuses it on later runs.
  const kept = flag('verify-keep', '');
  const path = kept === '' ? join(dir, 'audit.demarc') : kept;
  const t = performance.now();
  if (kept !== '' && existsSync(kept)) console.log(`verify: reusing ${kept}`);
  else build(path);
  console.log(`verify: built ${ENTRIES.toLocaleString('en-GB')} chained entries in ${((performance.now() - t) / 1000).toFixed(1)} s; file ${(statSync(path).size / 1e6).toFixed(0)} MB`);
  const reps = Number(flag('verify-reps', '3'));
  const product: Measured[] = [];
  const floor: Measured[] = [];
  for (let run = 1; run <= reps; run++) {
    const before = load();
    const out = spawnSync(process.execPath, ['--expose-gc', process.argv[1]!, '--verify-child', path], { encoding: 'utf8' });
    const line = out.stdout.split('\n').find((l) => l.startsWith('VERIFY_RESULT '));
    if (out.status !== 0 || line === undefined) throw new Error(`verify child failed: ${out.stderr}`);
    const r = JSON.parse(line.slice('VERIFY_RESULT '.length)) as VerifyResult;
    product.push({ kind: 'verify', seconds: r.verify.s, cpuSeconds: r.verify.cpu, maxRssMb: r.peakRssMb, note: '' });
    floor.push({ kind: 'chained floor', seconds: r.chainedFloor.s, cpuSeconds: r.chainedFloor.cpu, maxRssMb: r.peakRssMb, note: '' });
    console.log(`verify run ${run}: ${line.slice('VERIFY_RESULT '.length)}`);
    console.log(
      `verify run ${run}: ${r.entries.toLocaleString('en-GB')} entries, ${r.hashedMb} MB of chain inputs: verify ${s2(r.verify.s)} s, CPU ${s2(r.verify.cpu)} s; ` +
        `chained floor (1M chained one-shot hashes of in-memory Buffers) ${s2(r.chainedFloor.s)} s, CPU ${s2(r.chainedFloor.cpu)} s = ` +
        `${s2(r.verify.cpu / r.chainedFloor.cpu)}× CPU, ${s2(r.verify.s / r.chainedFloor.s)}× wall; ` +
        `references: the same chain hashing strings (the floor until 2026-12-07) CPU ${s2(r.stringChain.cpu)} s (verify ${s2(r.verify.cpu / r.stringChain.cpu)}×); ` +
        `one SHA-256 stream over the same bytes (less work) CPU ${s2(r.oneStream.cpu)} s; ` +
        `SQLite handing the stored inputs over with no hashing CPU ${s2(r.readOnly.cpu)} s; peak RSS ${mb(r.peakRssMb)} MB; ${before} → ${load()}`
    );
  }
  console.log(`verify vs the chained floor: ${pairedRatios(product, floor).line}`);
  console.log('goal: verify CPU ≤ 2 × the chained floor CPU');
}
