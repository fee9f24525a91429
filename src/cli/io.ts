import type { ErrorCode } from '@shared/errors';

/** Where a CLI run reads and writes: process streams in the bin, buffers in tests. */
export interface CliIo {
  stdout: (text: string) => void;
  /** Writes to stdout and resolves once it can take more: large outputs never pile up in memory. */
  streamStdout: (text: string) => Promise<void>;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
}

/** Exit codes every command keeps to. */
export const EXIT = { ok: 0, checkFailed: 1, usage: 2 } as const;

type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * The exit code of each error a command can end with: 2 when the user gave something unusable
 * (a bad file, a missing workbook, a refused rule), 1 when Demarc itself failed or was stopped.
 */
export const EXIT_CODE_OF: Record<ErrorCode, ExitCode> = {
  INVALID_INPUT: EXIT.usage,
  BAD_REQUEST: EXIT.usage,
  UNKNOWN_METHOD: EXIT.usage,
  NOT_FOUND: EXIT.usage,
  NOT_A_SQLITE_FILE: EXIT.usage,
  NOT_A_DEMARC_WORKBOOK: EXIT.usage,
  NEWER_FORMAT: EXIT.usage,
  LOCKED: EXIT.usage,
  ALREADY_EXISTS: EXIT.usage,
  MIGRATION_FAILED: EXIT.usage,
  NO_WORKBOOK: EXIT.usage,
  RULE_VIOLATION: EXIT.usage,
  BAD_FILE: EXIT.usage,
  NOT_GRANTED: EXIT.usage,
  CANCELLED: EXIT.checkFailed,
  INTERNAL: EXIT.checkFailed
};

/** A usage or input error: printed on one line to stderr, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
