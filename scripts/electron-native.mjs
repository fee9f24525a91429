// Prepares the laptop path of `npm start`:
//  1. the Electron binary (electron 45 downloads lazily; electron-vite 6 does not trigger it);
//  2. better-sqlite3 compiled for Electron's ABI into .native/electron-<version>-<platform>-<arch>/,
//     from a private copy of the package so node_modules keeps the Node build that tests use.
// Usage: node scripts/electron-native.mjs ensure|check [--arch ARCH]
// The packaging hook (scripts/package-native.mjs) calls ensureSqliteForElectron for each target arch.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const electronPkg = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8'));
export const electronVersion = electronPkg.version;

/** Where the Electron-ABI build for one platform/arch lives (src/main/native-binding.ts reads the same path). */
export function bindingFor(platform, arch) {
  return join(root, '.native', `electron-${electronVersion}-${platform}-${arch}`, 'better_sqlite3.node');
}

/** npm exports npm_config_* to scripts; node-gyp would pick up nodedir/target from them and build for Node. */
function cleanEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|build_from_source)$/i.test(key)) delete env[key];
  }
  return env;
}

function run(command, args, options) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`electron-native: ${command} ${args.join(' ')} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}

function ensureElectronBinary() {
  const distVersion = join(dirname(require.resolve('electron/package.json')), 'dist', 'version');
  if (existsSync(distVersion) && readFileSync(distVersion, 'utf8').replace(/^v/, '').trim() === electronVersion) return;
  console.log(`electron-native: downloading the Electron ${electronVersion} binary (once)…`);
  run(process.execPath, [require.resolve('electron/install.js')], { env: cleanEnv() });
}

function nodeGypPath() {
  // npm ships node-gyp; prefer the one beside the running npm.
  const candidates = [
    process.env.npm_execpath && join(dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')
  ].filter(Boolean);
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    console.error('electron-native: node-gyp not found (it ships with npm). Install it with `npm i -g node-gyp`.');
    process.exit(1);
  }
  return found;
}

/** Compiles better-sqlite3 for Electron on this platform, for `arch` (node-gyp cross-compiles on macOS). */
export function ensureSqliteForElectron(arch = process.arch) {
  const binding = bindingFor(process.platform, arch);
  if (existsSync(binding)) return binding;
  console.log(`electron-native: building better-sqlite3 for Electron ${electronVersion} (${process.platform}-${arch})…`);
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  const work = mkdtempSync(join(tmpdir(), 'demarc-native-'));
  try {
    cpSync(source, work, { recursive: true, filter: (path) => !path.includes(`${join(source, 'build')}`) });
    run(
      process.execPath,
      [nodeGypPath(), 'rebuild', '--release', `--target=${electronVersion}`, `--arch=${arch}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
      { cwd: work, env: cleanEnv() }
    );
    mkdirSync(dirname(binding), { recursive: true });
    copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), binding);
    console.log(`electron-native: wrote ${binding}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return binding;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { arch: { type: 'string', default: process.arch } } });
  const command = positionals[0] ?? 'ensure';
  const binding = bindingFor(process.platform, values.arch);
  if (command === 'check') {
    console.log(JSON.stringify({ electronVersion, binding, bindingExists: existsSync(binding) }));
  } else if (command === 'ensure') {
    ensureElectronBinary();
    ensureSqliteForElectron(values.arch);
  } else {
    console.error('usage: node scripts/electron-native.mjs ensure|check [--arch ARCH]');
    process.exit(2);
  }
}
