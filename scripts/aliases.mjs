// The path aliases, read from tsconfig.base.json's `paths` (declared once, there) and turned into
// the absolute `resolve.alias` entries Vite (electron-vite, the CLI and bench builds, vitest) needs.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** @returns {{ find: string, replacement: string }[]} longest prefix first */
export function pathAliases() {
  const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
  return Object.entries(compilerOptions.paths)
    .map(([key, [target]]) => ({ find: key.replace(/\/\*$/, ''), replacement: join(root, target.replace(/\/\*$/, '')) }))
    .sort((a, b) => b.find.length - a.find.length);
}
