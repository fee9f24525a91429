/**
 * Import benchmark on the user's path: `demarc import <wb> az.json` of a generated 100k-resource
 * `az resource list` (read, merge, classify, plan, one-transaction apply) into a workbook made by
 * `demarc new`, against a floor measured in the same run: JSON.parse of the file + a raw
 * better-sqlite3 insert of the extracted rows (id, name, type, kind, sku, location, resource
 * group, tags) in one transaction into a fresh workbook, with the import's bulk-write page cache.
 * Each measurement runs in its own process so the peak RSS printed is its own. Goals: ratio ≤ 2,
 * peak RSS ≤ 400 MB. Figures only: benchmarks report, they never assert times.
 *
 *   npm run bench -- import [-- --resources=100000 --reps=2]
 */
import './resolve-from-cwd';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenWorkbook, ServiceContext } from '@main/services/context';
import { closeWorkbook, createWorkbook } from '@main/services/workbook-service';
import { withBulkWriteCache } from '@main/store/workbook-file';
import { demarc, fastest, flag, load, mb, measureHere, runChild, s2, writeInventory, type Measured } from './user-path';

const ctx: ServiceContext = { clock: () => '2026-03-01T00:00:00.000Z', osUser: 'bench' };

type Json = Record<string, unknown>;
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** The floor: parse the whole file, insert the extracted rows with one prepared statement. */
function floor(file: string, wb: OpenWorkbook): number {
  const rows = JSON.parse(readFileSync(file, 'utf8')) as Json[];
  const insert = wb.db.prepare(
    `INSERT INTO assets (key, external_id, name, type, kind, sku, location, resource_group, tags, provider, source, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'azure', 'az-json', ?, ?)`
  );
  const at = ctx.clock();
  // The same page cache as the import's bulk write: the floor is the leanest way to do the work.
  withBulkWriteCache(wb.db, () => wb.db.transaction(() => {
    for (const r of rows) {
      const id = String(r.id);
      const sku = r.sku && typeof r.sku === 'object' ? text((r.sku as Json).name) : null;
      insert.run(id.toLowerCase(), id, String(r.name), text(r.type), text(r.kind), sku, text(r.location), text(r.resourceGroup), JSON.stringify(r.tags ?? {}), at, at);
    }
  })());
  return rows.length;
}

async function child(kind: string): Promise<void> {
  const file = flag('file', '');
  const workbook = flag('workbook', '');
  if (kind === 'floor') {
    // The workbook is created (migrations run) before the clock starts, as for the import.
    const wb = createWorkbook(ctx, { path: workbook, organisation: 'Bench' });
    await measureHere(kind, () => Promise.resolve(`${floor(file, wb)} assets`));
    closeWorkbook(wb);
    return;
  }
  if (kind === 'import') await demarc(['new', workbook, '--org', 'Bench']);
  await measureHere(kind, async () => {
    const printed = await demarc(['import', workbook, file, '--json']);
    const counts = (JSON.parse(printed) as { counts: Record<string, number> }).counts;
    return `new ${counts.new ?? 0}, unchanged ${counts.unchanged ?? 0}`;
  });
}

function parent(): void {
  const count = Number(flag('resources', '100000'));
  const reps = Number(flag('reps', '2'));
  const dir = mkdtempSync(join(tmpdir(), 'demarc-import-bench-'));
  const file = writeInventory(dir, count);
  const size = statSync(file).size / 2 ** 20;
  console.log(`import bench: ${count} resources, ${size.toFixed(0)} MB az resource list JSON; best of ${reps}, each run in its own process; ${load()}`);
  const imports: Measured[] = [];
  const floors: Measured[] = [];
  let again: Measured;
  try {
    // Alternate so load from other processes hits both alike; a fresh workbook each time.
    for (let i = 0; i < reps; i++) {
      floors.push(runChild('floor', [`--file=${file}`, `--workbook=${join(dir, `floor-${i}.demarc`)}`]));
      imports.push(runChild('import', [`--file=${file}`, `--workbook=${join(dir, `import-${i}.demarc`)}`]));
    }
    again = runChild('reimport', [`--file=${file}`, `--workbook=${join(dir, 'import-0.demarc')}`]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const a = fastest(imports);
  const b = fastest(floors);
  const peak = Math.max(...imports.map((r) => r.maxRssMb));
  console.log(`demarc import: ${imports.map((r) => `${s2(r.seconds)} s (${mb(r.maxRssMb)} MB)`).join(', ')}; ${a.note}`);
  console.log(`floor:         ${floors.map((r) => `${s2(r.seconds)} s (${mb(r.maxRssMb)} MB)`).join(', ')}; ${b.note}`);
  console.log(`re-import of the same file: ${s2(again.seconds)} s, ${again.note}, peak RSS ${mb(again.maxRssMb)} MB`);
  console.log(`CPU time: import ${s2(a.cpuSeconds)} s, floor ${s2(b.cpuSeconds)} s, ratio ${s2(a.cpuSeconds / b.cpuSeconds)}; ${load()}`);
  console.log(`import ${count / 1000}k: ${s2(a.seconds)} s, floor ${s2(b.seconds)} s, ratio ${s2(a.seconds / b.seconds)} (goal ≤ 2), peak RSS ${mb(peak)} MB (goal ≤ 400)`);
}

const childKind = flag('child', '');
(childKind ? child(childKind) : Promise.resolve().then(parent)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
