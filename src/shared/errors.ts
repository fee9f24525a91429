/** Error codes every result may carry; the renderer and CLI map them to messages and exit codes. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'NOT_A_SQLITE_FILE',
  'NOT_A_DEMARC_WORKBOOK',
  'NEWER_FORMAT',
  'LOCKED',
  'ALREADY_EXISTS',
  'MIGRATION_FAILED',
  'NO_WORKBOOK',
  'RULE_VIOLATION',
  'BAD_FILE',
  'CANCELLED',
  'INTERNAL'
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  /** Optional structured detail (e.g. row errors of an import). Plain JSON. */
  details?: unknown;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo };

/** A failure the user can act on: its message is shown as is. */
export class DemarcError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'DemarcError';
    this.code = code;
    this.details = details;
  }
}
