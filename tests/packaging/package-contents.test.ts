/**
 * A real `electron-builder --linux --dir` of this repository (the configuration, the beforePack
 * hook, electron-builder's own file matching, asar and unpacking), with two stand-ins because this
 * machine cannot download Electron or its headers: an empty Electron distribution, and the Node
 * build of better-sqlite3 as the binding the hook packs (DEMARC_NATIVE_BINDING). What is asserted
 * is where things land and what is left out, which neither stand-in changes; the picture's PNG
 * renderer (N-API, no stand-in) is loaded from the package and renders.
 */
import { extractFile, listPackage, statFile } from '@electron/asar';
import type * as ResvgModule from '@resvg/resvg-js';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAppIcon, resolveNativeBinding } from '@main/native-binding';

const REPO = join(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
/** The N-API binary of @resvg/resvg-js's package for the platform (resvgjs.linux-x64-gnu.node…). */
const RESVG_BINARY = /^\/node_modules\/@resvg\/resvg-js-[^/]+\/resvgjs\.[^/]+\.node$/;
const STAND_IN_BINDING = join(REPO, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
const temp = mkdtempSync(join(tmpdir(), 'demarc-package-'));
const unpacked = join(temp, 'dist', 'linux-unpacked');
const resources = join(unpacked, 'resources');
const archive = join(resources, 'app.asar');
let entries: string[] = [];

function fakeElectron(dir: string): void {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  mkdirSync(join(dir, 'locales'));
  writeFileSync(join(dir, 'electron'), '#!/bin/sh\n');
  chmodSync(join(dir, 'electron'), 0o755);
  for (const name of ['LICENSE', 'LICENSES.chromium.html']) writeFileSync(join(dir, name), '');
  writeFileSync(join(dir, 'version'), '45.5.0');
}

beforeAll(() => {
  if (!existsSync(join(REPO, 'out/main/index.js'))) {
    const build = spawnSync(process.execPath, [join(REPO, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: REPO, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`electron-vite build failed:\n${build.stderr}`);
  }
  fakeElectron(join(temp, 'electron'));
  const run = spawnSync(
    process.execPath,
    [join(REPO, 'node_modules/electron-builder/cli.js'), '--linux', '--dir', `-c.electronDist=${join(temp, 'electron')}`, `-c.directories.output=${join(temp, 'dist')}`],
    { cwd: REPO, encoding: 'utf8', env: { ...process.env, DEMARC_NATIVE_BINDING: STAND_IN_BINDING, CI: 'true' } }
  );
  if (run.status !== 0) throw new Error(`electron-builder failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  entries = listPackage(archive, { isPack: false }).map((entry) => entry.replace(/\\/g, '/'));
}, 180_000);
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('the packaged app (electron-builder --linux --dir)', () => {
  it('app.asar holds the built app, package.json and the production node_modules only', () => {
    const top = new Set(entries.map((entry) => entry.split('/').slice(0, 2).join('/')));
    expect([...top].sort()).toEqual(['/node_modules', '/out', '/package.json']);
    const outDirs = new Set(entries.filter((e) => e.startsWith('/out/')).map((e) => e.split('/')[2]));
    expect([...outDirs].sort()).toEqual(['main', 'native', 'preload', 'renderer']);
    for (const name of Object.keys(pkg.dependencies)) expect(entries, name).toContain(`/node_modules/${name}/package.json`);
    // What npm itself counts as production (a devDependency may also be a dependency's dependency).
    const ls = spawnSync('npm', ['ls', '--omit', 'dev', '--all', '--parseable'], { cwd: REPO, encoding: 'utf8' });
    const production = new Set(ls.stdout.split('\n').map((line) => line.replace(/\\/g, '/').split('/node_modules/').pop()));
    const devOnly = Object.keys(pkg.devDependencies).filter((name) => !production.has(name));
    expect(devOnly).toEqual(expect.arrayContaining(['electron', 'electron-builder', 'vite', 'vitest', 'react', 'typescript']));
    for (const name of devOnly) expect(entries, name).not.toContain(`/node_modules/${name}`);
    const modules = new Set(entries.filter((e) => /^\/node_modules\/(@[^/]+\/)?[^/@]+$/.test(e)).map((e) => e.slice('/node_modules/'.length)));
    expect([...modules].filter((name) => !name.startsWith('@') || name.includes('/')).filter((name) => !production.has(name))).toEqual([]);
  });

  it('leaves out tests, fixtures, bench, tools, sources, source maps and better-sqlite3’s Node build', () => {
    const forbidden = [/^\/(src|tests|bench|tools|scripts|docs|resources|build|\.native|out\/cli)(\/|$)/, /\.map$/, /\.demarc$/, /^\/node_modules\/better-sqlite3\/(build|deps|src)(\/|$)/];
    for (const pattern of forbidden) expect(entries.filter((entry) => pattern.test(entry)), String(pattern)).toEqual([]);
    const natives = entries.filter((entry) => entry.endsWith('.node'));
    expect(natives).toEqual([expect.stringMatching(RESVG_BINARY), '/out/native/better_sqlite3.node']);
  });

  it('carries the picture’s PNG renderer for this platform, unpacked from the asar, and it renders', () => {
    const binary = entries.find((entry) => RESVG_BINARY.test(entry))!;
    expect(statFile(archive, binary.slice(1))).toMatchObject({ unpacked: true });
    const { Resvg } = createRequire(__filename)(join(resources, `app.asar.unpacked${binary}`)) as typeof ResvgModule;
    const image = new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#111827"/></svg>').render();
    expect([image.width, image.height]).toEqual([40, 20]);
    expect(image.asPng().subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('unpacks the one better-sqlite3 binding from the asar, where the runtime resolver finds it', () => {
    expect(statFile(archive, 'out/native/better_sqlite3.node')).toMatchObject({ unpacked: true });
    const binding = resolveNativeBinding({ electronVersion: '45.5.0', platform: 'linux', arch: 'x64', appRoot: archive, isPackaged: true, resourcesPath: resources, exists: existsSync });
    expect(binding).toBe(join(resources, 'app.asar.unpacked/out/native/better_sqlite3.node'));
    expect(readFileSync(binding!).equals(readFileSync(STAND_IN_BINDING))).toBe(true);
  });

  it('puts the icon in resources/, where the runtime resolver finds it', () => {
    const icon = resolveAppIcon({ platform: 'linux', appRoot: archive, isPackaged: true, resourcesPath: resources, exists: existsSync });
    expect(icon).toBe(join(resources, 'icon.png'));
    expect(readFileSync(icon!).equals(readFileSync(join(REPO, 'build/icons/512x512.png')))).toBe(true);
  });

  it('names the launcher demarc-app and starts out/main/index.js', () => {
    expect(existsSync(join(unpacked, 'demarc-app'))).toBe(true);
    const packaged = JSON.parse(extractFile(archive, 'package.json').toString('utf8')) as Record<string, unknown>;
    expect(packaged).toMatchObject({ name: 'demarc', productName: 'Demarc', main: './out/main/index.js' });
  });
});
