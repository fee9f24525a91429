/**
 * Round-trip benchmark on the user's path: `demarc import <wb> edited.xlsx --dry-run --json` — the
 * CLI recognising its own export and building the review's diff — of a workbook built by `demarc
 * import` of a generated 100k-resource `az resource list` (100k assets × 10 layers: a million RACI
 * rows), against the floor measured in the same run: the leanest read of the same cells with the
 * libraries the product reads with — zlib inflating the archive's parts, saxes parsing them, each
 * cell's value taken (shared strings by index) and nothing else. exceljs's streaming reader reading
 * the same sheets, the floor of earlier rounds, is measured too as a reference (--exceljs=no skips it).
 * Each measurement runs in its own process, so the peak RSS printed is that process's.
 *
 * The edited file is what a participant sends back: the export of the workbook with `edits`
 * Accountables changed (made in a copy of the workbook with `raci.setMany`, exported under the
 * original's identity and revision, as the export the participant received). Goals: ≤ 1.5 × the
 * floor, peak RSS ≤ 400 MB. Figures only: benchmarks report, they never assert times.
 *
 * The ratio to read is the median of the per-pair ratios (each review run right before a floor run).
 *
 *   npm run bench -- roundtrip [-- --resources=100000 --edits=1000 --reps=3 --exceljs=no --keep=/tmp/rt.demarc --keep-edited=/tmp/rt.xlsx]
 */
import './resolve-from-cwd';
import { closeSync, copyFileSync, createReadStream, existsSync, fstatSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { tallyOf } from '@core/export-model';
import { skipWorksheet } from '@main/export/exceljs-internals';
import { isRoundTripSheet } from '@main/export/xlsx-roundtrip-reader';
import { writeXlsx } from '@main/export/xlsx-writer';
import { ZipFile } from '@main/export/zip-file';
import { exportSource } from '@main/services/export-service';
import { setRaciMany } from '@main/services/raci-bulk';
import { closeWorkbook, openWorkbook } from '@main/services/workbook-service';
import { listParties } from '@main/store/repos/parties';
import { lastChangeId } from '@main/store/repos/change-log';
import { META_KEYS, readMeta } from '@main/store/repos/meta';
import { workbookReport } from '@main/services/report';
import type { RoundTripPreview } from '@shared/contract/roundtrip';
import { buildWorkbook, demarc, fastest, flag, load, mb, measureHere, pairedRatios, runChild, s2, writeInventory, type Measured } from './user-path';

const ctx = { clock: () => new Date().toISOString(), osUser: 'bench' };

/**
 * The participant's file: a copy of the workbook with `edits` Accountables moved to Bob Chen (one
 * asset in every `step`, its layers in turn), exported under the original's identity.
 */
async function writeEdited(workbook: string, dir: string, edits: number, keep?: string): Promise<string> {
  const original = openWorkbook(ctx, workbook);
  const identity = { workbookId: readMeta(original.db).get(META_KEYS.workbookId) ?? '', revision: lastChangeId(original.db) };
  closeWorkbook(original);
  const copy = join(dir, 'participant.demarc');
  copyFileSync(workbook, copy);
  const wb = openWorkbook(ctx, copy);
  try {
    const bob = listParties(wb.db).find((p) => p.name === 'Bob Chen')!.id;
    const byLayer = new Map<string, number[]>();
    let i = 0;
    let assets = 0;
    for (const page of workbookReport(wb, ctx).assetPages()) for (const asset of page) assets += asset.layers.length > 0 ? 1 : 0;
    const step = Math.max(1, Math.floor(assets / edits));
    for (const page of workbookReport(wb, ctx).assetPages()) {
      for (const asset of page) {
        if (i++ % step !== 0 || [...byLayer.values()].reduce((n, ids) => n + ids.length, 0) >= edits) continue;
        const layer = asset.layers[Math.floor(i / step) % asset.layers.length];
        if (layer === undefined || layer.A.includes('Bob Chen')) continue;
        byLayer.set(layer.layerId, [...(byLayer.get(layer.layerId) ?? []), asset.id]);
      }
    }
    let made = 0;
    for (const [layerId, ids] of byLayer) made += setRaciMany(wb, ctx, { filter: { ids }, layerId, roles: { A: [bob] } }).count;
    const path = keep ?? join(dir, 'edited.xlsx');
    const source = exportSource(wb, ctx);
    const tally = tallyOf(source);
    await writeXlsx({ source, planned: { assets: tally.cover.assets, raciRows: tally.raciRows } }, { path, exportedAt: '2026-12-07T09:00:00.000Z', exportedBy: 'Bench Participant', identity });
    console.log(`edited export: ${made} Accountables changed in a copy, exported under revision ${identity.revision}: ${(statSync(path).size / 2 ** 20).toFixed(1)} MB`);
    return path;
  } finally {
    closeWorkbook(wb);
  }
}

/** Parses one part with saxes, straight, the handlers given (the floor's XML read). */
async function saxesPart(zip: ZipFile, name: string, on: { open?: (tag: SaxesTagPlain) => void; text?: (text: string) => void; close?: (tag: SaxesTagPlain) => void }): Promise<void> {
  const entry = zip.entries.get(name);
  if (entry === undefined) throw new Error(`floor: no ${name} in the archive`);
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  if (on.open) parser.on('opentag', on.open);
  if (on.text) parser.on('text', on.text);
  if (on.close) parser.on('closetag', on.close);
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of zip.chunks(entry)) parser.write(decoder.decode(chunk, { stream: true }));
  parser.close();
}

