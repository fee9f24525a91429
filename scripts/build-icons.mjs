// Renders every icon the installers need from the one source image, resources/icon.svg:
//   build/icon.png            1024 px, the app icon electron-builder starts from
//   build/icons/NxN.png       the Linux icon set (16 … 512)
//   build/icon.ico            Windows: 16, 24, 32, 48, 64, 128, 256
//   build/icon.icns           macOS: 16 … 1024 (legacy RLE 16/32 and the PNG types)
//   build/document.ico|.icns  the .demarc document icon: a page carrying the same mark
// Every size is rendered from the vector (no downscaling of a bitmap), with @resvg/resvg-js;
// ICO and ICNS are written by @fiahfy/ico and @fiahfy/icns, which also read them back in the test.
// Usage: node scripts/build-icons.mjs [--out DIR]   (default: build/)
import { Icns, IcnsImage } from '@fiahfy/icns';
import { Ico, IcoImage } from '@fiahfy/ico';
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SOURCE = join(root, 'resources', 'icon.svg');

/** The sizes each output carries; the test reads the files back against this list. */
export const ICON_SET = {
  png: 1024,
  linux: [16, 24, 32, 48, 64, 128, 256, 512],
  ico: [16, 24, 32, 48, 64, 128, 256],
  /** ICNS entries in the order iconutil writes them; the RLE types carry their 8-bit masks. */
  icns: [
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
  ]
};

/** The .demarc document: a white page with a folded corner, the mark set on its lower part. */
export function documentSvg(markSvg) {
  const mark = Buffer.from(markSvg).toString('base64');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1024 1024" width="1024" height="1024">
  <path d="M196 64 H652 L828 240 V920 Q828 960 788 960 H236 Q196 960 196 920 Z" fill="#ffffff" stroke="#8a94a6" stroke-width="16" stroke-linejoin="round"/>
  <path d="M652 64 V200 Q652 240 692 240 H828" fill="#e6e9ef" stroke="#8a94a6" stroke-width="16" stroke-linejoin="round"/>
  <image href="data:image/svg+xml;base64,${mark}" x="232" y="360" width="560" height="560"/>
</svg>`;
}

function render(svg, size) {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render().asPng());
}

function ico(svg) {
  const file = new Ico();
  for (const size of ICON_SET.ico) file.append(IcoImage.fromPNG(render(svg, size)));
  return file.data;
}

function icns(svg) {
  const file = new Icns();
  const pngs = new Map();
  for (const [osType, size] of ICON_SET.icns) {
    if (!pngs.has(size)) pngs.set(size, render(svg, size));
    file.append(IcnsImage.fromPNG(pngs.get(size), osType));
  }
  return file.data;
}

/** Every output file (path relative to the output folder) and its bytes. */
export function renderIconSet(markSvg) {
  const page = documentSvg(markSvg);
  const files = new Map();
  files.set('icon.png', render(markSvg, ICON_SET.png));
  for (const size of ICON_SET.linux) files.set(`icons/${size}x${size}.png`, render(markSvg, size));
  files.set('icon.ico', ico(markSvg));
  files.set('icon.icns', icns(markSvg));
  files.set('document.ico', ico(page));
  files.set('document.icns', icns(page));
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { out: { type: 'string', default: join(root, 'build') } } });
  const files = renderIconSet(readFileSync(SOURCE, 'utf8'));
  for (const [name, bytes] of files) {
    const path = join(values.out, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
  }
  console.log(`build-icons: wrote ${files.size} files to ${values.out}`);
}
