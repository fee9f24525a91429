/**
 * `demarc picture` end to end on a workbook built from a real inventory fixture: the SVG read
 * back as XML says what `demarc report --json` says; the PNG decodes at the asked size.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PictureSaveResult } from '@shared/contract/picture';
import type { Report } from '@shared/report';
import { cellElements, elements, parseSvg } from '../core/picture/picture-helpers';
import { sha256File } from '@tests/helpers/temp';
import { createTestWorkbook } from '@tests/helpers/workbook';
import { seedExportWorkbook } from '@tests/helpers/export-seed';
import { cli } from '@tests/helpers/run-cli';

let dir: string;
let report: Report;
let workbookBytes: string;

beforeAll(async () => {
  const t = createTestWorkbook({ organisation: 'Northwind Traders' });
  await seedExportWorkbook(t.wb, t.ctx);
  t.close();
  dir = join(tmpdir(), `demarc-cli-picture-${randomUUID()}`);
  execFileSync('mkdir', ['-p', dir]);
  execFileSync('cp', [t.path, join(dir, 'northwind.demarc')]);
  const json = await cli(['report', 'northwind.demarc', '--json'], dir);
  report = JSON.parse(json.stdout) as Report;
  workbookBytes = sha256File(join(dir, 'northwind.demarc'));
  return () => rmSync(dir, { recursive: true, force: true });
}, 60_000);

/** Per service model × layer of the report: assets, overrides, and customer-side layers without an A. */
function reportCells(assets: Report['assets']) {
  const cells = new Map<string, { assets: number; overrides: number; gaps: number }>();
  for (const asset of assets) {
    if (asset.serviceModel === null) continue;
    for (const layer of asset.layers) {
      const key = `${asset.serviceModel}:${layer.layerId}`;
      const cell = cells.get(key) ?? { assets: 0, overrides: 0, gaps: 0 };
      cell.assets++;
      if (layer.overridden) cell.overrides++;
      if ((layer.responsibility === 'customer' || layer.responsibility === 'shared') && layer.A.length === 0) cell.gaps++;
      cells.set(key, cell);
    }
  }
  return cells;
}

function decodePng(path: string): PNG {
  return PNG.sync.read(readFileSync(path));
}

