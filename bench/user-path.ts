/**
 * What the user-path benches (import, export, report) share: the CLI run in a child process of
 * its own (this bench file re-run with --child=KIND, calling the CLI's runCli exactly as the
 * `demarc` bin does, stdout streamed to a file), so the peak RSS printed is the one of the process
 * doing the work (`process.resourceUsage().maxRSS` of that child), and a workbook built the way
 * a user builds one: `demarc new`, `demarc import` of a generated `az resource list`, parties
 * added and owners assigned with `demarc parties` and `demarc assign`.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, createWriteStream, openSync, writeFileSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { runCli } from '@cli/main';
import type { CliIo } from '@cli/io';
import { generateAzResourceList } from './import-gen';

export function flag(name: string, fallback: string): string {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit === undefined ? fallback : hit.slice(name.length + 3);
}

/** One measurement, taken in its own process. */
export interface Measured {
  kind: string;
  seconds: number;
  /** User + system CPU of the process during the measurement (all threads, zlib included). */
  cpuSeconds: number;
  /** Peak RSS of the whole process that did the work. */
  maxRssMb: number;
  note: string;
}

/** Times `work` in this (child) process and prints the result for the parent. */
export async function measureHere(kind: string, work: () => Promise<string>): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const note = await work();
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const result: Measured = { kind, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, maxRssMb: process.resourceUsage().maxRSS / 1024, note };
  console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
}

