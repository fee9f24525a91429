// Writes SHA256SUMS beside the installers electron-builder made (npm run dist runs it after the
// build), in the format `sha256sum -c SHA256SUMS` and PowerShell's Get-FileHash check.
// Usage: node scripts/checksums.mjs [DIR]   (default: dist/<version>, electron-builder.yml's output)
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** What a user downloads: installers, portable executables and archives. Not blockmaps or unpacked folders. */
export const INSTALLER = /\.(exe|msi|dmg|zip|AppImage|deb|rpm|snap|tar\.gz)$/;

async function sha256(path) {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk);
  return hash.digest('hex');
}

/** Hashes every installer directly in `dir` and writes `dir/SHA256SUMS`; returns its lines. */
export async function writeChecksums(dir) {
  const files = readdirSync(dir)
    .filter((name) => INSTALLER.test(name) && statSync(join(dir, name)).isFile())
    .sort();
  const lines = [];
  for (const name of files) lines.push(`${await sha256(join(dir, name))}  ${name}`);
  if (lines.length) writeFileSync(join(dir, 'SHA256SUMS'), `${lines.join('\n')}\n`);
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  const dir = process.argv[2] ?? join(root, 'dist', version);
  const lines = existsSync(dir) ? await writeChecksums(dir) : [];
  console.log(lines.length ? `checksums: ${join(dir, 'SHA256SUMS')}\n${lines.join('\n')}` : `checksums: no installers in ${dir} (a --dir build makes none)`);
}
