/** Error codes every result may carry; the renderer and CLI map them to messages and exit codes. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  /** The request is not plain data (a class instance, a function, NaN, a `__proto__` key…): refused before its schema. */
  'BAD_REQUEST',
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
  /** A file path the user did not choose in this session (a dialog, a drop, the recent list, the OS). */
  'NOT_GRANTED',
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

/** How much of what it was sent an error message may quote. */
export const QUOTE_LIMIT = 200;

/**
 * A value quoted in an error message: JSON-quoted (so control characters and quotes show),
 * cut to QUOTE_LIMIT characters with the full length said.
 */
export function quote(value: string, limit: number = QUOTE_LIMIT): string {
  if (value.length <= limit) return JSON.stringify(value);
  return `${JSON.stringify(value.slice(0, limit))}… (${value.length.toLocaleString('en-GB')} characters)`;
}
