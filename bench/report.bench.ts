/**
 * Report benchmark on the user's path: `demarc report <wb> --json > report.json` of a workbook
 * built by `demarc import` of a generated 100k-resource `az resource list` (plus parties and
 * owners set with the CLI), in a process of its own, its stdout streamed to a file. Beside it, in
 * the same run, the floor of what the report must at least do: read every asset row from the file
 * (the same keyset pages) and write each as pretty JSON to a file. The report is then checked to
 * be valid JSON holding every asset (Python's json module, outside the measured process).
 * Goal: it streams, peak RSS ≤ 600 MB. Figures only: benchmarks report, they never assert times.
 *
 *   npm run bench -- report [-- --resources=100000 --reps=2 --keep=/tmp/bench.demarc]
 */
import './resolve-from-cwd';
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeWorkbook, openWorkbook } from '@main/services/workbook-service';
import { listAssets } from '@main/store/repos/assets';
import { buildWorkbook, demarc, fastest, flag, load, mb, measureHere, runChild, s2, writeInventory, type Measured } from './user-path';

/** The floor: every asset row read in pages and written as pretty JSON, with backpressure. */
async function floor(workbook: string, out: string): Promise<number> {
  const wb = openWorkbook({ clock: () => new Date().toISOString(), osUser: 'bench' }, workbook);
  const file = createWriteStream(out);
  let assets = 0;
  try {
    for (let afterId = 0; ; ) {
      const page = listAssets(wb.db, { afterId, limit: 1000 });
      if (page.length === 0) break;
      let text = '';
      for (const asset of page) text += `${JSON.stringify(asset, null, 2)},\n`;
      if (!file.write(text)) await once(file, 'drain');
      assets += page.length;
      afterId = page[page.length - 1]!.id;
    }
  } finally {
    file.end();
    await once(file, 'close');
    closeWorkbook(wb);
  }
  return assets;
}

async function child(kind: string): Promise<void> {
  const workbook = flag('workbook', '');
  const out = flag('out', '');
  await measureHere(kind, async () => {
    if (kind === 'report') await demarc(['report', workbook, '--json'], out);
    else await floor(workbook, out);
    return `${(statSync(out).size / 2 ** 20).toFixed(0)} MB of JSON`;
  });
}

/** Parses the report (outside the measured process) and counts its assets and findings. */
function validate(path: string): string {
  const py = 'import json,sys\nr=json.load(open(sys.argv[1],encoding="utf-8"))\nprint(f"valid JSON: {len(r[\'assets\'])} assets, {len(r[\'findings\'])} findings")';
  const run = spawnSync('python3', ['-c', py, path], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : `NOT VALID JSON: ${run.stderr.trim().split('\n').at(-1) ?? ''}`;
}

async function parent(): Promise<void> {
  const resources = Number(flag('resources', '100000'));
  const reps = Number(flag('reps', '2'));
  const dir = mkdtempSync(join(tmpdir(), 'demarc-report-bench-'));
  const kept = flag('keep', '');
  const workbook = kept || join(dir, 'bench.demarc');
  const out = join(dir, 'report.json');
  try {
    if (!existsSync(workbook)) {
      console.log(`building the workbook: demarc new + import of ${resources} generated resources + parties + assign …`);
      await buildWorkbook(workbook, writeInventory(dir, resources));
    }
    console.log(`report bench: ${workbook}; best of ${reps}, each run in its own process; ${load()}`);
    const reports: Measured[] = [];
    const floors: Measured[] = [];
    for (let i = 0; i < reps; i++) {
      floors.push(runChild('floor', [`--workbook=${workbook}`, `--out=${out}`]));
      reports.push(runChild('report', [`--workbook=${workbook}`, `--out=${out}`]));
    }
    const a = fastest(reports);
    const b = fastest(floors);
    const peak = Math.max(...reports.map((r) => r.maxRssMb));
    console.log(`demarc report --json: ${reports.map((r) => `${s2(r.seconds)} s (${mb(r.maxRssMb)} MB)`).join(', ')}; ${a.note}; ${validate(out)}`);
    console.log(`floor (asset rows read and written as JSON): ${floors.map((r) => `${s2(r.seconds)} s (${mb(r.maxRssMb)} MB)`).join(', ')}; ${b.note}`);
    console.log(`CPU time (less sensitive to other load): report ${s2(a.cpuSeconds)} s, floor ${s2(b.cpuSeconds)} s, ratio ${s2(a.cpuSeconds / b.cpuSeconds)}`);
    console.log(`report ${resources / 1000}k: ${s2(a.seconds)} s, floor ${s2(b.seconds)} s, ratio ${s2(a.seconds / b.seconds)}; peak RSS ${mb(peak)} MB (goal ≤ 600); ${load()}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const childKind = flag('child', '');
(childKind ? child(childKind) : parent()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