describe('demarc picture <wb> --out line.svg', () => {
  it('writes an SVG whose cells say what the report says', async () => {
    const run = await cli(['picture', 'northwind.demarc', '--out', 'line.svg', '--json'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as PictureSaveResult;
    expect(result).toMatchObject({ path: join(dir, 'line.svg'), format: 'svg', scopeLabel: expect.stringContaining('Whole workbook') });
    expect(sha256File(result.path)).toBe(result.sha256);
    const doc = parseSvg(readFileSync(result.path, 'utf8'));
    expect(elements(doc, 'title')[0]?.textContent).toBe(result.title);
    expect(elements(doc, 'desc')[0]?.textContent?.length).toBeGreaterThan(100);
    const expected = reportCells(report.assets);
    const drawn = cellElements(doc);
    expect(drawn.size).toBe(40);
    for (const [id, g] of drawn) {
      const cell = expected.get(id) ?? { assets: 0, overrides: 0, gaps: 0 };
      const actual = {
        assets: Number(g.getAttribute('data-assets')),
        overrides: Number(g.getAttribute('data-overrides')),
        gaps: Number(g.getAttribute('data-no-accountable'))
      };
      expect({ id, ...actual }).toEqual({ id, ...cell });
    }
    expect(result.noAccountable).toBe([...expected.values()].reduce((n, c) => n + c.gaps, 0));
    expect(result.noAccountable).toBeGreaterThan(0);
    expect(result.overrides).toBe(2);
    expect(result.totals.unclassified).toBe(report.assets.filter((a) => a.serviceModel === null).length);
    expect(result.columns.map((c) => c.lineAfter)).toEqual([10, 7, 6, 5]);
    // A read: the workbook's bytes are unchanged.
    expect(sha256File(join(dir, 'northwind.demarc'))).toBe(workbookBytes);
  });

  it('draws a scope: only the matching assets are counted', async () => {
    const group = report.assets.find((a) => a.resourceGroup !== null)!.resourceGroup!;
    const run = await cli(['picture', 'northwind.demarc', '--out', 'rg.svg', '--scope', `rg=${group.toUpperCase()}`, '--json'], dir);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as PictureSaveResult;
    const inGroup = report.assets.filter((a) => a.resourceGroup?.toLowerCase() === group.toLowerCase());
    expect(result.totals.scope).toBe(inGroup.length);
    expect(result.scopeLabel).toContain(`Resource group ${group.toUpperCase()}`);
    const cells = cellElements(parseSvg(readFileSync(result.path, 'utf8')));
    const expected = reportCells(inGroup);
    for (const [id, g] of cells) expect([id, Number(g.getAttribute('data-no-accountable'))]).toEqual([id, expected.get(id)?.gaps ?? 0]);
  });

  it('draws one asset’s stack, its override marked', async () => {
    const asset = report.assets.find((a) => a.layers.some((l) => l.overridden) && a.serviceModel !== null)!;
    const run = await cli(['picture', 'northwind.demarc', '--out', 'one.svg', '--asset', String(asset.id), '--json'], dir);
    expect(run.code).toBe(0);
    const cells = cellElements(parseSvg(readFileSync(join(dir, 'one.svg'), 'utf8')));
    expect(cells.size).toBe(asset.layers.length);
    for (const layer of asset.layers) {
      const g = cells.get(`${asset.serviceModel}:${layer.layerId}`)!;
      expect([layer.layerId, g.getAttribute('data-responsibility'), g.getAttribute('data-overrides')]).toEqual([layer.layerId, layer.responsibility, layer.overridden ? '1' : '0']);
    }
  });
});

describe('demarc picture <wb> --out line.png', () => {
  it('renders a PNG of the asked width, in proportion, with the line and the bands in it', async () => {
    const run = await cli(['picture', 'northwind.demarc', '--out', 'line.png', '--width', '1200', '--json'], dir);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as PictureSaveResult;
    const png = decodePng(result.path);
    expect([png.width, png.height]).toEqual([1200, result.height]);
    const svg = await cli(['picture', 'northwind.demarc', '--out', 'same.svg', '--json'], dir);
    const drawing = JSON.parse(svg.stdout) as PictureSaveResult;
    expect(result.height).toBe(Math.round((1200 * drawing.height) / drawing.width));
    const colours = new Set<string>();
    for (let i = 0; i < png.data.length; i += 4) colours.add(`${png.data[i]},${png.data[i + 1]},${png.data[i + 2]}`);
    // The line (#111827), the customer fill (#fbd99c) and the provider fill (#bcd5f5).
    for (const colour of ['17,24,39', '251,217,156', '188,213,245']) expect(colours.has(colour)).toBe(true);
  });

  it('prints in grey only with --theme print', async () => {
    const run = await cli(['picture', 'northwind.demarc', '--out', 'print.png', '--theme', 'print', '--width', '800'], dir);
    expect(run.code).toBe(0);
    const png = decodePng(join(dir, 'print.png'));
    let coloured = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
      if (Math.max(r, g, b) - Math.min(r, g, b) > 2) coloured++;
    }
    expect(coloured).toBe(0);
  });
});

describe('demarc picture: bad input', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown extension', ['--out', 'line.pdf'], /must end in \.svg or \.png/],
    ['a finding as scope', ['--out', 'x.svg', '--scope', 'finding=NO_OWNER'], /--scope: finding: a picture/],
    ['an unknown theme', ['--out', 'x.svg', '--theme', 'dark'], /--theme: "dark" is not one of light, print/],
    ['an unknown model', ['--out', 'x.svg', '--model', 'nope'], /No responsibility model has id "nope"/],
    ['an unknown asset', ['--out', 'x.svg', '--asset', 'no-such-asset'], /--asset: no asset is named "no-such-asset"/],
    ['a folder that does not exist', ['--out', 'missing/x.svg'], /the folder .*missing does not exist/],
    ['a bad width', ['--out', 'x.png', '--width', '12'], /--width: "12" is not a width/]
  ];
  for (const [what, args, message] of cases) {
    it(`refuses ${what} with exit 2 and one line`, async () => {
      const run = await cli(['picture', 'northwind.demarc', ...args], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(existsSync(join(dir, 'x.svg'))).toBe(false);
    });
  }
});
