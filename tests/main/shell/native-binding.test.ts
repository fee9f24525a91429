import { describe, expect, it } from 'vitest';
import { electronNativeBindingDir, resolveAppIcon, resolveNativeBinding } from '@main/native-binding';

/** process.resourcesPath and app.getAppPath() of an installed Demarc, per platform. */
const INSTALLED = {
  win32: { resourcesPath: 'C:\\Users\\ana\\AppData\\Local\\Programs\\Demarc\\resources', sep: '\\' },
  darwin: { resourcesPath: '/Applications/Demarc.app/Contents/Resources', sep: '/' },
  linux: { resourcesPath: '/opt/Demarc/resources', sep: '/' }
} as const;

describe('native binding and icon in a package (asar layout)', () => {
  for (const [platform, { resourcesPath, sep }] of Object.entries(INSTALLED)) {
    const probe = {
      electronVersion: '45.5.0',
      platform,
      arch: 'arm64',
      appRoot: `${resourcesPath}${sep}app.asar`,
      isPackaged: true,
      resourcesPath
    };
    const binding = [resourcesPath, 'app.asar.unpacked', 'out', 'native', 'better_sqlite3.node'].join(sep);
    const icon = [resourcesPath, 'icon.png'].join(sep);

    it(`${platform}: the binding unpacked beside app.asar, never inside it, and the icon in resources`, () => {
      expect(resolveNativeBinding({ ...probe, exists: (p) => p === binding })).toBe(binding);
      expect(resolveAppIcon({ ...probe, exists: (p) => p === icon })).toBe(icon);
    });

    it(`${platform}: a package without its binding says to reinstall; without its icon it uses none`, () => {
      expect(() => resolveNativeBinding({ ...probe, exists: () => false })).toThrow(`This Demarc installation is incomplete: ${binding} is missing`);
      expect(resolveAppIcon({ ...probe, exists: () => false })).toBeUndefined();
    });
  }
});

describe('native binding in development', () => {
  const base = { platform: 'linux', arch: 'x64', appRoot: '/repo', isPackaged: false, resourcesPath: '/repo/node_modules/electron/dist/resources' };

  it('uses better-sqlite3’s default under Node (tests, CLI)', () => {
    expect(resolveNativeBinding({ ...base, electronVersion: undefined, exists: () => false })).toBeUndefined();
  });

  it('uses the Electron-ABI copy in .native, leaving node_modules for the tests', () => {
    const expected = `${electronNativeBindingDir('/repo', '45.5.0', 'linux', 'x64')}/better_sqlite3.node`;
    expect(expected).toBe('/repo/.native/electron-45.5.0-linux-x64/better_sqlite3.node');
    expect(resolveNativeBinding({ ...base, electronVersion: '45.5.0', exists: (p) => p === expected })).toBe(expected);
    expect(electronNativeBindingDir('C:\\src\\demarc', '45.5.0', 'win32', 'x64')).toBe('C:\\src\\demarc\\.native\\electron-45.5.0-win32-x64');
  });

  it('explains how to build the binding when it is missing', () => {
    expect(() => resolveNativeBinding({ ...base, electronVersion: '45.5.0', exists: () => false })).toThrow(/Run `npm start`/);
  });

  it('takes the icon from build/', () => {
    expect(resolveAppIcon({ ...base, exists: () => true })).toBe('/repo/build/icons/512x512.png');
  });
});
