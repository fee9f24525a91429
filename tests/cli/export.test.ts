/**
 * `demarc export` end to end on a workbook built from a real inventory fixture, with the
 * injection payloads as names, tags, parties and justifications: the xlsx read back with exceljs
 * must say exactly what `demarc report --json` says, for every asset × layer.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { isFormulaLike, normaliseLineBreaks, safeCellText } from '@core/spreadsheet-safe';
import { RESPONSIBILITY_FILLS } from '@main/export/xlsx-styles';
import { ASSET_ATTRIBUTES, attributeLabel } from '@shared/asset-attributes';
import type { ExportResult } from '@shared/contract/export';
import type { Report } from '@shared/report';
import { everyCell, plain, readWorkbook, sheetNames, sheetRows, snapshot, zipEntries } from '@tests/helpers/read-back';
import { HOSTILE, seedExportWorkbook } from '@tests/helpers/export-seed';
import { tempDir } from '@tests/helpers/temp';
import { createTestWorkbook } from '@tests/helpers/workbook';
import { cli } from '@tests/helpers/run-cli';

const VISIBLE = ['Cover', 'Responsibility model', 'Matrix', 'RACI', 'By party', 'Findings', 'Sign-offs', 'Change log'];

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

const joined = (list: readonly string[]) => (list.length === 0 ? null : normaliseLineBreaks(list.join('; ')));

let dir: string;
let workbookPath: string;
let report: Report;
let result: ExportResult;
let book: ExcelJS.Workbook;

// One workbook for the whole file: built once (reader + classifier + engine services), exported once.
beforeAll(async () => {
  const t = createTestWorkbook({ organisation: 'Northwind Traders' });
  await seedExportWorkbook(t.wb, t.ctx);
  t.close();
  // tempDir() is cleaned after each test: keep this file's folder for the whole file.
  dir = join(tmpdir(), `demarc-cli-export-${randomUUID()}`);
  execFileSync('mkdir', ['-p', dir]);
  execFileSync('cp', [t.path, join(dir, 'northwind.demarc')]);
  workbookPath = join(dir, 'northwind.demarc');
  const json = await cli(['report', workbookPath, '--json']);
  expect(json.code).toBe(0);
  report = JSON.parse(json.stdout) as Report;
  // The person exporting is named by the CLI (--actor), not by the workbook.
  const run = await cli(['export', 'northwind.demarc', '--out', 'audit.xlsx', '--json', '--actor', 'Jane Auditor-Prep'], dir);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  result = JSON.parse(run.stdout) as ExportResult;
  book = await readWorkbook(result.path);
  return () => rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('demarc export <wb> --out file.xlsx', () => {
  it('reports the path, sheets, rows and logical sha256', () => {
    expect(result).toMatchObject({ path: join(dir, 'audit.xlsx'), format: 'xlsx', sheets: [...VISIBLE, 'Demarc', 'Lists'] });
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.assets.length).toBeGreaterThanOrEqual(10);
    expect(sheetNames(book)).toEqual([...VISIBLE, 'Demarc', 'Lists']);
    expect(book.getWorksheet('Lists')!.state).toBe('hidden');
    // The identity an edited copy is recognised by when it comes back (docs/roundtrip.md).
    const identity = book.getWorksheet('Demarc')!;
    expect(identity.state).toBe('hidden');
    expect(sheetRows(identity, 2).slice(1, 5)).toEqual([
      ['Format', 'Demarc RACI export 1'],
      ['Workbook id', expect.stringMatching(/^[0-9a-f-]{36}$/)],
      ['Export revision', expect.any(Number)],
      ['Logical-content SHA-256', result.sha256]
    ]);
  });

  it('says exactly what demarc report --json says, for every asset × layer (RACI sheet)', () => {
    const rows = sheetRows(book.getWorksheet('RACI')!, 12);
    expect(rows[0]).toEqual(['Asset', 'Asset id', 'Layer', 'Responsibility', 'Published', 'Overridden', 'Justification', 'R', 'A', 'C', 'I', 'Comments']);
    const byKey = new Map(rows.slice(1).map((r) => [`${String(r[1])}|${String(r[2])}`, r]));
    let checked = 0;
    for (const asset of report.assets) {
      for (const layer of asset.layers) {
        const row = byKey.get(`${asset.id}|${layer.title}`);
        expect(row, `${asset.name} × ${layer.title}`).toBeDefined();
        expect(row).toEqual([
          normaliseLineBreaks(asset.name),
          asset.id,
          layer.title,
          layer.responsibility,
          layer.published,
          layer.overridden ? 'yes' : 'no',
          layer.justification ? normaliseLineBreaks(layer.justification) : null,
          joined(layer.R),
          joined(layer.A),
          joined(layer.C),
          joined(layer.I),
          layer.note
        ]);
        checked += 1;
      }
    }
    expect(checked).toBe(rows.length - 1);
    expect(checked).toBe(report.assets.length * 10);
    // The seeded RACI, overrides and hostile names really are in the data being compared.
    const all = report.assets.flatMap((a) => a.layers);
    expect(all.some((l) => l.R.includes('SecOps') && l.A.includes('Alice Martin') && l.I.includes(HOSTILE[0]!))).toBe(true);
    expect(all.filter((l) => l.overridden).map((l) => l.justification)).toEqual(expect.arrayContaining([HOSTILE[1]]));
  });

  it('fills the Matrix by responsibility and names the accountable party per layer', () => {
    const ws = book.getWorksheet('Matrix')!;
    const header = sheetRows(ws)[0]!;
    let checked = 0;
    report.assets.forEach((asset, i) => {
      const row = ws.getRow(i + 2);
      expect(row.getCell(2).value).toBe(asset.id);
      for (const layer of asset.layers) {
        const col = header.indexOf(layer.title) + 1;
        expect(col).toBeGreaterThan(0);
        const cell = row.getCell(col);
        expect(cell.value).toBe(layer.responsibility);
        expect(cell.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: RESPONSIBILITY_FILLS[layer.responsibility] } });
        expect(plain(row.getCell(col + 1))).toBe(joined(layer.A));
        checked += 1;
      }
    });
    expect(checked).toBe(report.assets.length * 10);
  });

  it('freezes and filters the header of every visible sheet, and validates RACI with lists', () => {
    for (const name of VISIBLE) {
      const ws = book.getWorksheet(name)!;
      expect(ws.views[0], name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter, name).toMatch(/^A1:[A-Z]+\d+$/);
    }
    expect(book.getWorksheet('RACI')!.views[0]).toMatchObject({ xSplit: 1 });
    const model = (book.getWorksheet('RACI') as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    const lastRow = report.assets.length * 10 + 1;
    for (const r of [2, Math.floor(lastRow / 2), lastRow]) {
      expect(model[`D${r}`]).toMatchObject({ type: 'list', formulae: ["'Lists'!$B$2:$B$5"] });
      for (const col of ['H', 'I', 'J', 'K']) expect(model[`${col}${r}`]).toMatchObject({ type: 'list', formulae: [expect.stringMatching(/^'Lists'!\$A\$2:\$A\$\d+$/)] });
    }
    const parties = sheetRows(book.getWorksheet('Lists')!).slice(1).map((r) => r[0]).filter((v) => v !== null);
    expect(parties).toEqual(expect.arrayContaining(['Alice Martin', 'SecOps', HOSTILE[0]]));
  });

  it('holds no formula anywhere: payloads stay text, in cells and in the raw XML', () => {
    const cells = everyCell(book);
    expect(cells.length).toBeGreaterThan(1000);
    for (const { sheet, cell } of cells) {
      expect(cell.type, `${sheet}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
      expect(typeof cell.value === 'string' || typeof cell.value === 'number', `${sheet}!${cell.address}`).toBe(true);
    }
    for (const [name, xml] of zipEntries(result.path)) {
      if (name.includes('worksheets/')) expect(xml, name).not.toMatch(/<f[ >]/);
    }
    const names = new Set(cells.filter((c) => c.sheet === 'RACI').map((c) => c.cell.value));
    for (const payload of HOSTILE.filter((p) => report.assets.some((a) => a.name === p))) expect(names.has(normaliseLineBreaks(payload))).toBe(true);
  });

  it('puts the export facts on the Cover and in the document properties', () => {
    const cover = new Map(sheetRows(book.getWorksheet('Cover')!).map((r) => [r[0], r[1]]));
    expect(cover.get('Organisation')).toBe('Northwind Traders');
    expect(cover.get('Exported at')).toBe(report.workbook.lastChangeAt);
    expect(cover.get('Exported by')).toBe('Jane Auditor-Prep');
    expect(cover.get('Logical-content SHA-256')).toBe(result.sha256);
    expect(cover.get('Assets')).toBe(report.assets.length);
    expect(book.creator).toBe('Jane Auditor-Prep');
    expect(book.company).toBe('Northwind Traders');
    expect(book.created?.toISOString()).toBe(report.workbook.lastChangeAt);
    expect(book.description).toContain(result.sha256);
  });

  it('gives identical cells and properties when run again, and logs nothing', async () => {
    const changesBefore = (await cli(['info', workbookPath, '--json'])).stdout;
    const again = await cli(['export', workbookPath, '--out', join(dir, 'again.xlsx'), '--json', '--actor', 'Jane Auditor-Prep']);
    expect(again.code).toBe(0);
    const second = JSON.parse(again.stdout) as ExportResult;
    expect(second.sha256).toBe(result.sha256);
    // A fresh read of the first file: reading cells through getCell() adds empty ones to `book`.
    expect(snapshot(await readWorkbook(second.path))).toEqual(snapshot(await readWorkbook(result.path)));
    expect((await cli(['info', workbookPath, '--json'])).stdout).toBe(changesBefore);
  });

  it('prints path, sheets, rows and sha256 as text; --now states the current time', async () => {
    const run = await cli(['export', workbookPath, '--out', join(dir, 'now.xlsx'), '--now']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`path: ${join(dir, 'now.xlsx')}`);
    expect(run.stdout).toContain(`sheets: 10 (${VISIBLE.join(', ')}; hidden: Demarc, Lists)`);
    expect(run.stdout).toMatch(/^rows: \d+$/m);
    expect(run.stdout).toContain(`sha256: ${result.sha256}`);
    const at = /^exported at: (.+)$/m.exec(run.stdout)?.[1];
    expect(at).not.toBe(report.workbook.lastChangeAt);
    expect(Math.abs(Date.parse(at!) - Date.now())).toBeLessThan(60_000);
  });

  it.skipIf(!has('soffice'))('opens cleanly in LibreOffice (headless conversion to PDF)', { timeout: 180_000 }, () => {
    const out = join(dir, 'pdf');
    const profile = join(tmpdir(), `lo-${randomUUID()}`);
    try {
      execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, result.path], { timeout: 150_000, stdio: 'pipe' });
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    const pdf = join(out, 'audit.pdf');
    expect(existsSync(pdf)).toBe(true);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (has('pdftoppm')) {
      execFileSync('pdftoppm', ['-r', '60', '-f', '1', '-l', '1', '-png', pdf, join(out, 'page')], { timeout: 60_000 });
      expect(readdirSync(out).some((f) => /^page-0*1\.png$/.test(f))).toBe(true);
    }
  });
});

describe('demarc export <wb> --out file.csv', () => {
  it('writes the RACI table with a BOM, CRLF and injection-safe cells', async () => {
    const run = await cli(['export', workbookPath, '--out', join(dir, 'raci.csv'), '--json']);
    expect(run.code).toBe(0);
    const csv = JSON.parse(run.stdout) as ExportResult;
    expect(csv).toMatchObject({ format: 'csv', sheets: ['RACI'], rows: report.assets.length * 10, sha256: result.sha256 });
    const bytes = readFileSync(csv.path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('"Asset","Asset id","Layer","Responsibility","Published","Overridden","Justification","R","A","C","I","Comments","Signed off by / on","Criticality","Data classification","Environment"');
    const records = parse(text, { relax_column_count: false }) as string[][];
    for (const record of records) for (const field of record) expect(isFormulaLike(field), field).toBe(false);
    const byKey = new Map(records.slice(1).map((r) => [`${r[1]}|${r[2]}`, r]));
    const field = (list: readonly string[]) => (list.length === 0 ? '' : safeCellText(normaliseLineBreaks(list.join('; '))));
    for (const asset of report.assets) {
      for (const layer of asset.layers) {
        const r = byKey.get(`${asset.id}|${layer.title}`);
        expect(r?.slice(3), `${asset.name} × ${layer.title}`).toEqual([
          layer.responsibility,
          layer.published,
          layer.overridden ? 'yes' : 'no',
          layer.justification ? safeCellText(normaliseLineBreaks(layer.justification)) : '',
          field(layer.R),
          field(layer.A),
          field(layer.C),
          field(layer.I),
          layer.note ?? '',
          '',
          ...ASSET_ATTRIBUTES.map((attribute) => attributeLabel(attribute, asset[attribute]))
        ]);
        expect(r?.[0]).toBe(safeCellText(normaliseLineBreaks(asset.name)));
      }
    }
  });
});

describe('demarc export: bad input exits 2 with one clear line', () => {
  const cases: [string, string[], RegExp][] = [
    ['no --out', ['export', 'WB'], /^demarc export: --out <file.xlsx\|file.csv> is required\n$/],
    ['unknown extension', ['export', 'WB', '--out', 'x.pdf'], /^demarc export: --out x\.pdf: the file must end in \.xlsx or \.csv \(got \.pdf\)\.\n$/],
    ['no extension', ['export', 'WB', '--out', 'report'], /got no extension/],
    ['no workbook', ['export'], /^demarc export: expected a workbook file first/],
    ['missing workbook', ['export', 'nope.demarc', '--out', 'x.xlsx'], /^demarc export: .*nope\.demarc/],
    ['missing folder', ['export', 'WB', '--out', 'no/such/dir/x.xlsx'], /^demarc export: Cannot export to .*x\.xlsx: the folder .* does not exist\.\n$/],
    ['unknown option', ['export', 'WB', '--out', 'x.xlsx', '--format', 'xlsx'], /^demarc export: .*--format/]
  ];
  for (const [what, args, message] of cases) {
    it(what, async () => {
      const cwd = tempDir();
      const run = await cli(args.map((a) => (a === 'WB' ? workbookPath : a)), cwd);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(readdirSync(cwd)).toEqual([]);
    });
  }
});
