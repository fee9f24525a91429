import { defineConfig } from 'vitest/config';
import { pathAliases } from './scripts/aliases.mjs';

/**
 * The CLI as a user installs it: `npm pack`, `npm install -g` of the tarball into a temp prefix
 * (better-sqlite3 compiles from source: one install per run), commands run from another folder.
 * Needs the npm registry.
 */
export default defineConfig({
  resolve: { alias: pathAliases() },
  test: {
    include: ['tests/install/**/*.install.ts'],
    environment: 'node',
    testTimeout: 60000,
    hookTimeout: 600000,
    pool: 'forks'
  }
});
