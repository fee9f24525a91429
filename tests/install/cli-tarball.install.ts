/**
 * `npm pack` → `npm install -g demarc-<version>.tgz` into a temp prefix, from a folder that is not
 * the repository, as a user without the repo would: then `demarc new`, `import` of a shared
 * fixture and `export` to xlsx, run from yet another folder (the models and the catalogue travel
 * inside the installed package, not the current folder).
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '@tests/helpers/fixture-paths';

const REPO = join(__dirname, '../..');
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string };
const temp = mkdtempSync(join(tmpdir(), 'demarc-install-'));
const prefix = join(temp, 'prefix');
const work = join(temp, 'work');
const bin = process.platform === 'win32' ? prefix : join(prefix, 'bin');
let packed: { filename: string; files: { path: string }[] };

/** The environment of a shell outside npm: no npm_config_* from the `npm test` that runs us. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key)) env[key] = value;
  return { ...env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`, DEMARC_USER: 'installed-cli' };
}

function run(command: string, args: string[], options: SpawnSyncOptions = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', env: cleanEnv(), shell: process.platform === 'win32', ...options });
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

beforeAll(() => {
  mkdirSync(work);
  const pack = run('npm', ['pack', '--json', '--pack-destination', temp], { cwd: REPO });
  if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
  packed = (JSON.parse(pack.stdout) as (typeof packed)[])[0]!;
  // Only better-sqlite3 may run an install script (it compiles its native module).
  const install = run('npm', ['install', '-g', join(temp, packed.filename), '--prefix', prefix, '--allow-scripts=better-sqlite3', '--no-audit', '--no-fund'], { cwd: temp });
  if (install.status !== 0) throw new Error(`npm install -g failed:\n${install.stdout}\n${install.stderr}`);
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('the CLI installed from its tarball', () => {
  it('the tarball carries the built CLI and nothing of no use to it', () => {
    expect(packed.filename).toBe(`demarc-${pkg.version}.tgz`);
    expect(packed.files.map((file) => file.path).sort()).toEqual(['NOTICE.md', 'README.md', 'bin/demarc.js', 'out/cli/demarc.cjs', 'package.json', 'resources/catalogue/NOTICE-providers.md', 'resources/catalogue/NOTICE.md']);
  });

  it('gives a demarc command that works from any folder: new, import of a fixture, export to xlsx', () => {
    expect(existsSync(join(bin, process.platform === 'win32' ? 'demarc.cmd' : 'demarc'))).toBe(true);
    const version = run('demarc', ['--version'], { cwd: work });
    expect(version).toMatchObject({ status: 0, stdout: `${pkg.version}\n` });

    const created = run('demarc', ['new', 'acme.demarc', '--org', 'Acme Ltd', '--json'], { cwd: work });
    expect(created.status, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ organisation: 'Acme Ltd', appVersions: [{ version: pkg.version, firstOpenedBy: 'installed-cli' }] });

    const inventory = join(FIXTURES, 'inventory', 'nsc-infra_az-resource-list-full_utf16le.json');
    const imported = run('demarc', ['import', 'acme.demarc', inventory, '--json'], { cwd: work });
    expect(imported.status, imported.stderr).toBe(0);
    const counts = (JSON.parse(imported.stdout) as { counts: { new: number; errors: number } }).counts;
    expect(counts.new).toBeGreaterThan(0);
    expect(counts.errors).toBe(0);

    const exported = run('demarc', ['export', 'acme.demarc', '--out', 'acme.xlsx', '--json'], { cwd: work });
    expect(exported.status, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ path: join(work, 'acme.xlsx'), format: 'xlsx', sheets: expect.arrayContaining(['Cover', 'Matrix', 'RACI']) });
    expect(readFileSync(join(work, 'acme.xlsx')).subarray(0, 2).toString('latin1')).toBe('PK');

    // The classifier's catalogue came with the package: assets were classified, not left unknown.
    const report = run('demarc', ['report', 'acme.demarc', '--json'], { cwd: work });
    expect(report.status, report.stderr).toBe(0);
    const assets = (JSON.parse(report.stdout) as { assets: { serviceModel: string | null }[] }).assets;
    expect(assets.filter((asset) => asset.serviceModel !== null).length).toBeGreaterThan(0);
  });
});
