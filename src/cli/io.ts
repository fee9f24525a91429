/** Where a CLI run reads and writes: process streams in the bin, buffers in tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
}

/** Exit codes every command keeps to. */
export const EXIT = { ok: 0, checkFailed: 1, usage: 2 } as const;

/** A usage or input error: printed on one line to stderr, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
