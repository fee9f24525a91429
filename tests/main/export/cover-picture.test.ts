/**
 * The audit workbook's Cover carries the demarcation picture: read back from the package (the
 * PNG, its drawing, alt text, page break) and by exceljs's reader, and printed by LibreOffice.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportWorkbook } from '@main/services/export-service';
import { drawWorkbookPicture } from '@main/services/picture';
import type { PictureDrawing } from '@shared/picture';
import { createTestWorkbook } from '@tests/helpers/workbook';
import { seedExportWorkbook } from '@tests/helpers/export-seed';
import { readWorkbook, zipBuffers } from '@tests/helpers/read-back';

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

const dir = join(tmpdir(), `demarc-cover-${randomUUID()}`);
let path: string;
let drawing: PictureDrawing;
let coverRows: number;

beforeAll(async () => {
  execFileSync('mkdir', ['-p', dir]);
  const t = createTestWorkbook({ organisation: 'Northwind Traders' });
  await seedExportWorkbook(t.wb, t.ctx);
  drawing = drawWorkbookPicture(t.wb, t.ctx, {});
  path = (await exportWorkbook(t.wb, t.ctx, { format: 'xlsx', path: join(dir, 'audit.xlsx'), exportedAt: 'last-change' })).path;
  coverRows = (await readWorkbook(path)).getWorksheet('Cover')!.actualRowCount;
  t.close();
}, 60_000);
afterAll(() => (process.env.KEEP_PICTURE_PDF ? undefined : rmSync(dir, { recursive: true, force: true })));

describe('the Cover picture', () => {
  it('is a 1600-pixel PNG in the package, drawn on the Cover with its description as alt text', () => {
    const entries = zipBuffers(path);
    const png = PNG.sync.read(entries.get('xl/media/image0.png')!);
    expect(png.width).toBe(1600);
    expect(png.height).toBe(Math.round((1600 * drawing.height) / drawing.width));
    const drawingXml = entries.get('xl/drawings/drawing1.xml')!.toString('utf8');
    expect(drawingXml).toContain(`name="${drawing.title}"`);
    expect(drawingXml).toContain('descr="Demarcation line: Microsoft Azure shared responsibility (January 2026). Whole workbook');
    expect(entries.get('xl/drawings/_rels/drawing1.xml.rels')!.toString('utf8')).toContain('Target="../media/image0.png"');
    const types = entries.get('[Content_Types].xml')!.toString('utf8');
    expect(types).toContain('<Default Extension="png" ContentType="image/png"/>');
    expect(types).toContain('<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>');
    const sheet = entries.get('xl/worksheets/sheet1.xml')!.toString('utf8');
    const rels = entries.get('xl/worksheets/_rels/sheet1.xml.rels')!.toString('utf8');
    const rId = /<drawing r:id="(rId\d+)"\/>/.exec(sheet)?.[1];
    expect(rels).toContain(`Id="${rId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"`);
    // A page of its own: a manual break after the Cover's last row.
    expect(sheet).toContain(`<brk id="${coverRows}" max="16383" man="1"/>`);
    // Only the Cover has a drawing.
    expect([...entries.keys()].filter((name) => name.startsWith('xl/drawings/') && name.endsWith('.xml'))).toEqual(['xl/drawings/drawing1.xml']);
  });

  it('reads back with exceljs: one image under the Cover’s rows, sized for a landscape A4 page', async () => {
    const book = await readWorkbook(path);
    const cover = book.getWorksheet('Cover')!;
    const images = cover.getImages();
    expect(images).toHaveLength(1);
    const image = images[0]!;
    expect(image.range.tl.nativeRow).toBe(coverRows);
    expect(image.range.tl.nativeCol).toBe(0);
    const media = book.getImage(Number(image.imageId));
    expect(media.extension).toBe('png');
    expect(Buffer.from(media.buffer as unknown as ArrayBuffer).equals(zipBuffers(path).get('xl/media/image0.png')!)).toBe(true);
    // Height-bound on the page: 6.77 in tall (after margins), width in proportion.
    const ext = (image.range as unknown as { ext: { width: number; height: number } }).ext;
    expect(ext.height / 96).toBeCloseTo(8.27 - 1.5, 1);
    expect(ext.width / ext.height).toBeCloseTo(drawing.width / drawing.height, 2);
    for (const name of ['Matrix', 'RACI', 'Findings']) expect(book.getWorksheet(name)!.getImages()).toHaveLength(0);
  });

  it.skipIf(!has('soffice') || !has('pdftoppm'))('prints on a page of its own in LibreOffice', { timeout: 180_000 }, () => {
    const profile = join(tmpdir(), `lo-profile-${randomUUID()}`);
    try {
      execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', path, '--outdir', dir], { timeout: 120_000, stdio: 'pipe' });
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    // The Cover's pages come first; render the first three at a low resolution.
    execFileSync('pdftoppm', ['-r', '40', '-f', '1', '-l', '3', '-png', join(dir, 'audit.pdf'), join(dir, 'page')], { timeout: 60_000 });
    const pages = readdirSync(dir).filter((f) => /^page-\d+\.png$/.test(f)).sort();
    // Share of each page's pixels in the picture's customer amber (#fbd99c) and provider blue (#bcd5f5).
    const share = pages.map((file) => {
      const png = PNG.sync.read(readFileSync(join(dir, file)));
      let hits = 0;
      for (let i = 0; i < png.data.length; i += 4) {
        const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
        const near = (c: number[]) => Math.abs(r - c[0]!) + Math.abs(g - c[1]!) + Math.abs(b - c[2]!) < 24;
        if (near([251, 217, 156]) || near([188, 213, 245])) hits++;
      }
      return hits / (png.width * png.height);
    });
    // Page 1 is the Cover's list; the picture fills a later page.
    expect(share[0]).toBeLessThan(0.01);
    expect(Math.max(...share.slice(1))).toBeGreaterThan(0.1);
  });
});
