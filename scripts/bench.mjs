// `npm run bench [-- name ...]`: bundles each bench/*.bench.ts (or only those named) with the
// CLI's Vite SSR build (so ?raw SQL and JSON imports work and runtime packages stay external)
// into bench/.data/, runs it with `node --expose-gc` as a child process, and prints a summary.
// Benchmarks report figures against a baseline measured in the same run; they never assert
// times, so this exits non-zero only when a benchmark crashes.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildNodeEntry } from './build-cli.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'bench');
const outDir = join(benchDir, '.data');

// Names select benches (`engine` or `engine.bench.ts`); anything after `--` goes to every bench.
const argv = process.argv.slice(2);
const split = argv.indexOf('--');
const names = (split < 0 ? argv : argv.slice(0, split)).map((n) => n.replace(/\.bench\.ts$/, ''));
const passThrough = split < 0 ? [] : argv.slice(split + 1);

const all = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .sort();
const unknown = names.filter((n) => !all.includes(n));
if (unknown.length > 0) {
  console.error(`bench: no bench/${unknown[0]}.bench.ts (available: ${all.join(', ')})`);
  process.exit(2);
}
const selected = names.length > 0 ? names : all;
mkdirSync(outDir, { recursive: true });
// The CLI as a user runs it, beside the benches: those that time `node demarc.cjs ...` in a process
// of its own (start-up included) run this build, never a stale out/cli.
await buildNodeEntry(join(root, 'src/cli/index.ts'), outDir, 'demarc.cjs');

const results = [];
for (const name of selected) {
  console.log(`\n=== bench: ${name} ===`);
  const started = Date.now();
  const fileName = `${name}.bench.cjs`;
  try {
    await buildNodeEntry(join(benchDir, `${name}.bench.ts`), outDir, fileName);
  } catch (error) {
    console.error(`bench ${name}: build failed: ${error instanceof Error ? error.message : String(error)}`);
    results.push({ name, ok: false, status: 'build failed', seconds: (Date.now() - started) / 1000 });
    continue;
  }
  const run = spawnSync(process.execPath, ['--expose-gc', join(outDir, fileName), ...passThrough], { cwd: root, stdio: 'inherit' });
  const ok = run.status === 0;
  results.push({ name, ok, status: ok ? 'ok' : run.signal ? `killed by ${run.signal}` : `exit ${run.status}`, seconds: (Date.now() - started) / 1000 });
}

console.log('\n=== summary ===');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(20)} ${r.status.padEnd(16)} ${r.seconds.toFixed(1)} s`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
