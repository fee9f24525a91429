import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { pathAliases } from './scripts/aliases.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  resolve: { alias: pathAliases() },
  define: { __DEMARC_VERSION__: JSON.stringify(pkg.version) },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30000,
    pool: 'forks'
  }
});
