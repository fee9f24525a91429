import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '@tests/helpers/temp';

const SCRIPT = join(__dirname, '../../scripts/checksums.mjs');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('SHA256SUMS beside the installers (scripts/checksums.mjs, after npm run dist)', () => {
  it('hashes every installer, archive and portable executable, sorted, in sha256sum format; nothing else', () => {
    const dir = tempDir();
    const files = {
      'Demarc-1.0.0-setup-x64.exe': 'nsis',
      'Demarc-1.0.0-arm64.dmg': 'dmg',
      'Demarc-1.0.0-arm64-mac.zip': 'zip',
      'Demarc-1.0.0-x86_64.AppImage': 'appimage',
      'demarc_1.0.0_amd64.deb': 'deb',
      'Demarc-1.0.0-setup-x64.exe.blockmap': 'not an installer',
      'builder-debug.yml': 'not an installer'
    };
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    mkdirSync(join(dir, 'linux-unpacked'));
    const run = spawnSync(process.execPath, [SCRIPT, dir], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const expected = ['Demarc-1.0.0-arm64-mac.zip', 'Demarc-1.0.0-arm64.dmg', 'Demarc-1.0.0-setup-x64.exe', 'Demarc-1.0.0-x86_64.AppImage', 'demarc_1.0.0_amd64.deb'].map(
      (name) => `${sha256(files[name as keyof typeof files])}  ${name}`
    );
    expect(readFileSync(join(dir, 'SHA256SUMS'), 'utf8')).toBe(`${expected.join('\n')}\n`);
  });

  it('writes nothing for a --dir build, which makes no installer', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'linux-unpacked'));
    const run = spawnSync(process.execPath, [SCRIPT, dir], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/no installers/);
    expect(existsSync(join(dir, 'SHA256SUMS'))).toBe(false);
  });
});
