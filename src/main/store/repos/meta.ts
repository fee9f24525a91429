import { BUILTIN_MODELS, DEFAULT_MODEL_ID } from '@core/models';
import { SEVERITIES, type Severity, type WorkbookSettings } from '@shared/domain';
import type { Db } from '../workbook-file';

/** Keys of the meta table; values are stored as text (JSON for structured ones). */
export const META_KEYS = {
  organisation: 'organisation',
  defaultModelId: 'default_model_id',
  defaultModelVersion: 'default_model_version',
  /** JSON: provider → model id (absent in workbooks made before providers had models: every asset then follows the default). */
  modelByProvider: 'model_by_provider',
  reviewPeriodDays: 'review_period_days',
  defaultTeamPerLayer: 'default_team_per_layer',
  createdAt: 'created_at',
  createdWith: 'created_with',
  /** A UUID given once (migration 0006_frameworks) and never changed: the workbook's identity across copies and exports. */
  workbookId: 'workbook_id',
  /** `#<id> sha256:<hex>`: the change-log entry Demarc wrote last (migration 0008_change_log_chain), so entries removed from or added at the end are seen. */
  chainHead: 'change_log_head',
  /** NOT_SIGNED_OFF's severity: error, warning, info (default) or off. */
  notSignedOffSeverity: 'not_signed_off_severity'
} as const;

export function readMeta(db: Db): Map<string, string> {
  const rows = db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
  return new Map(rows.map((row) => [row.key, row.value]));
}

export function writeMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run({
    key,
    value
  });
}

function parseModelByProvider(raw: string | undefined): Record<string, string> {
  if (!raw) return {};
  const parsed: unknown = JSON.parse(raw);
  const byProvider: Record<string, string> = {};
  if (parsed && typeof parsed === 'object') {
    for (const [provider, id] of Object.entries(parsed)) if (typeof id === 'string') byProvider[provider] = id;
  }
  return byProvider;
}

function parseTeams(raw: string | undefined): Record<string, number> {
  if (!raw) return {};
  const parsed: unknown = JSON.parse(raw);
  const teams: Record<string, number> = {};
  if (parsed && typeof parsed === 'object') {
    for (const [layer, id] of Object.entries(parsed)) if (typeof id === 'number') teams[layer] = id;
  }
  return teams;
}

const SEVERITY_SETTINGS = [...SEVERITIES, 'off'] as const;
function parseSeverity(raw: string | undefined): Severity | 'off' {
  return SEVERITY_SETTINGS.find((s) => s === raw) ?? 'info';
}

/**
 * The settings the meta values given hold (only the keys present; each parsed as readSettings
 * parses it): the workbook's settings, or the values a change logged as its way back.
 */
export function settingsFromMeta(meta: ReadonlyMap<string, string>): Partial<Omit<WorkbookSettings, 'userName'>> {
  const out: Partial<Omit<WorkbookSettings, 'userName'>> = {};
  const has = (key: string): string | undefined => meta.get(key);
  if (has(META_KEYS.organisation) !== undefined) out.organisation = has(META_KEYS.organisation);
  if (has(META_KEYS.defaultModelId) !== undefined) out.defaultModelId = has(META_KEYS.defaultModelId);
  if (has(META_KEYS.defaultModelVersion) !== undefined) out.defaultModelVersion = has(META_KEYS.defaultModelVersion);
  if (has(META_KEYS.modelByProvider) !== undefined) out.modelByProvider = parseModelByProvider(has(META_KEYS.modelByProvider));
  if (has(META_KEYS.reviewPeriodDays) !== undefined) out.reviewPeriodDays = Number(has(META_KEYS.reviewPeriodDays));
  if (has(META_KEYS.defaultTeamPerLayer) !== undefined) out.defaultTeamPerLayer = parseTeams(has(META_KEYS.defaultTeamPerLayer));
  if (has(META_KEYS.notSignedOffSeverity) !== undefined) out.notSignedOffSeverity = parseSeverity(has(META_KEYS.notSignedOffSeverity));
  return out;
}

/**
 * The workbook's settings, with `userName` the person at this machine. Workbooks written before
 * issue 20 may hold a `user_name` meta row: it is left as it is and never read, since a name
 * stored in a file that travels would be logged as everyone's (services/context.ts actorName).
 */
export function readSettings(db: Db, userName: string): WorkbookSettings {
  return {
    organisation: '',
    defaultModelId: DEFAULT_MODEL_ID,
    defaultModelVersion: BUILTIN_MODELS[DEFAULT_MODEL_ID]!.version,
    modelByProvider: {},
    reviewPeriodDays: 365,
    defaultTeamPerLayer: {},
    userName,
    notSignedOffSeverity: 'info',
    ...settingsFromMeta(readMeta(db))
  };
}
