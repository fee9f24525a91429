import { join } from 'node:path';

/**
 * Where the better-sqlite3 binary built for Electron's ABI lives in development.
 * `npm ci` builds node_modules/better-sqlite3 for Node (tests and CLI); `npm start` builds a
 * second copy for Electron into .native/ (scripts/electron-native.mjs) without touching the
 * first, so `npm start` and `npm test` work in either order. Packaged apps ship a binary
 * rebuilt for Electron in place and need no override.
 */
export function electronNativeBindingDir(appRoot: string, electronVersion: string, platform: string, arch: string): string {
  return join(appRoot, '.native', `electron-${electronVersion}-${platform}-${arch}`);
}

export interface BindingProbe {
  electronVersion: string | undefined;
  platform: string;
  arch: string;
  appRoot: string;
  isPackaged: boolean;
  exists: (path: string) => boolean;
}

/** The nativeBinding to pass to better-sqlite3, or undefined to use its default. */
export function resolveNativeBinding(probe: BindingProbe): string | undefined {
  if (!probe.electronVersion || probe.isPackaged) return undefined;
  const candidate = join(electronNativeBindingDir(probe.appRoot, probe.electronVersion, probe.platform, probe.arch), 'better_sqlite3.node');
  if (probe.exists(candidate)) return candidate;
  throw new Error(
    `better-sqlite3 has not been built for Electron ${probe.electronVersion} (${candidate} is missing). Run \`npm start\`, which builds it, instead of starting Electron directly.`
  );
}
