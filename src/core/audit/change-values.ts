/**
 * Before → after of one change, in words, read from what its change-log entry logged: the roles of
 * a RACI cell (parties by name), an override's responsibility (or the published one), an asset's
 * owner, service model, model or review date (a bulk edit: this asset's own previous value), the
 * changed keys of a workbook-wide change. Pure: party names are passed in. Null where the entry
 * logged nothing to say it by (the summary then says it).
 */
import type { ChangeLogEntry } from '@shared/domain';
import type { DiffKind } from '@shared/audit-diff';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The rows an entry's side logged: rows, `{ op, row(s) }` edit operations, a bulk edit's `assignments`. */
export function loggedRows(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(loggedRows);
  if (!isRecord(value)) return [];
  if ('row' in value || 'rows' in value) return [...loggedRows(value.row), ...loggedRows(value.rows)];
  if ('assignments' in value) return loggedRows(value.assignments);
  return [value];
}

const ROLE_ORDER = ['R', 'A', 'C', 'I'] as const;

/** An asset edit's field per kind. */
const FIELD_OF: Partial<Record<DiffKind, string>> = {
  owner: 'ownerPartyId',
  serviceModel: 'serviceModel',
  model: 'modelId',
  review: 'lastReviewedAt'
};

export interface ValueWords {
  /** A party's name (`party #<id>` when unknown). */
  partyName: (partyId: number) => string;
}

export interface BeforeAfter {
  before: string | null;
  after: string | null;
}

const NONE: BeforeAfter = { before: null, after: null };

/** Each role's logged party ids, in the order logged (one pass over the rows). */
function partiesByRole(rows: readonly Record<string, unknown>[]): Map<unknown, unknown[]> {
  const byRole = new Map<unknown, unknown[]>();
  for (const row of rows) {
    const parties = byRole.get(row.role);
    if (parties === undefined) byRole.set(row.role, [row.partyId]);
    else parties.push(row.partyId);
  }
  return byRole;
}

function rolesText(byRole: Map<unknown, unknown[]>, roles: readonly string[], words: ValueWords): string {
  return roles
    .map((role) => {
      const parties = (byRole.get(role) ?? []).filter((id): id is number => typeof id === 'number').map((id) => words.partyName(id));
      return `${role}: ${parties.length === 0 ? 'default' : parties.join(', ')}`;
    })
    .join('; ');
}

function raciValues(entry: ChangeLogEntry, assetId: number | null, layerId: string | null, words: ValueWords): BeforeAfter {
  const mine = (side: unknown) =>
    partiesByRole(loggedRows(side).filter((r) => 'role' in r && (assetId === null || r.assetId === undefined || r.assetId === assetId) && (layerId === null || r.layerId === layerId)));
  const before = mine(entry.before);
  const after = mine(entry.after);
  const key = (byRole: Map<unknown, unknown[]>, role: string) => (byRole.get(role) ?? []).map(String).sort().join(',');
  // The roles that differ (a RACI cell's entry logs the whole layer; a bulk one, only what it touched).
  const roles = ROLE_ORDER.filter((role) => key(before, role) !== key(after, role));
  if (roles.length === 0) return NONE;
  return { before: rolesText(before, roles, words), after: rolesText(after, roles, words) };
}

function overrideText(side: unknown, layerId: string | null): string {
  const row = loggedRows(side).find((r) => typeof r.responsibility === 'string' && (layerId === null || r.layerId === layerId));
  if (row === undefined) return 'published';
  return typeof row.justification === 'string' && row.justification !== '' ? `${String(row.responsibility)} (${row.justification})` : String(row.responsibility);
}

/** A field's value for one asset on one side of an asset edit: `{ values, ids }` or `{ groups: [{ values, ids }] }`. */
function fieldValue(side: unknown, assetId: number | null, field: string): { found: boolean; value: unknown } {
  if (!isRecord(side)) return { found: false, value: undefined };
  const parts = isRecord(side.values) ? [{ values: side.values, ids: side.ids }] : Array.isArray(side.groups) ? side.groups.filter(isRecord) : [];
  for (const part of parts) {
    const ids = Array.isArray(part.ids) ? part.ids : [];
    if (assetId !== null && ids.length > 0 && !ids.includes(assetId)) continue;
    if (isRecord(part.values) && field in part.values) return { found: true, value: part.values[field] };
  }
  return { found: false, value: undefined };
}

function assetFieldValues(entry: ChangeLogEntry, kind: DiffKind, assetId: number | null, words: ValueWords): BeforeAfter {
  const field = FIELD_OF[kind];
  if (field === undefined) return NONE;
  const say = (side: unknown): string | null => {
    const { found, value } = fieldValue(side, assetId, field);
    if (!found) return null;
    if (value === null || value === undefined || value === '') return 'none';
    if (kind === 'owner' && typeof value === 'number') return words.partyName(value);
    return typeof value === 'string' ? value : JSON.stringify(value);
  };
  return { before: say(entry.before), after: say(entry.after) };
}

/** A workbook-wide change's changed keys, `key: value` (values as JSON), those that differ only. */
function recordValues(entry: ChangeLogEntry): BeforeAfter {
  const before = isRecord(entry.before) ? entry.before : {};
  const after = isRecord(entry.after) ? entry.after : {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  if (keys.length === 0 || (!isRecord(entry.before) && !isRecord(entry.after))) return NONE;
  const say = (side: Record<string, unknown>, present: boolean) =>
    present ? keys.filter((k) => k in side).map((k) => `${k}: ${JSON.stringify(side[k])}`).join('; ') || null : null;
  return { before: say(before, isRecord(entry.before)), after: say(after, isRecord(entry.after)) };
}

/** Before → after of one effect of an entry on one asset (null: on the workbook). */
export function changeValues(entry: ChangeLogEntry, kind: DiffKind, layerId: string | null, assetId: number | null, words: ValueWords): BeforeAfter {
  switch (kind) {
    case 'raci':
      return raciValues(entry, assetId, layerId, words);
    case 'responsibility':
      return { before: overrideText(entry.before, layerId), after: overrideText(entry.after, layerId) };
    case 'owner':
    case 'serviceModel':
    case 'model':
    case 'review':
      return assetFieldValues(entry, kind, assetId, words);
    case 'signOff':
      return NONE;
    default:
      return recordValues(entry);
  }
}
