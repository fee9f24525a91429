/**
 * Benchmark: the audit trail (issue 15). Three sections, each in bench/ beside this file:
 *   verify  `verify` over a change log of 1M entries vs 1M chained SHA-256 in memory (bench/audit-verify.ts);
 *   asof    the workbook as it was, at 100k assets (bench/as-of-section.ts);
 *   diff    two dates with 10k changes between them (bench/audit-diff.ts).
 * `-- --only=verify,asof,diff`.
 */
import './resolve-from-cwd';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asOfChild, asOfSection } from './as-of-section';
import { diffBench, diffChild } from './audit-diff';
import { verifyBench, verifyChild } from './audit-verify';
import { flag } from './user-path';

/** `-- --only=verify,asof,diff` runs the sections named (default: all three). */
const SECTIONS = flag('only', 'verify,asof,diff').split(',');

/** Runs `fn` in a fresh temporary folder, removed afterwards. */
async function inTempDir(prefix: string, fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const arg = process.argv[2];
  if (arg === '--verify-child') return verifyChild(process.argv[3]!);
  if (arg === '--child=asof') return asOfChild(process.argv[3]!, process.argv[4]!);
  if (arg?.startsWith('--child=')) return diffChild(arg.slice('--child='.length), process.argv.slice(3));
  if (SECTIONS.includes('verify')) await inTempDir('demarc-audit-bench-', (dir) => Promise.resolve(verifyBench(dir)));
  if (SECTIONS.includes('asof')) await inTempDir('demarc-audit-asof-', asOfSection);
  if (SECTIONS.includes('diff')) {
    await inTempDir('demarc-audit-diff-', (dir) =>
      diffBench(dir, Number(process.env.DEMARC_AUDIT_RESOURCES ?? 100_000), Number(process.env.DEMARC_AUDIT_CHANGES ?? 10_000), Number(process.env.DEMARC_AUDIT_REPS ?? 2))
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
