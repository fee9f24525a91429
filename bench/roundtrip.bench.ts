/**
 * Round-trip benchmark: read back an edited 100k-asset × 10-layer RACI export (a million RACI
 * rows) with 1,000 edits and build the review's diff, against (b) the floor: exceljs's streaming
 * reader merely reading every row of the same file, in the same run. Each measurement runs in its
 * own child process (this file re-run with --child=...) so one's memory never pollutes another's
 * peak RSS.
 *
 * The edited file is the export of the same synthetic report with 1,000 Accountables changed (what
 * a client saves after those edits); the diff is built against the unedited report, as the
 * review does against the workbook. The report is synthetic (bench/export-synthetic.ts), as in the
 * export bench: building it from a .demarc is the export's cost too, measured there.
 *
 *   npm run bench -- roundtrip [-- --assets=100000 --edits=1000 --reps=2]
 */
import './resolve-from-cwd';
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { RoundTripDiffer } from '@core/roundtrip/roundtrip-diff';
import { MATRIX_READ, RACI_READ, locateColumns, type ColumnsOf } from '@core/roundtrip/sheet-cells';
import { readRoundTripXlsx } from '@main/export/xlsx-roundtrip-reader';
import { writeXlsx } from '@main/export/xlsx-writer';
import type { Report } from '@shared/report';
import { exportInputOf, syntheticReport } from './export-synthetic';

const EXPORTED = { exportedAt: '2026-11-28T09:00:00.000Z', exportedBy: 'Bench Runner', identity: { workbookId: 'bench-workbook', revision: 3000 } };

function flag(name: string, fallback: string): string {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? hit.slice(name.length + 3) : fallback;
}

/** Writes the edited export: the same report with `edits` Accountables moved to another party. */
async function writeEdited(path: string, assets: number, edits: number): Promise<void> {
  const { report, changeLog } = syntheticReport(assets);
  const names = report.parties.filter((p) => p.kind === 'person').map((p) => p.name);
  const step = Math.max(1, Math.floor((assets * 10) / edits));
  let done = 0;
  for (let i = 0; i < assets * 10 && done < edits; i += step) {
    const layer = report.assets[Math.floor(i / 10)]!.layers[i % 10]!;
    const other = names.find((n) => !layer.A.includes(n))!;
    report.assets[Math.floor(i / 10)]!.layers[i % 10] = { ...layer, A: [other] };
    done += 1;
  }
  await writeXlsx(exportInputOf(report, changeLog), { ...EXPORTED, path });
}

/** (b) The floor: exceljs's streaming reader reading every row of every sheet, nothing else. */
async function floor(path: string): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(path), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore'
  });
  let rows = 0;
  for await (const worksheet of reader) for await (const row of worksheet) rows += row.cellCount > 0 ? 1 : 0;
  return rows;
}

/** (a) The review: the same read, every RACI and Matrix row compared with the report, the diff kept. */
async function review(path: string, report: Report): Promise<{ rows: number; changes: number }> {
  const differ = new RoundTripDiffer(report, { createParties: false });
  const raci = new Map<string, ColumnsOf<typeof RACI_READ>>();
  const matrix = new Map<string, ColumnsOf<typeof MATRIX_READ>>();
  await readRoundTripXlsx(createReadStream(path), {
    header(table, sheet, cells) {
      const located = cells === null ? null : table === 'raci' ? locateColumns(sheet, RACI_READ, cells) : locateColumns(sheet, MATRIX_READ, cells);
      if (located === null || 'problem' in located) throw new Error(`${sheet}: bad header`);
      if (table === 'raci') raci.set(sheet, located.columns as ColumnsOf<typeof RACI_READ>);
      else matrix.set(sheet, located.columns as ColumnsOf<typeof MATRIX_READ>);
    },
    row(table, row) {
      if (table === 'raci') differ.raciRow(row, raci.get(row.sheet)!);
      else differ.matrixRow(row, matrix.get(row.sheet)!);
    }
  });
  if (differ.errors.length > 0) throw new Error(`unexpected errors: ${differ.errors.slice(0, 3).map((e) => e.message).join('; ')}`);
  return { rows: differ.rows, changes: differ.changes.length };
}

