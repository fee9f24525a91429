/**
 * Export benchmark: the full xlsx export of a synthetic 100k-asset × 10-layer workbook against
 * (b) the floor, a bare exceljs streaming write of the same sheets × rows × columns, and (c)
 * exceljs's non-streaming Workbook on the same content. Each measurement runs in its own child
 * process (this file re-run with --child=...) so one's memory never pollutes another's peak RSS.
 *
 *   npx esbuild bench/export.bench.ts --bundle --platform=node --outfile=/tmp/export-bench.cjs --external:exceljs
 *   node /tmp/export-bench.cjs [--assets=100000] [--subset=20000] [--reps=2]
 */
import './resolve-from-cwd';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { buildExportModel } from '@core/export-model';
import type { ExportCell, ExportModel } from '@core/export-model';
import { writeXlsx } from '@main/export/xlsx-writer';
import { exportInputOf, syntheticReport } from './export-synthetic';

const EXPORTED = { exportedAt: '2026-11-28T09:00:00.000Z', exportedBy: 'Bench Runner' };

function flag(name: string, fallback: string): string {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
}

// ---------------------------------------------------------------------------------------------
// The measurements, each run in a child.

function firstRow(model: ExportModel, index: number): ExportCell[] {
  const sheet = model.sheets[index]!;
  for (const row of sheet.rows()) return row;
  return sheet.columns.map(() => null);
}

/** (b) The floor: bare streaming writer, same sheets × rows × columns, plain values, no styles. */
async function floor(path: string, model: ExportModel): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: false,
    useSharedStrings: false
  });
  for (const [index, sheet] of model.sheets.entries()) {
    const worksheet = workbook.addWorksheet(sheet.name);
    worksheet.addRow(sheet.columns.map((c) => c.header)).commit();
    const template = firstRow(model, index);
    for (let r = 0; r < sheet.rowCount; r += 1) {
      worksheet.addRow(template).commit();
      // The same yield as the real writer, so the floor's memory stays bounded too.
      if (r % 512 === 511) await nextTurn();
    }
    worksheet.commit();
  }
  await workbook.commit();
}

/** (c) exceljs's non-streaming Workbook: the same sheets and values, then xlsx.writeFile. */
async function nonStreaming(path: string, model: ExportModel): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of model.sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    worksheet.addRow(sheet.columns.map((c) => c.header));
    for (const row of sheet.rows()) worksheet.addRow(row);
  }
  await workbook.xlsx.writeFile(path);
}

async function child(kind: string): Promise<void> {
  const assets = Number(flag('assets', '100000'));
  const dir = mkdtempSync(join(tmpdir(), 'demarc-bench-'));
  const path = join(dir, `${kind}.xlsx`);
  const { report, changeLog } = syntheticReport(assets);
  const inputRss = process.memoryUsage().rss;
  const input = exportInputOf(report, changeLog);
  const model = buildExportModel(input.source, input.tally, { ...EXPORTED, workbookSha256: 'bench' });
  const cells = model.sheets.reduce((n, s) => n + (s.rowCount + 1) * s.columns.length, 0);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  if (kind === 'full') await writeXlsx(input, { ...EXPORTED, path });
  else if (kind === 'full-inline')
    await writeXlsx(input, { ...EXPORTED, path, useSharedStrings: false });
  else if (kind === 'floor') await floor(path, model);
  else await nonStreaming(path, model);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const bytes = statSync(path).size;
  rmSync(dir, { recursive: true, force: true });
  const result = {
    kind,
    assets,
    cells,
    seconds,
    cpuSeconds,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    inputRssMb: inputRss / 2 ** 20,
    bytes
  };
  console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
}

// ---------------------------------------------------------------------------------------------
// The parent: run the children, print the figures.

interface Result {
  kind: string;
  assets: number;
  cells: number;
  seconds: number;
  /** User + system CPU of the process during the measurement (all threads, zlib included). */
  cpuSeconds: number;
  maxRssMb: number;
  inputRssMb: number;
  bytes: number;
}

function run(kind: string, assets: number, heapMb?: number): Result {
  const node = heapMb ? [`--max-old-space-size=${heapMb}`] : [];
  const out = spawnSync(
    process.execPath,
    [...node, process.argv[1] ?? '', `--child=${kind}`, `--assets=${assets}`],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 24
    }
  );
  const line = out.stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  if (out.status !== 0 || !line)
    throw new Error(`${kind} failed (${out.status}): ${out.stderr.slice(-2000)}`);
  return JSON.parse(line.slice('BENCH_RESULT '.length)) as Result;
}

function best(kind: string, assets: number, reps: number): Result {
  const runs = Array.from({ length: reps }, () => run(kind, assets));
  return runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
}

const s = (n: number): string => n.toFixed(2);

function parent(): void {
  const assets = Number(flag('assets', '100000'));
  const subset = Number(flag('subset', '20000'));
  const reps = Number(flag('reps', '2'));
  const load = (): string =>
    loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
  console.log(
    `export bench: ${assets} assets × 10 layers, best of ${reps} per measurement, each in its own process`
  );
  console.log(`load average at start: ${load()} on ${availableParallelism()} CPUs`);
  // Alternate full and floor so load from other processes hits both alike.
  const fulls: Result[] = [];
  const floors: Result[] = [];
  for (let i = 0; i < reps; i += 1) {
    fulls.push(run('full', assets));
    floors.push(run('floor', assets));
  }
  const a = fulls.reduce((x, y) => (y.seconds < x.seconds ? y : x));
  const b = floors.reduce((x, y) => (y.seconds < x.seconds ? y : x));
  const peak = Math.max(...fulls.map((r) => r.maxRssMb));
  const inline = best('full-inline', assets, 1);
  const aSubset = best('full', subset, reps);
  const c = run('nonstreaming', subset, 12_000);
  const scale = assets / subset;
  const cScaled = c.seconds * scale;
  console.log(
    `cells written: ${a.cells.toLocaleString('en')}; xlsx ${(a.bytes / 2 ** 20).toFixed(1)} MB; report in memory before export: ${a.inputRssMb.toFixed(0)} MB RSS`
  );
  console.log(
    `shared strings off: ${s(inline.seconds)} s, ${(inline.bytes / 2 ** 20).toFixed(1)} MB, peak RSS ${inline.maxRssMb.toFixed(0)} MB (default is on)`
  );
  console.log(
    `non-streaming measured on ${subset} assets: ${s(c.seconds)} s, peak RSS ${c.maxRssMb.toFixed(0)} MB; full export of the same ${subset}: ${s(aSubset.seconds)} s (speedup ${s(c.seconds / aSubset.seconds)}×); scaled ×${scale} linearly to ${assets}`
  );
  const cpuFloor = Math.min(...floors.map((r) => r.cpuSeconds));
  const cpuFull = Math.min(...fulls.map((r) => r.cpuSeconds));
  console.log(
    `CPU time (less sensitive to other load): export ${s(cpuFull)} s, floor ${s(cpuFloor)} s, ratio ${s(cpuFull / cpuFloor)}; load average at end: ${load()}`
  );
  console.log(
    `export ${assets / 1000}k×10: ${s(a.seconds)} s, floor ${s(b.seconds)} s, ratio ${s(a.seconds / b.seconds)} (goal ≤ 1.3); ` +
      `non-streaming ${s(cScaled)} s, speedup ${s(cScaled / a.seconds)} (goal ≥ 3); peak RSS ${peak.toFixed(0)} MB (goal ≤ 400)`
  );
}

const childKind = flag('child', '');
if (childKind) {
  child(childKind).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else parent();