/**
 * The floor: the leanest way the libraries the product reads with (zlib, saxes) read the same
 * cells — the sheets the round trip reads (RACI, Matrix, the identity sheet; the others never
 * inflated, as the product leaves them) and the shared strings when the file has them (each copied
 * out of saxes's chunk, as the product keeps them), each cell's value taken (a shared string looked up
 * by its index, an inline string's text — Demarc's export writes text inline), nothing else: no cell
 * objects, no dates, no formulas, no diff.
 */
async function floor(path: string): Promise<number> {
  const fd = openSync(path, 'r');
  try {
    const zip = new ZipFile(fd, fstatSync(fd).size);
    const sheetOf = new Map<string, string>();
    await saxesPart(zip, 'xl/workbook.xml', { open: (t) => void (t.name === 'sheet' && sheetOf.set(t.attributes['r:id'] ?? '', t.attributes.name ?? '')) });
    const parts: string[] = [];
    await saxesPart(zip, 'xl/_rels/workbook.xml.rels', {
      open: (t) => void (t.name === 'Relationship' && isRoundTripSheet(sheetOf.get(t.attributes.Id ?? '') ?? '') && parts.push(`xl/${t.attributes.Target ?? ''}`))
    });
    const strings: string[] = [];
    let text = '';
    let inText = false;
    if (zip.entries.has('xl/sharedStrings.xml')) await saxesPart(zip, 'xl/sharedStrings.xml', {
      open: (t) => void (t.name === 't' ? (inText = true) : t.name === 'si' && (text = '')),
      text: (x) => void (inText && (text += x)),
      close: (t) => void (t.name === 't' ? (inText = false) : t.name === 'si' && strings.push(Buffer.from(text, 'utf8').toString('utf8')))
    });
    let cells = 0;
    for (const part of parts) {
      let type = '';
      let value: string | null = null;
      let inValue = false;
      await saxesPart(zip, part, {
        open: (t) => {
          if (t.name === 'c') {
            type = t.attributes.t ?? '';
            value = null;
          } else if (t.name === 'v' || (t.name === 't' && type === 'inlineStr')) {
            inValue = true;
            value ??= '';
          }
        },
        text: (x) => void (inValue && (value += x)),
        close: (t) => {
          if (t.name === 'v' || t.name === 't') inValue = false;
          else if (t.name === 'c' && value !== null && (type === 's' ? strings[Number(value)] : value) !== undefined) cells += 1;
        }
      });
    }
    return cells;
  } finally {
    closeSync(fd);
  }
}

/**
 * A reference (the goal of the earlier rounds): exceljs's streaming reader reading every row of
 * the same sheets, the others skipped unparsed. No longer the floor: the product reads faster.
 */
async function exceljsRead(path: string): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(path), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore'
  });
  let rows = 0;
  for await (const worksheet of reader) {
    if (!isRoundTripSheet((worksheet as unknown as { name: string }).name)) {
      await skipWorksheet(worksheet);
      continue;
    }
    for await (const row of worksheet) rows += row.cellCount > 0 ? 1 : 0;
  }
  return rows;
}