/** Runs this bench file again as `--child=KIND` with `args`, and reads its result. */
export function runChild(kind: string, args: readonly string[]): Measured {
  const out = spawnSync(process.execPath, ['--expose-gc', process.argv[1] ?? '', `--child=${kind}`, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const line = out.stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  if (out.status !== 0 || !line) throw new Error(`${kind} failed (${out.status ?? out.signal}): ${out.stderr.slice(-2000)}`);
  return JSON.parse(line.slice('BENCH_RESULT '.length)) as Measured;
}

async function closed(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'close');
}

/**
 * `demarc ARGS` in this process, as the bin runs it (stdout streamed with backpressure), stdout to
 * `stdoutPath`, or else returned. A failing command throws with its stderr.
 */
export async function demarc(args: readonly string[], stdoutPath?: string): Promise<string> {
  const out = stdoutPath === undefined ? null : createWriteStream(stdoutPath);
  let stderr = '';
  let printed = '';
  const io: CliIo = {
    stdout: (text) => {
      if (out) out.write(text);
      else printed += text;
    },
    streamStdout: async (text) => {
      if (out && !out.write(text)) await once(out, 'drain');
    },
    stderr: (text) => (stderr += text),
    cwd: process.cwd(),
    env: { ...process.env, DEMARC_USER: 'bench' }
  };
  const code = await runCli([...args], io);
  if (out) await closed(out);
  if (code !== 0) throw new Error(`demarc ${args.join(' ')} exited ${code}: ${stderr}`);
  return printed;
}

/** Printed by a CLI process at its exit (a --require'd hook): its CPU and peak RSS from its start. */
const PROCESS_HOOK = `process.on('exit', () => {
  const cpu = process.cpuUsage();
  process.stderr.write('\\nBENCH_PROCESS ' + JSON.stringify({ cpuSeconds: (cpu.user + cpu.system) / 1e6, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\\n');
});
`;

/**
 * `node demarc.cjs ARGS` as a user runs it — the CLI built by scripts/bench.mjs beside this bench,
 * in a process of its own, stdout to `stdoutPath` — timed from spawn to exit, with that process's
 * CPU and peak RSS from its start (Node's start-up and the CLI's module loading included). Exit
 * codes other than `okCodes` throw with its stderr.
 */
export function demarcProcess(kind: string, args: readonly string[], stdoutPath: string, okCodes: readonly number[] = [0]): Measured {
  const hook = join(dirname(stdoutPath), 'bench-process-hook.cjs');
  writeFileSync(hook, PROCESS_HOOK);
  const cli = join(dirname(process.argv[1] ?? ''), 'demarc.cjs');
  const out = openSync(stdoutPath, 'w');
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--require', hook, cli, ...args], { stdio: ['ignore', out, 'pipe'], encoding: 'utf8', env: { ...process.env, DEMARC_USER: 'bench' }, maxBuffer: 1 << 26 });
  const seconds = (performance.now() - started) / 1000;
  closeSync(out);
  const line = run.stderr.split('\n').find((l) => l.startsWith('BENCH_PROCESS '));
  if (run.status === null || !okCodes.includes(run.status) || line === undefined) throw new Error(`demarc ${args.join(' ')} exited ${run.status ?? run.signal}: ${run.stderr.slice(-2000)}`);
  const used = JSON.parse(line.slice('BENCH_PROCESS '.length)) as Pick<Measured, 'cpuSeconds' | 'maxRssMb'>;
  return { kind, seconds, ...used, note: '' };
}

/** Writes the generated `az resource list` of `count` resources into `dir`; returns its path. */
export function writeInventory(dir: string, count: number): string {
  const file = join(dir, 'az-resource-list.json');
  writeFileSync(file, generateAzResourceList(count, 42));
  return file;
}

/**
 * Builds the workbook a user would have after a first afternoon: imported from `inventory`, four
 * parties, owners on most assets (by resource type and by resource group), some assets reviewed.
 */
export async function buildWorkbook(workbook: string, inventory: string): Promise<void> {
  await demarc(['new', workbook, '--org', 'Bench Corp']);
  await demarc(['import', workbook, inventory]);
  await demarc(['parties', workbook, 'add', 'Alice Martin', '--kind', 'person']);
  await demarc(['parties', workbook, 'add', 'Platform Team', '--kind', 'team']);
  await demarc(['parties', workbook, 'add', 'Data Team', '--kind', 'team']);
  await demarc(['parties', workbook, 'add', 'Contoso Managed Services', '--kind', 'third_party']);
  await demarc(['assign', workbook, '--where', 'type=microsoft.compute/virtualmachines', '--owner', 'Platform Team']);
  await demarc(['assign', workbook, '--where', 'type=microsoft.network/networkinterfaces', '--owner', 'Platform Team', '--reviewed']);
  await demarc(['assign', workbook, '--where', 'type=microsoft.compute/disks', '--owner', 'Alice Martin']);
  await demarc(['assign', workbook, '--where', 'sm=paas', '--owner', 'Data Team']);
}

/** The host's load, for the printout: these benches run on a shared 2-core machine. */
export function load(): string {
  return `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${availableParallelism()} CPUs`;
}

/** The fastest of `runs` (the one least disturbed by other load). */
export function fastest(runs: readonly Measured[]): Measured {
  const first = runs[0];
  if (first === undefined) throw new Error('no runs');
  return runs.reduce((a, b) => (b.seconds < a.seconds ? b : a), first);
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) throw new Error('no values');
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * The product's runs against the floor's, paired as they ran (product i, then floor i, one right
 * after the other): the median of the per-pair CPU and wall ratios. A pair shares the host's load
 * of its minute, so its ratio holds where each kind's own times drift (a floor's CPU moved by a
 * quarter between quiet runs minutes apart); the median drops a pair one burst of load skewed.
 */
export function pairedRatios(product: readonly Measured[], floor: readonly Measured[]): { cpu: number; wall: number; line: string } {
  const pairs = product.map((p, i) => ({ p, f: floor[i] })).filter((x): x is { p: Measured; f: Measured } => x.f !== undefined);
  if (pairs.length === 0) throw new Error('no pairs');
  const cpus = pairs.map(({ p, f }) => p.cpuSeconds / f.cpuSeconds);
  const walls = pairs.map(({ p, f }) => p.seconds / f.seconds);
  const cpu = median(cpus);
  const wall = median(walls);
  const line = `per-pair ratios (product ÷ floor, in the order run) CPU ${cpus.map(s2).join(', ')}, wall ${walls.map(s2).join(', ')}; median of ${pairs.length}: CPU ${s2(cpu)}, wall ${s2(wall)}`;
  return { cpu, wall, line };
}

export const s2 = (n: number): string => n.toFixed(2);
export const mb = (n: number): string => n.toFixed(0);
