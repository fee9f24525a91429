/**
 * What main pushes to the renderer, one payload type per event: the preload allows only these
 * names and the renderer's listeners receive the payload typed.
 */

/** Progress of long work (an import's read, classification and write; an export). */
export interface ProgressEvent {
  /** Which operation, e.g. 'import' or 'export'. */
  operation: 'import' | 'export';
  phase: string;
  done: number;
  total: number | null;
}

/** A command from the native menu (or a file the OS asks the app to open). */
export type MenuCommand =
  | 'new-workbook'
  | 'open-workbook'
  | 'close-workbook'
  | 'find'
  | 'undo'
  | 'redo'
  | 'import'
  | 'export'
  | 'save-copy'
  | 'merge'
  | 'about'
  | 'verify-workbook'
  | { open: string };

/**
 * What a committed write changed, so readers refresh only that. Every write also adds to the
 * change log and the undo history; an empty Touched means only those.
 */
export interface Touched {
  /** Assets whose fields, overrides or RACI changed: their ids, or 'all'. */
  assets?: number[] | 'all';
  /** Parties added, edited, left or removed (their names and standing show on many assets). */
  parties?: boolean;
  /** Workbook settings: organisation, user, review period, default teams, default model. */
  settings?: boolean;
  /** Responsibility models imported or changed. */
  models?: boolean;
  /** Assets added or re-read by an import: every list, count and facet. */
  inventory?: boolean;
  /** The control mapping the framework exports use (imported or reset). */
  mapping?: boolean;
  /** Workshops: started, walked, decided, paused, finished; actions closed. */
  workshops?: boolean;
  /** Sign-offs recorded (the assets they cover are named in `assets`). */
  signOffs?: boolean;
  /** Saved sets saved, renamed or deleted. */
  savedSets?: boolean;
}

/** After every committed write. */
export interface WorkbookChangedEvent {
  touched: Touched;
}

/** Every event and its payload. */
export interface EventPayloads {
  progress: ProgressEvent;
  menu: MenuCommand;
  'workbook-changed': WorkbookChangedEvent;
}

export type EventName = keyof EventPayloads;

/** The names, for the preload's allowlist (checked against EventPayloads below). */
export const EVENTS = ['progress', 'menu', 'workbook-changed'] as const satisfies readonly EventName[];

/** Whether a write's Touched names nothing (only the log and history moved). */
export function touchesNothing(touched: Touched): boolean {
  return touched.assets === undefined && !touched.parties && !touched.settings && !touched.models && !touched.inventory && !touched.mapping && !touched.workshops && !touched.signOffs && !touched.savedSets;
}