async function child(kind: string): Promise<void> {
  const workbook = flag('workbook', '');
  const file = flag('file', '');
  const out = flag('out', '');
  if (kind === 'review') {
    await measureHere(kind, async () => {
      await demarc(['import', workbook, file, '--dry-run', '--json'], out);
      return 'demarc import --dry-run --json';
    });
  } else if (kind === 'floor') {
    await measureHere(kind, async () => `${(await floor(file)).toLocaleString('en')} cells read`);
  } else {
    await measureHere(kind, async () => `${(await exceljsRead(file)).toLocaleString('en')} rows read`);
  }
}

async function parent(): Promise<void> {
  const resources = Number(flag('resources', '100000'));
  const edits = Number(flag('edits', '1000'));
  const reps = Number(flag('reps', '3'));
  const withExceljs = flag('exceljs', 'yes') !== 'no';
  const dir = mkdtempSync(join(tmpdir(), 'demarc-roundtrip-bench-'));
  const kept = flag('keep', '');
  const workbook = kept || join(dir, 'bench.demarc');
  try {
    if (!existsSync(workbook)) {
      console.log(`building the workbook: demarc new + import of ${resources} generated resources + parties + assign …`);
      await buildWorkbook(workbook, writeInventory(dir, resources));
      await demarc(['parties', workbook, 'add', 'Bob Chen', '--kind', 'person']);
    }
    const keptEdited = flag('keep-edited', '');
    const file = keptEdited && existsSync(keptEdited) ? keptEdited : await writeEdited(workbook, dir, edits, keptEdited || undefined);
    console.log(`roundtrip bench: ${workbook} (${(statSync(workbook).size / 2 ** 20).toFixed(0)} MB); ${reps} pairs, each run in its own process; ${load()}`);
    const reviews: Measured[] = [];
    const floors: Measured[] = [];
    const exceljsReads: Measured[] = [];
    const out = join(dir, 'review.json');
    // Alternate so load from other processes hits both alike.
    for (let i = 0; i < reps; i++) {
      reviews.push(runChild('review', [`--workbook=${workbook}`, `--file=${file}`, `--out=${out}`]));
      floors.push(runChild('floor', [`--file=${file}`]));
      if (withExceljs) exceljsReads.push(runChild('exceljs', [`--file=${file}`]));
    }
    const preview = JSON.parse(readFileSync(out, 'utf8')) as RoundTripPreview;
    const a = fastest(reviews);
    const b = fastest(floors);
    const peak = Math.max(...reviews.map((r) => r.maxRssMb));
    console.log(`review: ${preview.counts.rows.toLocaleString('en')} RACI rows compared, ${preview.counts.changes} changes listed on ${preview.counts.assets} assets, ${preview.counts.errors} errors; floor ${b.note}`);
    const runs = (measured: readonly Measured[]) => measured.map((r) => `${s2(r.seconds)} s wall / ${s2(r.cpuSeconds)} s CPU (${mb(r.maxRssMb)} MB)`).join(', ');
    console.log(`demarc import --dry-run: ${runs(reviews)}`);
    console.log(`floor (zlib + saxes):    ${runs(floors)}`);
    if (exceljsReads.length > 0) {
      const e = fastest(exceljsReads);
      console.log(`exceljs streaming read:  ${exceljsReads.map((r) => `${s2(r.seconds)} s (${mb(r.maxRssMb)} MB)`).join(', ')}; ${e.note}`);
      console.log(`  review / exceljs read: CPU ${s2(a.cpuSeconds / e.cpuSeconds)}, wall ${s2(a.seconds / e.seconds)} (the earlier rounds' floor; the product now reads faster)`);
    }
    console.log(`CPU time (less sensitive to other load): review ${s2(a.cpuSeconds)} s, floor ${s2(b.cpuSeconds)} s, ratio ${s2(a.cpuSeconds / b.cpuSeconds)}; ${load()}`);
    console.log(`roundtrip ${resources / 1000}k ${pairedRatios(reviews, floors).line} (goal ≤ 1.5)`);
    console.log(
      `roundtrip ${resources / 1000}k: review ${s2(a.seconds)} s, floor ${s2(b.seconds)} s, ratio ${s2(a.seconds / b.seconds)} (goal ≤ 1.5); peak RSS ${mb(peak)} MB (goal ≤ 400; floor ${mb(Math.max(...floors.map((r) => r.maxRssMb)))} MB)`
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const childKind = flag('child', '');
(childKind ? child(childKind) : parent()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
