import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { pathAliases } from './scripts/aliases.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** End-to-end: the built renderer in Debian Chromium, its window.api on the real router. */
export default defineConfig({
  resolve: { alias: pathAliases() },
  define: { __DEMARC_VERSION__: JSON.stringify(pkg.version) },
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120000,
    hookTimeout: 120000,
    pool: 'forks',
    setupFiles: ['tests/helpers/setup.ts'],
    // The files run one after another in one process, which loads the app's modules once (not
    // once per file); each file still starts its own Chromium and serves its own renderer.
    isolate: false,
    fileParallelism: false
  }
});
