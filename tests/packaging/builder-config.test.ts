/**
 * electron-builder.yml, loaded and validated by electron-builder's own code (its loader and its
 * validator over app-builder-lib/scheme.json, as `electron-builder` does before building), and
 * the promises the installers make asserted on the loaded config.
 */
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEV_PATHS, PACKAGED_PATHS } from '@main/native-binding';

const REPO = join(__dirname, '../..');
const quietLogger = { isEnabled: false, add: () => undefined } as unknown as Parameters<
  typeof validateConfiguration
>[1];
let config: Configuration;

beforeAll(async () => {
  config = await getConfig(REPO, null, null);
});

type TargetList = { target: string; arch?: string[] | string }[];
function targets(list: unknown): Record<string, string[]> {
  return Object.fromEntries((list as TargetList).map((entry) => [entry.target, [entry.arch ?? []].flat()]));
}

describe('electron-builder configuration', () => {
  it('is valid for electron-builder 26 (its schema, its validator)', async () => {
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined();
  });

  it('the validator is not a formality: a misspelt option is refused', async () => {
    const misspelt = { ...config, nsis: { ...config.nsis, perMachin: false } } as Configuration;
    await expect(validateConfiguration(misspelt, quietLogger)).rejects.toThrow(
      /does not match the API schema/
    );
    await expect(
      validateConfiguration({ ...config, fileAssociation: [] } as Configuration, quietLogger)
    ).rejects.toThrow(/fileAssociation/);
  });

  it('associates .demarc with Demarc as its editor, with its own document icon and a Linux MIME type', () => {
    expect(config.fileAssociations).toEqual([
      {
        ext: 'demarc',
        name: 'Demarc workbook',
        description: 'Demarc responsibility workbook',
        mimeType: 'application/x-demarc',
        role: 'Editor',
        rank: 'Owner',
        icon: 'document'
      }
    ]);
    // electron-builder adds .icns on macOS and .ico on Windows to an icon named without extension.
    for (const ext of ['icns', 'ico']) expect(existsSync(join(REPO, 'build', `document.${ext}`))).toBe(true);
  });

  it('builds NSIS (per user, no administrator) and portable on Windows; dmg and zip for x64 and arm64; AppImage and deb (Office)', () => {
    expect(targets(config.win?.target)).toEqual({ nsis: ['x64'], portable: ['x64'] });
    expect(config.nsis).toMatchObject({ oneClick: true, perMachine: false, deleteAppDataOnUninstall: false });
    expect(targets(config.mac?.target)).toEqual({ dmg: ['x64', 'arm64'], zip: ['x64', 'arm64'] });
    expect(config.mac).toMatchObject({
      hardenedRuntime: true,
      entitlements: 'build/entitlements.mac.plist',
      entitlementsInherit: 'build/entitlements.mac.plist'
    });
    expect(targets(config.linux?.target)).toEqual({ AppImage: ['x64'], deb: ['x64'] });
    expect(config.linux?.category).toBe('Office');
    // The `demarc` command belongs to the CLI package: the desktop launcher must not take it.
    expect(config.linux?.executableName).toBe('demarc-app');
  });

  it('takes every icon and the entitlements from build/', () => {
    expect(config.directories?.buildResources).toBe('build');
    for (const file of ['icon.ico', 'icon.icns', 'icon.png', 'icons/512x512.png', 'entitlements.mac.plist']) {
      expect(existsSync(join(REPO, 'build', file)), file).toBe(true);
    }
    expect([config.win?.icon, config.mac?.icon, config.linux?.icon]).toEqual([
      'icon.ico',
      'icon.icns',
      'icons'
    ]);
  });

  it('packs only the built app and the Electron-ABI better-sqlite3, unpacked from the asar, and never rebuilds node_modules', () => {
    // electron-builder's loader normalises the list into one file set.
    expect(config.files).toEqual([
      {
        filter: [
          'out/main/**',
          'out/preload/**',
          'out/renderer/**',
          'out/native/better_sqlite3.node',
          '!**/*.map',
          '!**/node_modules/better-sqlite3/{build,deps,src}/**',
          '!**/node_modules/*/{test,tests,__tests__,example,examples,docs,bench,benchmark}/**'
        ]
      }
    ]);
    expect(config.asarUnpack).toEqual(['out/native/*.node']);
    // The runtime resolver looks exactly where asarUnpack puts the binding.
    expect(PACKAGED_PATHS.nativeBinding.join('/')).toBe('app.asar.unpacked/out/native/better_sqlite3.node');
    expect(config.npmRebuild).toBe(false);
    expect(config.beforePack).toBe('./scripts/package-native.mjs');
  });

  it('copies the runtime icon to where the main process looks for it', () => {
    expect(config.extraResources).toEqual([
      { from: DEV_PATHS.icon.join('/'), to: PACKAGED_PATHS.icon.join('/') }
    ]);
  });
});
