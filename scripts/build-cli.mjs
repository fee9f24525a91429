// Builds the `demarc` CLI (src/cli) into out/cli/demarc.cjs for Node, with Vite so that the
// same imports as the app work (?raw migrations, JSON resources). Runtime packages stay external but zod.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { pathAliases } from './aliases.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// zod is bundled, not required: its package loads 95 files (every locale among them) at each
// start, ~80 ms of CPU per command; bundled, only what the contract uses is compiled, in one file.
const BUNDLED = ['zod'];
const external = [
  ...Object.keys(pkg.dependencies ?? {}).filter((name) => !BUNDLED.includes(name)),
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`)
];

/** Bundles one Node entry (the CLI, a benchmark) into a CommonJS file. */
export async function buildNodeEntry(entry, outDir, fileName) {
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    resolve: { alias: pathAliases() },
        ssr: { noExternal: BUNDLED },
    define: { __DEMARC_VERSION__: JSON.stringify(pkg.version) },
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      sourcemap: true,
      rollupOptions: {
        external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
        output: { format: 'cjs', entryFileNames: fileName }
      }
    }
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildNodeEntry(join(root, 'src/cli/index.ts'), join(root, 'out/cli'), 'demarc.cjs');
}
