import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
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
    pool: 'forks',
    setupFiles: ['tests/helpers/setup.ts'],
    // One worker process runs many files: the app's modules (exceljs alone is ~1 s) load once per
    // worker, not once per file (the suite's "import" time fell from ~97 s to ~10 s). No test file
    // mocks modules or stubs globals; each opens its own temp workbooks.
    isolate: false,
    // Vitest's default is one worker less than the cores: a single worker on CI's 2 cores.
    maxWorkers: Math.max(2, availableParallelism() - 1)
  }
});
