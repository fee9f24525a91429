/**
 * Export benchmark on the user's path: `demarc export <wb> --out x.xlsx` of a workbook built by
 * `demarc import` of a generated 100k-resource `az resource list` (plus parties and owners set
 * with the CLI), against the floor measured in the same run: exceljs's streaming WorkbookWriter
 * with `useStyles: false, useSharedStrings: false` writing the same sheets × rows × cells (real
 * cell values, a sample of each sheet's own rows repeated), nothing else. Each measurement runs
 * in its own process, so the peak RSS printed is that process's. Goals: ≤ 1.3 × the floor,
 * peak RSS ≤ 400 MB. Figures only: benchmarks report, they never assert times.
 *
 * The ratio to read is the median of the per-pair ratios (each export run right before a floor run).
 *
 *   npm run bench -- export [-- --resources=100000 --reps=3 --keep=/tmp/bench.demarc]
 */
import './resolve-from-cwd';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { buildExportModel, type ExportCell } from '@core/export-model';
import { EXCEL_MAX_ROWS } from '@main/export/xlsx-sheet';
import { exportSource } from '@main/services/export-service';
import { closeWorkbook, openWorkbook } from '@main/services/workbook-service';
import { tallyOf } from '@core/export-model';
import { buildWorkbook, demarc, fastest, flag, load, mb, measureHere, pairedRatios, runChild, s2, writeInventory, type Measured } from './user-path';

/** Real rows per sheet the floor repeats (the first ones of each sheet). */
const SAMPLE_ROWS = 2000;

interface SheetShape {
  name: string;
  header: string[];
  rowCount: number;
  sample: ExportCell[][];
}

/** The sheets the export writes from this workbook: names, rows, and a sample of real rows. */
function sheetShapes(workbook: string): SheetShape[] {
  const ctx = { clock: () => new Date().toISOString(), osUser: 'bench' };
  const wb = openWorkbook(ctx, workbook);
  try {
    const source = exportSource(wb, ctx);
    const model = buildExportModel(source, tallyOf(source), { exportedAt: '2026-01-01T00:00:00.000Z', exportedBy: 'bench' });
    return model.sheets.map((sheet) => {
      const sample: ExportCell[][] = [];
      for (const row of sheet.rows()) {
        sample.push(row);
        if (sample.length >= SAMPLE_ROWS) break;
      }
      return { name: sheet.name, header: sheet.columns.map((c) => c.header), rowCount: sheet.rowCount, sample };
    });
  } finally {
    closeWorkbook(wb);
  }
}

/** The floor: the bare streaming writer, same sheets × rows × cells, plain values, no styles. */
async function floor(path: string, shapes: readonly SheetShape[]): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: false, useSharedStrings: false });
  let cells = 0;
  for (const shape of shapes) {
    // Continued past Excel's row limit, as the export does.
    for (let written = 0, part = 1; written < shape.rowCount || part === 1; part++) {
      const worksheet = workbook.addWorksheet(part === 1 ? shape.name : `${shape.name} (${part})`);
      worksheet.addRow(shape.header).commit();
      const end = Math.min(shape.rowCount, written + EXCEL_MAX_ROWS - 1);
      for (; written < end; written++) {
        const row = shape.sample[written % shape.sample.length] ?? [];
        worksheet.addRow(row).commit();
        cells += row.length;
        // Yield as the export does, so the zip keeps up and memory stays bounded.
        if (written % 512 === 511) await nextTurn();
      }
      worksheet.commit();
      cells += shape.header.length;
    }
  }
  await workbook.commit();
  return cells;
}

async function child(kind: string): Promise<void> {
  const workbook = flag('workbook', '');
  const out = join(flag('dir', ''), `${kind}.xlsx`);
  if (kind === 'export') {
    await measureHere(kind, async () => {
      await demarc(['export', workbook, '--out', out]);
      return `${(statSync(out).size / 2 ** 20).toFixed(1)} MB xlsx`;
    });
  } else {
    const shapes = sheetShapes(workbook);
    await measureHere(kind, async () => {
      const cells = await floor(out, shapes);
      const rows = shapes.map((s) => `${s.name} ${s.rowCount}×${s.header.length}`).join(', ');
      return `${cells.toLocaleString('en')} cells (${rows}); ${(statSync(out).size / 2 ** 20).toFixed(1)} MB xlsx`;
    });
  }
  rmSync(out, { force: true });
}

async function parent(): Promise<void> {
  const resources = Number(flag('resources', '100000'));
  const reps = Number(flag('reps', '3'));
  const dir = mkdtempSync(join(tmpdir(), 'demarc-export-bench-'));
  const kept = flag('keep', '');
  const workbook = kept || join(dir, 'bench.demarc');
  try {
    if (!existsSync(workbook)) {
      console.log(`building the workbook: demarc new + import of ${resources} generated resources + parties + assign …`);
      await buildWorkbook(workbook, writeInventory(dir, resources));
    }
    console.log(`export bench: ${workbook} (${(statSync(workbook).size / 2 ** 20).toFixed(0)} MB); ${reps} pairs, each run in its own process; ${load()}`);
    const exports: Measured[] = [];
    const floors: Measured[] = [];
    // Alternate so load from other processes hits both alike.
    for (let i = 0; i < reps; i++) {
      exports.push(runChild('export', [`--workbook=${workbook}`, `--dir=${dir}`]));
      floors.push(runChild('floor', [`--workbook=${workbook}`, `--dir=${dir}`]));
    }
    const a = fastest(exports);
    const b = fastest(floors);
    const peak = Math.max(...exports.map((r) => r.maxRssMb));
    console.log(`floor wrote ${b.note}`);
    console.log(`demarc export: ${exports.map((r) => `${s2(r.seconds)} s (${mb(r.maxRssMb)} MB)`).join(', ')}; ${a.note}`);
    console.log(`floor:         ${floors.map((r) => `${s2(r.seconds)} s`).join(', ')}`);
    // CPU time is less sensitive to other load than wall time; the least of each kind's runs.
    const cpuA = Math.min(...exports.map((r) => r.cpuSeconds));
    const cpuB = Math.min(...floors.map((r) => r.cpuSeconds));
    console.log(`CPU time: export ${exports.map((r) => s2(r.cpuSeconds)).join(', ')} s, floor ${floors.map((r) => s2(r.cpuSeconds)).join(', ')} s; least of each ${s2(cpuA)} vs ${s2(cpuB)} s, ratio ${s2(cpuA / cpuB)} (goal ≤ 1.3); ${load()}`);
    console.log(`export ${resources / 1000}k ${pairedRatios(exports, floors).line} (goal ≤ 1.3)`);
    console.log(`export ${resources / 1000}k: ${s2(a.seconds)} s, floor ${s2(b.seconds)} s, ratio ${s2(a.seconds / b.seconds)} (goal ≤ 1.3); peak RSS ${mb(peak)} MB (goal ≤ 400)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const childKind = flag('child', '');
(childKind ? child(childKind) : parent()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