async function child(kind: string): Promise<void> {
  const assets = Number(flag('assets', '100000'));
  const path = flag('file', '');
  // The workbook's report is in memory before the review starts (the engine holds it): built first, not timed.
  const report = kind === 'review' ? syntheticReport(assets).report : null;
  const reportRssMb = process.memoryUsage().rss / 2 ** 20;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const out = report ? await review(path, report) : { rows: await floor(path), changes: 0 };
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  console.log(`BENCH_RESULT ${JSON.stringify({ kind, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, maxRssMb: process.resourceUsage().maxRSS / 1024, reportRssMb, ...out })}`);
}

interface Result {
  kind: string;
  seconds: number;
  cpuSeconds: number;
  maxRssMb: number;
  rows: number;
  changes: number;
  reportRssMb: number;
}

function run(kind: string, assets: number, file: string): Result {
  const out = spawnSync(process.execPath, [process.argv[1] ?? '', `--child=${kind}`, `--assets=${assets}`, `--file=${file}`], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const line = out.stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  if (out.status !== 0 || !line) throw new Error(`${kind} failed (${out.status}): ${out.stderr.slice(-2000)}`);
  return JSON.parse(line.slice('BENCH_RESULT '.length)) as Result;
}

const s = (n: number): string => n.toFixed(2);

async function parent(): Promise<void> {
  const assets = Number(flag('assets', '100000'));
  const edits = Number(flag('edits', '1000'));
  const reps = Number(flag('reps', '2'));
  const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
  console.log(`roundtrip bench: ${assets} assets × 10 layers, ${edits} edits, best of ${reps} per measurement, each in its own process`);
  console.log(`load average at start: ${load()} on ${availableParallelism()} CPUs`);
  const dir = mkdtempSync(join(tmpdir(), 'demarc-roundtrip-bench-'));
  const file = join(dir, 'edited.xlsx');
  try {
    const t = performance.now();
    await writeEdited(file, assets, edits);
    console.log(`edited export written in ${s((performance.now() - t) / 1000)} s: ${(statSync(file).size / 2 ** 20).toFixed(1)} MB`);
    // Alternate review and floor so load from other processes hits both alike.
    const reviews: Result[] = [];
    const floors: Result[] = [];
    for (let i = 0; i < reps; i += 1) {
      reviews.push(run('review', assets, file));
      floors.push(run('floor', assets, file));
    }
    const a = reviews.reduce((x, y) => (y.seconds < x.seconds ? y : x));
    const b = floors.reduce((x, y) => (y.seconds < x.seconds ? y : x));
    const peak = Math.max(...reviews.map((r) => r.maxRssMb));
    const cpuA = Math.min(...reviews.map((r) => r.cpuSeconds));
    const cpuB = Math.min(...floors.map((r) => r.cpuSeconds));
    console.log(`review: ${a.rows.toLocaleString('en')} RACI rows compared, ${a.changes} changes listed (of ${edits} edits made); the report in memory before the review: ${a.reportRssMb.toFixed(0)} MB RSS`);
    console.log(`CPU time (less sensitive to other load): review ${s(cpuA)} s, floor ${s(cpuB)} s, ratio ${s(cpuA / cpuB)}; load average at end: ${load()}`);
    console.log(
      `roundtrip ${assets / 1000}k×10: review ${s(a.seconds)} s, floor (streaming read alone) ${s(b.seconds)} s, ratio ${s(a.seconds / b.seconds)} (goal ≤ 1.5); ` +
        `peak RSS ${peak.toFixed(0)} MB (goal ≤ 400; floor ${Math.max(...floors.map((r) => r.maxRssMb)).toFixed(0)} MB)`
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const childKind = flag('child', '');
if (childKind) {
  child(childKind).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else
  parent().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
