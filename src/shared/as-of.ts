/**
 * The workbook as it was at a moment: `demarc report --as-of`, `check --as-of` and the app's
 * History view. The moment is a UTC day (its end), an ISO instant, or a change-log entry.
 */
import { z } from 'zod';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const ENTRY = /^#?\d{1,15}$/;

/** `2026-03-31` (the end of that UTC day), `2026-03-31T14:00:00Z` (that instant) or `#123` (just after that entry). */
export const AsOfSchema = z
  .string()
  .max(40)
  .refine((text) => DAY.test(text) || INSTANT.test(text) || ENTRY.test(text), 'as-of: a date (YYYY-MM-DD), a date and time (2026-03-31T14:00:00Z) or a change-log entry (#123)');

/** How the moment was given. */
export type AsOfKind = 'day' | 'instant' | 'entry';

export function asOfKind(text: string): AsOfKind {
  return DAY.test(text) ? 'day' : ENTRY.test(text) ? 'entry' : 'instant';
}

/** A later entry whose previous values the log does not hold: what it changed is shown as it is now. */
export interface AsOfGap {
  entryId: number;
  at: string;
  actor: string;
  action: string;
  summary: string;
  reason: string;
}

/** What an as-of answer stands on: the moment, the entry in effect, what was undone and what could not be. */
export interface AsOfInfo {
  /** The moment as asked (`2026-03-31`, an instant, `#123`). */
  requested: string;
  /** The moment as an ISO instant (a day: its last millisecond; an entry: its time). */
  at: string;
  /** The last change-log entry in effect at the moment, as written in the log. */
  entry: { id: number; at: string; actor: string; summary: string };
  /** Entries written after it, undone to reach the moment. */
  undone: number;
  /** Assets created after the moment, left out. */
  assetsLeftOut: number;
  /** Later entries that could not be undone from their log (empty: everything the answer shows is as it was). */
  gaps: AsOfGap[];
  /** The chain head verified before answering (`#<id> sha256:<hex>`). */
  chainHead: string;
}
