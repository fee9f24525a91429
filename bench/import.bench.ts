/**
 * Benchmark: importing a 100k-resource `az resource list` JSON (~100 MB) through the import
 * service (read, merge, classify, plan, one-transaction apply) against a floor measured in the
 * same run: JSON.parse of the file + a raw better-sqlite3 insert of the extracted rows in one
 * transaction into a fresh workbook. Each measurement runs in its own process so peak RSS
 * (process.resourceUsage().maxRSS) is its own. Goals: ratio ≤ 2, peak RSS ≤ 400 MB.
 * Figures only: benchmarks report, they never assert times.
 */
import './resolve-from-cwd';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyImport } from '@main/import/import-service';
import type { ServiceContext } from '@main/services/context';
import { closeWorkbook, createWorkbook, openWorkbook } from '@main/services/workbook-service';
import { generateAzResourceList } from './import-gen';

const ctx: ServiceContext = { clock: () => '2026-03-01T00:00:00.000Z', osUser: 'bench' };

function flag(name: string, fallback: string): string {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit === undefined ? fallback : hit.slice(name.length + 3);
}

interface Result {
  kind: string;
  seconds: number;
  assets: number;
  maxRssMb: number;
}

type Json = Record<string, unknown>;
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** The floor: parse the whole file, insert the extracted rows with one prepared statement. */
function floor(file: string, workbook: string): number {
  const wb = createWorkbook(ctx, { path: workbook, organisation: 'Bench' });
  const rows = JSON.parse(readFileSync(file, 'utf8')) as Json[];
  const insert = wb.db.prepare(
    `INSERT INTO assets (key, external_id, name, type, kind, sku, location, resource_group, tags, provider, source, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'azure', 'az-json', ?, ?)`
  );
  const at = ctx.clock();
  wb.db.transaction(() => {
    for (const r of rows) {
      const id = String(r.id);
      const sku = r.sku && typeof r.sku === 'object' ? text((r.sku as Json).name) : null;
      insert.run(id.toLowerCase(), id, String(r.name), text(r.type), text(r.kind), sku, text(r.location), text(r.resourceGroup), JSON.stringify(r.tags ?? {}), at, at);
    }
  })();
  closeWorkbook(wb);
  return rows.length;
}

async function fullImport(file: string, workbook: string): Promise<number> {
  const wb = createWorkbook(ctx, { path: workbook, organisation: 'Bench' });
  const result = await applyImport(wb, ctx, { paths: [file] });
  closeWorkbook(wb);
  return result.counts.new;
}

/** A re-import of the same file into the workbook an import child left (in its own process). */
async function reImport(file: string, workbook: string): Promise<number> {
  const wb = openWorkbook(ctx, workbook);
  const result = await applyImport(wb, ctx, { paths: [file] });
  closeWorkbook(wb);
  return result.counts.unchanged;
}

async function child(kind: string): Promise<void> {
  const file = flag('file', '');
  const keep = flag('keep', '');
  const dir = mkdtempSync(join(tmpdir(), 'demarc-import-bench-'));
  const workbook = keep || join(dir, 'bench.demarc');
  (globalThis as { gc?: () => void }).gc?.();
  const started = performance.now();
  const assets = kind === 'floor' ? floor(file, workbook) : kind === 'reimport' ? await reImport(file, workbook) : await fullImport(file, workbook);
  const seconds = (performance.now() - started) / 1000;
  rmSync(dir, { recursive: true, force: true });
  const result: Result = { kind, seconds, assets, maxRssMb: process.resourceUsage().maxRSS / 1024 };
  console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
}

function run(kind: string, file: string, keep?: string): Result {
  const out = spawnSync(process.execPath, ['--expose-gc', process.argv[1] ?? '', `--child=${kind}`, `--file=${file}`, ...(keep ? [`--keep=${keep}`] : [])], {
    encoding: 'utf8',
    maxBuffer: 1 << 24
  });
  const line = out.stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  if (out.status !== 0 || !line) throw new Error(`${kind} failed (${out.status}): ${out.stderr.slice(-2000)}`);
  return JSON.parse(line.slice('BENCH_RESULT '.length)) as Result;
}

function parent(): void {
  const count = Number(flag('resources', '100000'));
  const reps = Number(flag('reps', '2'));
  const dir = mkdtempSync(join(tmpdir(), 'demarc-import-gen-'));
  const file = join(dir, 'az-resource-list.json');
  writeFileSync(file, generateAzResourceList(count, 42));
  const mb = statSync(file).size / 2 ** 20;
  console.log(`import bench: ${count} resources, ${mb.toFixed(0)} MB az resource list JSON; best of ${reps}, each run in its own process`);
  const fulls: Result[] = [];
  const floors: Result[] = [];
  let again: Result;
  try {
    // Alternate so load from other processes hits both alike.
    for (let i = 0; i < reps; i++) {
      floors.push(run('floor', file));
      fulls.push(run('import', file));
    }
    const kept = join(dir, 'kept.demarc');
    run('import', file, kept);
    again = run('reimport', file, kept);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const a = fulls.reduce((x, y) => (y.seconds < x.seconds ? y : x));
  const b = floors.reduce((x, y) => (y.seconds < x.seconds ? y : x));
  const peak = Math.max(...fulls.map((r) => r.maxRssMb));
  const floorPeak = Math.max(...floors.map((r) => r.maxRssMb));
  console.log(`assets written: import ${a.assets}, floor ${b.assets}; floor peak RSS ${floorPeak.toFixed(0)} MB`);
  console.log(`re-import of the same file: ${again.seconds.toFixed(2)} s, ${again.assets} unchanged, peak RSS ${again.maxRssMb.toFixed(0)} MB`);
  const label = count === 100_000 ? '100k' : String(count);
  console.log(
    `import ${label}: ${a.seconds.toFixed(2)} s, floor ${b.seconds.toFixed(2)} s, ratio ${(a.seconds / b.seconds).toFixed(2)} (goal ≤ 2), peak RSS ${peak.toFixed(0)} MB (goal ≤ 400)`
  );
}

const childKind = process.argv.find((a) => a.startsWith('--child='))?.slice('--child='.length);
if (childKind) {
  child(childKind).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  parent();
}
