/**
 * The bounded building blocks every method's schema is made of: each string has a maximum
 * length and no control characters or broken Unicode, each array a maximum count, each id is a
 * positive safe integer, each date an ISO date that exists. A method added to the contract uses
 * these; tests/main/security/contract-bounds.test.ts checks that every string, array and number of every
 * method is bounded (from the JSON Schema of its zod schema), so an unbounded field fails CI.
 */
import { z } from 'zod';

/** The maximum of each kind of field, said once. */
export const LIMITS = {
  /** A party's name, an organisation, a user name, a sheet name. */
  name: 200,
  /** An e-mail address (RFC 5321's path limit). */
  email: 320,
  /** A justification, a party's notes. */
  note: 4000,
  /** A search or filter text. */
  filterText: 500,
  /** A file path (PATH_MAX on Linux). */
  path: 4096,
  /** Files read at once (an import of several exports). */
  paths: 50,
  /** A model, layer or mapping id. */
  slug: 100,
  /** Asset ids in one request: a selection across the largest inventory Demarc serves. */
  ids: 200_000,
  /** Parties named in one role of one layer. */
  partiesPerRole: 50,
  /** People and teams in one meeting (a workshop's attendees). */
  attendees: 200,
  /** Entries of a per-layer setting. */
  layers: 200,
  /** Responsibility models named in one request (a layer per model). */
  models: 100,
  /** An encoding name, a preview token, a short code. */
  short: 100,
  /** A source column's header text. */
  column: 500,
  /** A merge slot's name: an asset key (as long as a path) with its field, layer and role. */
  mergeSlot: 4500,
  /** Conflicts decided in one merge request: one per conflict, across the largest inventory. */
  mergeDecisions: 200_000,
  /** Rules of one merge ("theirs for the Finance subscription"). */
  mergeRules: 100
} as const;

/** C0 controls and DEL, but not tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** Every C0 control and DEL: a one-line field keeps none. */
// eslint-disable-next-line no-control-regex
const CONTROL_IN_LINE = /[\u0000-\u001F\u007F]/;

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (value: string): boolean => !LONE_SURROGATE.test(value);

/**
 * One line of text: at most `max` characters, no control characters (a NUL would end the text
 * for SQLite's length()), no lone surrogate (it cannot be stored as UTF-8 unchanged).
 */
export function line(max: number) {
  return z
    .string()
    .max(max)
    .refine((value) => !CONTROL_IN_LINE.test(value), 'control characters are not allowed')
    .refine(wellFormed, 'broken Unicode (a lone surrogate) is not allowed');
}

/** Text that may run over several lines (tab, line feeds), otherwise as `line`. */
export function text(max: number) {
  return z
    .string()
    .max(max)
    .refine((value) => !CONTROL_IN_TEXT.test(value), 'control characters are not allowed')
    .refine(wellFormed, 'broken Unicode (a lone surrogate) is not allowed');
}

/** A row id: a positive safe integer. */
export const idSchema = z.number().int().positive();

/** An offset into a list. */
export const offsetSchema = z.number().int().min(0);

/** A date that exists, as YYYY-MM-DD. */
export const isoDateSchema = z.iso.date('a date like 2026-11-28').max(10);

/** A file path as the user chose it: one line, not empty. */
export const pathSchema = line(LIMITS.path).trim().min(1, 'a file path is required');

/** Lower-case letters, digits and dashes, starting with a letter or digit: a model or mapping id. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** A reference to a responsibility model by id. */
export const modelIdSchema = z.string().min(1).max(LIMITS.slug).regex(SLUG_PATTERN, 'model id: lower-case letters, digits and dashes');

/** A reference to a layer of a model by id. */
export const layerIdSchema = z
  .string()
  .min(1)
  .max(LIMITS.slug)
  .regex(/^[a-z][a-z0-9-]*$/, 'layer id: lower-case letters, digits and dashes');
