/**
 * build/'s icons: every size each platform needs is present and decodes, read back with the
 * libraries that wrote them (@fiahfy/ico, @fiahfy/icns; pngjs for the PNGs inside), shows the
 * mark (amber above, blue below, transparent corners), and is what scripts/build-icons.mjs makes
 * from resources/icon.svg today.
 */
import { Icns } from '@fiahfy/icns';
import { Ico } from '@fiahfy/ico';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = join(__dirname, '../..');
const BUILD = join(REPO, 'build');
const read = (name: string) => readFileSync(join(BUILD, name));

/** What each platform needs (electron-builder's docs; Apple's and Microsoft's icon sizes). */
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const ICNS_TYPES: [string, number][] = [
  ['is32', 16],
  ['s8mk', 16],
  ['il32', 32],
  ['l8mk', 32],
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic14', 512],
  ['ic09', 512],
  ['ic10', 1024]
];
const PNG_TYPES = new Set(['ic07', 'ic08', 'ic09', 'ic10', 'ic11', 'ic12', 'ic13', 'ic14']);

/** RGBA of a pixel at fractions of the width and height. */
type Pixel = (fx: number, fy: number) => [number, number, number, number];

function pngPixels(bytes: Buffer, size: number): Pixel {
  const png = PNG.sync.read(bytes);
  expect([png.width, png.height]).toEqual([size, size]);
  return (fx, fy) => {
    const at = (Math.floor(fy * size) * size + Math.floor(fx * size)) * 4;
    return [png.data[at]!, png.data[at + 1]!, png.data[at + 2]!, png.data[at + 3]!];
  };
}

/** The app mark: transparent outside the rounded body, amber customer band above, blue provider band below. */
function expectMark(pixel: Pixel): void {
  expect(pixel(0, 0)[3]).toBe(0);
  const [r1, g1, b1, a1] = pixel(0.3, 0.2);
  expect(a1).toBe(255);
  expect(r1 > 200 && g1 > 120 && b1 < 100).toBe(true);
  const [r2, , b2, a2] = pixel(0.7, 0.85);
  expect(a2).toBe(255);
  expect(b2 > 100 && r2 < 80).toBe(true);
}

/** The document: a white page with the mark on its lower part. */
function expectDocument(pixel: Pixel): void {
  expect(pixel(0.05, 0.05)[3]).toBe(0);
  expect(pixel(0.35, 0.2)).toEqual([255, 255, 255, 255]);
  const [r, , b] = pixel(0.65, 0.82);
  expect(b > 100 && r < 80).toBe(true);
}

function readIco(bytes: Buffer, expectContent: (pixel: Pixel) => void): void {
  const ico = Ico.from(bytes);
  expect(ico.images.map((image) => image.header.width)).toEqual(ICO_SIZES);
  for (const image of ico.images) {
    const size = image.header.width;
    // A 32-bit DIB: twice the height (colour + AND mask rows), bottom-up BGRA.
    expect([image.header.height, image.header.bitCount, image.xor.length]).toEqual([size * 2, 32, size * size * 4]);
    if (size < 32) continue;
    expectContent((fx, fy) => {
      const at = ((size - 1 - Math.floor(fy * size)) * size + Math.floor(fx * size)) * 4;
      return [image.xor[at + 2]!, image.xor[at + 1]!, image.xor[at]!, image.xor[at + 3]!];
    });
  }
}

function readIcns(bytes: Buffer, expectContent: (pixel: Pixel) => void): void {
  const icns = Icns.from(bytes);
  expect(icns.images.map((image) => image.osType)).toEqual(ICNS_TYPES.map(([type]) => type));
  for (const [index, image] of icns.images.entries()) {
    const [type, size] = ICNS_TYPES[index]!;
    if (PNG_TYPES.has(type)) {
      expectContent(pngPixels(image.image, size));
    } else if (type.endsWith('mk')) {
      expect(image.image.length).toBe(size * size); // 8-bit alpha mask
    } else {
      expect(image.image.length).toBeGreaterThan(0); // PackBits RGB
    }
  }
}

describe('icons in build/', () => {
  it('icon.png is 1024 px and shows the mark', () => {
    expectMark(pngPixels(read('icon.png'), 1024));
  });

  it('the Linux icon set has every size from 16 to 512', () => {
    expect(readdirSync(join(BUILD, 'icons')).sort()).toEqual(LINUX_SIZES.map((size) => `${size}x${size}.png`).sort());
    for (const size of LINUX_SIZES) {
      const pixel = pngPixels(read(`icons/${size}x${size}.png`), size);
      if (size >= 32) expectMark(pixel);
    }
  });

  it('icon.ico and document.ico carry 16 … 256 px, readable', () => {
    readIco(read('icon.ico'), expectMark);
    readIco(read('document.ico'), expectDocument);
  });

  it('icon.icns and document.icns carry 16 … 1024 px, readable', () => {
    readIcns(read('icon.icns'), expectMark);
    readIcns(read('document.icns'), expectDocument);
  });

  describe('are what the script makes from resources/icon.svg', () => {
    const out = mkdtempSync(join(tmpdir(), 'demarc-icons-'));
    afterAll(() => rmSync(out, { recursive: true, force: true }));

    it('same files; same pixels (within one level, for other CPUs’ rounding)', () => {
      const run = spawnSync(process.execPath, [join(REPO, 'scripts/build-icons.mjs'), '--out', out], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      const list = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
      expect(list(out)).toBe(list(BUILD) - 1); // build/ also holds entitlements.mac.plist
      for (const name of ['icon.png', ...LINUX_SIZES.map((size) => `icons/${size}x${size}.png`)]) {
        const fresh = PNG.sync.read(readFileSync(join(out, name)));
        const committed = PNG.sync.read(read(name));
        const worst = committed.data.reduce((max, value, i) => Math.max(max, Math.abs(value - fresh.data[i]!)), 0);
        expect(worst, `${name} differs from a fresh render: run npm run build:icons`).toBeLessThanOrEqual(1);
      }
      for (const name of ['icon.ico', 'document.ico', 'icon.icns', 'document.icns']) {
        expect(readFileSync(join(out, name)).length, name).toBe(read(name).length);
      }
    });
  });
});
