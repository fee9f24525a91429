import { posix, win32 } from 'node:path';

/**
 * Where the main process finds the files it loads at run time, in development and in a package
 * built by electron-builder (electron-builder.yml). `npm ci` builds node_modules/better-sqlite3
 * for Node (tests and CLI); `npm start` builds a second copy for Electron's ABI into .native/
 * (scripts/electron-native.mjs) without touching the first, so `npm start` and `npm test` work in
 * either order. A package carries only the Electron build, staged at out/native by the
 * beforePack hook (scripts/package-native.mjs) and unpacked from app.asar, since a .node file
 * cannot be loaded from inside an archive.
 */
export const PACKAGED_PATHS = {
  /** Below process.resourcesPath: `asarUnpack` puts out/native/*.node here. */
  nativeBinding: ['app.asar.unpacked', 'out', 'native', 'better_sqlite3.node'],
  /** Below process.resourcesPath: `extraResources` copies the icon here. */
  icon: ['icon.png']
} as const;

/** Below the repository root in development. */
export const DEV_PATHS = {
  icon: ['build', 'icons', '512x512.png']
} as const;

/** The platform's own path rules, so a Windows layout is computed with Windows separators. */
function pathFor(platform: string): typeof posix {
  return platform === 'win32' ? win32 : posix;
}

export function electronNativeBindingDir(appRoot: string, electronVersion: string, platform: string, arch: string): string {
  return pathFor(platform).join(appRoot, '.native', `electron-${electronVersion}-${platform}-${arch}`);
}

export interface BindingProbe {
  electronVersion: string | undefined;
  platform: string;
  arch: string;
  /** app.getAppPath(): the repository in development, …/resources/app.asar in a package. */
  appRoot: string;
  isPackaged: boolean;
  /** process.resourcesPath: the folder holding app.asar in a package. */
  resourcesPath: string;
  exists: (path: string) => boolean;
}

/** The nativeBinding to pass to better-sqlite3, or undefined under Node (its default build). */
export function resolveNativeBinding(probe: BindingProbe): string | undefined {
  if (!probe.electronVersion) return undefined;
  const path = pathFor(probe.platform);
  if (probe.isPackaged) {
    const packaged = path.join(probe.resourcesPath, ...PACKAGED_PATHS.nativeBinding);
    if (probe.exists(packaged)) return packaged;
    throw new Error(`This Demarc installation is incomplete: ${packaged} is missing. Reinstall Demarc.`);
  }
  const candidate = path.join(electronNativeBindingDir(probe.appRoot, probe.electronVersion, probe.platform, probe.arch), 'better_sqlite3.node');
  if (probe.exists(candidate)) return candidate;
  throw new Error(
    `better-sqlite3 has not been built for Electron ${probe.electronVersion} (${candidate} is missing). Run \`npm start\`, which builds it, instead of starting Electron directly.`
  );
}

/** The app icon for the window and the About panel (Linux and Windows), or undefined when absent. */
export function resolveAppIcon(probe: Omit<BindingProbe, 'electronVersion' | 'arch'>): string | undefined {
  const path = pathFor(probe.platform);
  const icon = probe.isPackaged ? path.join(probe.resourcesPath, ...PACKAGED_PATHS.icon) : path.join(probe.appRoot, ...DEV_PATHS.icon);
  return probe.exists(icon) ? icon : undefined;
}
