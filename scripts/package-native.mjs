// electron-builder's beforePack hook (electron-builder.yml): puts better-sqlite3 built for
// Electron's ABI, for the platform and arch being packed, at out/native/better_sqlite3.node,
// the one binding the package carries (unpacked from app.asar; src/main/native-binding.ts
// finds it through process.resourcesPath). node_modules keeps the Node build the tests use.
// DEMARC_NATIVE_BINDING=FILE packs FILE instead of compiling: a binding built for that target
// elsewhere (or, in tests/packaging, a stand-in that proves where the binding lands).
import { Arch } from 'electron-builder';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSqliteForElectron } from './electron-native.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Inside the app (app.asar.unpacked/…): the path the config's `files` and `asarUnpack` name. */
export const STAGED_BINDING = join(root, 'out', 'native', 'better_sqlite3.node');

/** Why a target cannot be packed on this machine, or null when it can. */
export function unsupportedTarget(targetPlatform, targetArch, host = { platform: process.platform, arch: process.arch }) {
  if (targetPlatform !== host.platform) {
    return `better-sqlite3 must be compiled for ${targetPlatform} on ${targetPlatform}: build that platform's installers there (npm run dist on a ${targetPlatform} machine).`;
  }
  if (targetArch === 'universal') {
    return 'universal macOS builds are not configured: build x64 and arm64 (the default mac targets).';
  }
  // node-gyp cross-compiles with Xcode's clang (x64 ↔ arm64) and MSVC's cross tools; gcc needs a cross toolchain.
  if (targetArch !== host.arch && host.platform === 'linux') {
    return `better-sqlite3 for linux-${targetArch} needs a ${targetArch} machine (or a cross toolchain): this one is ${host.arch}.`;
  }
  return null;
}

function bindingFor(platform, arch) {
  const given = process.env.DEMARC_NATIVE_BINDING;
  if (given) {
    if (!existsSync(given)) throw new Error(`package-native: DEMARC_NATIVE_BINDING=${given} does not exist.`);
    return given;
  }
  const problem = unsupportedTarget(platform, arch);
  if (problem) throw new Error(`package-native: ${problem}`);
  return ensureSqliteForElectron(arch);
}

export default async function beforePack(context) {
  const arch = Arch[context.arch];
  const binding = bindingFor(context.electronPlatformName, arch);
  rmSync(dirname(STAGED_BINDING), { recursive: true, force: true });
  mkdirSync(dirname(STAGED_BINDING), { recursive: true });
  copyFileSync(binding, STAGED_BINDING);
  console.log(`package-native: ${context.electronPlatformName}-${arch} packs ${binding}`);
}
