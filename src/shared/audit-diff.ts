/**
 * What changed between two moments, read from the change log: per asset (and layer) what changed,
 * who changed it and when; the changes to the workbook as a whole; counts per kind and per person.
 */

/** The kinds of change a diff tells apart, in the order they are listed. */
export const DIFF_KINDS = [
  'responsibility',
  'raci',
  'owner',
  'serviceModel',
  'model',
  'review',
  'signOff',
  'import',
  'party',
  'settings',
  'models',
  'mapping',
  'workbook'
] as const;
export type DiffKind = (typeof DIFF_KINDS)[number];

/** The words for each kind ("override" rather than "responsibility": an override is how a responsibility changes). */
export const DIFF_KIND_LABELS: Record<DiffKind, string> = {
  responsibility: 'Override',
  raci: 'RACI',
  owner: 'Owner',
  serviceModel: 'Service model',
  model: 'Responsibility model',
  review: 'Review',
  signOff: 'Sign-off',
  import: 'Import',
  party: 'Party',
  settings: 'Settings',
  models: 'Models',
  mapping: 'Control mapping',
  workbook: 'Workbook'
};

/** "RACI 2, Owner 1" in kind order ("nothing" when empty): how the CLI and the app word a diff's counts. */
export function diffCountsText(counts: Partial<Record<DiffKind, number>>): string {
  const parts = DIFF_KINDS.filter((k) => (counts[k] ?? 0) > 0).map(
    (k) => `${DIFF_KIND_LABELS[k]} ${counts[k]}`
  );
  return parts.length === 0 ? 'nothing' : parts.join(', ');
}

/** "published → customer" (— for a side the entry does not say); null when it says neither. How the CLI and the app word a change's values. */
export function beforeAfterText(change: Pick<DiffChange, 'before' | 'after'>): string | null {
  return change.before === null && change.after === null ? null : `${change.before ?? '—'} → ${change.after ?? '—'}`;
}

/** One change-log entry as a diff shows it (for an asset: what it did to that asset). */
export interface DiffChange {
  entryId: number;
  at: string;
  actor: string;
  kind: DiffKind;
  /** The layer changed (RACI, override, a one-layer sign-off); null: the asset or the workbook. */
  layerId: string | null;
  /** That layer's title in the asset's model (its id when the model has no such layer). */
  layer: string | null;
  summary: string;
  /** What it was before and after, in words (RACI roles, responsibility, owner…); null where the entry does not say. */
  before: string | null;
  after: string | null;
}

/** Everything that changed on one asset in the window. */
export interface DiffAsset {
  assetId: number;
  /** Its name today (`asset #<id>` when no asset has that id any more). */
  name: string;
  /** Changes per kind. */
  counts: Partial<Record<DiffKind, number>>;
  /** The titles of the layers changed, in model order. */
  layers: string[];
  changes: DiffChange[];
}

export interface DiffReport {
  /** The window: entries with from ≤ at < to (ISO instants; from an export: its head entry's time, entries after it). */
  from: string;
  to: string;
  /** Entries in the window, and the first and last of them. */
  entries: number;
  firstEntryId: number | null;
  lastEntryId: number | null;
  /** The earlier export the window starts after (its chain head), and whether that head is still in the chain unchanged. */
  baseline: { path: string; head: string; matches: boolean; message: string } | null;
  /** Whether the whole change log's hash chain holds: a diff read from a broken log says so. */
  chain: { whole: boolean; message: string | null };
  /** Changes per kind: one per asset an entry changed, one per entry about the workbook. */
  counts: Partial<Record<DiffKind, number>>;
  /** Entries per person, most first. */
  byActor: { actor: string; entries: number }[];
  /** Assets changed, by name. */
  assets: DiffAsset[];
  /** Changes not about one asset: imports, parties, settings, models, scope sign-offs. */
  workbook: DiffChange[];
  /** Assets first imported (or created) in the window. */
  added: { assetId: number; name: string }[];
  /** Assets the window's entries name that are no longer in the workbook (an undone import or merge). */
  removed: { assetId: number; name: string }[];
  /** Assets the imports in the window did not list any more (flagged, never deleted). */
  notSeen: number;
}
