import { basename } from 'node:path';
import { BUILTIN_MODELS, DEFAULT_MODEL_ID } from '@core/models';
import { canBeDefaultTeam } from '@core/parties';
import { DEFAULT_MODEL_BY_PROVIDER } from '@core/service-models';
import type { ParsedInput } from '@shared/contract';
import type { WorkbookInfo } from '@shared/contract/workbook';
import type { ChangeLogEntry, WorkbookSettings } from '@shared/domain';
import { DemarcError } from '@shared/errors';
import { listAppVersions } from '../store/repos/app-versions';
import { countAssets } from '../store/repos/assets';
import { countChanges, lastChangeAt, listChanges, type ChangeQuery } from '../store/repos/change-log';
import { META_KEYS, readMeta, readSettings, writeMeta } from '../store/repos/meta';
import { countParties, findPartyByName, getParty, insertParty } from '../store/repos/parties';
import { countAssignments, countOverrides } from '../store/repos/responsibility';
import { OpenWorkbook } from '../open-workbook';
import { createWorkbookFile, openWorkbookFile } from '../store/workbook-file';
import { recordAppVersion } from './app-version';
import { actorName, type ServiceContext } from './context';
import { write } from './write';

export const DEFAULT_REVIEW_PERIOD_DAYS = 365;

export function workbookName(path: string): string {
  return basename(path).replace(/\.demarc$/i, '');
}

/** Creates a new .demarc workbook with the default model and the provider party. */
export function createWorkbook(ctx: ServiceContext, input: { path: string; organisation?: string }): OpenWorkbook {
  const path = /\.demarc$/i.test(input.path) ? input.path : `${input.path}.demarc`;
  const wb = new OpenWorkbook(createWorkbookFile(path, ctx.nativeBinding ? { nativeBinding: ctx.nativeBinding } : {}));
  const organisation = input.organisation?.trim() || workbookName(path);
  write(wb, ctx, (at) => {
    writeMeta(wb.db, META_KEYS.organisation, organisation);
    writeMeta(wb.db, META_KEYS.defaultModelId, DEFAULT_MODEL_ID);
    writeMeta(wb.db, META_KEYS.defaultModelVersion, BUILTIN_MODELS[DEFAULT_MODEL_ID]!.version);
    writeMeta(wb.db, META_KEYS.modelByProvider, JSON.stringify(DEFAULT_MODEL_BY_PROVIDER));
    writeMeta(wb.db, META_KEYS.reviewPeriodDays, String(DEFAULT_REVIEW_PERIOD_DAYS));
    writeMeta(wb.db, META_KEYS.createdAt, at);
    if (!findPartyByName(wb.db, 'Microsoft')) insertParty(wb.db, { name: 'Microsoft', kind: 'provider' }, at);
    return {
      result: null,
      change: {
        action: 'workbook.create',
        entity: 'workbook',
        entityId: null,
        summary: `Created workbook for ${organisation} with model ${DEFAULT_MODEL_ID}`,
        after: { organisation, defaultModelId: DEFAULT_MODEL_ID, modelByProvider: DEFAULT_MODEL_BY_PROVIDER }
      },
      touched: { settings: true, parties: true }
    };
  });
  recordAppVersion(wb, ctx);
  return wb;
}

export function openWorkbook(ctx: ServiceContext, path: string): OpenWorkbook {
  // The injected clock dates the backup and the upgrade's change-log entry.
  const now = () => new Date(ctx.clock());
  const options = { now, actor: ctx.osUser };
  const wb = new OpenWorkbook(openWorkbookFile(path, ctx.nativeBinding ? { ...options, nativeBinding: ctx.nativeBinding } : options));
  try {
    recordAppVersion(wb, ctx);
  } catch (error) {
    wb.close();
    throw error;
  }
  return wb;
}

export function closeWorkbook(wb: OpenWorkbook): void {
  wb.close();
}

/** The workbook's stable id (migration 0006_frameworks gives every workbook one). */
export function workbookIdOf(wb: OpenWorkbook): string {
  const id = readMeta(wb.db).get(META_KEYS.workbookId);
  if (id === undefined) throw new DemarcError('INTERNAL', `${wb.path} has no workbook id: it was not migrated by 0006_frameworks.`);
  return id;
}

export function workbookInfo(wb: OpenWorkbook, ctx: ServiceContext): WorkbookInfo {
  const settings = readSettings(wb.db, actorName(ctx));
  return {
    path: wb.path,
    name: workbookName(wb.path),
    formatVersion: wb.formatVersion,
    workbookId: workbookIdOf(wb),
    organisation: settings.organisation,
    defaultModelId: settings.defaultModelId,
    defaultModelVersion: settings.defaultModelVersion,
    modelByProvider: settings.modelByProvider,
    reviewPeriodDays: settings.reviewPeriodDays,
    notSignedOffSeverity: settings.notSignedOffSeverity ?? 'info',
    defaultTeamPerLayer: settings.defaultTeamPerLayer,
    userName: settings.userName,
    counts: {
      assets: countAssets(wb.db),
      parties: countParties(wb.db),
      assignments: countAssignments(wb.db),
      overrides: countOverrides(wb.db),
      changes: countChanges(wb.db)
    },
    lastChangeAt: lastChangeAt(wb.db),
    backupPath: wb.backupPath,
    appVersions: listAppVersions(wb.db)
  };
}

/** The workbook's own settings, as a settings change logs them (the acting person is not one). */
function loggedSettings(settings: WorkbookSettings): Omit<WorkbookSettings, 'userName'> {
  const { userName: _acting, ...rest } = settings;
  return rest;
}

/**
 * Changes the workbook's settings in one logged write. The user name is the person at this
 * machine: kept in the app's per-user store (ctx.localUser), never in the workbook, and not a
 * change of the workbook; the CLI names the person with --actor or DEMARC_USER instead.
 */
export function updateSettings(wb: OpenWorkbook, ctx: ServiceContext, patch: ParsedInput<'settings.update'>): void {
  const before = readSettings(wb.db, actorName(ctx));
  const renamed = patch.userName !== undefined && patch.userName !== before.userName;
  if (renamed && ctx.localUser === undefined) {
    throw new DemarcError('INVALID_INPUT', 'userName: the person acting is named on their own machine, not in the workbook: pass --actor NAME or set DEMARC_USER.');
  }
  if (renamed && patch.userName !== undefined) ctx.localUser?.setName(patch.userName);
  write(wb, ctx, () => {
    const changed: string[] = [];
    if (patch.organisation !== undefined && patch.organisation !== before.organisation) {
      writeMeta(wb.db, META_KEYS.organisation, patch.organisation);
      changed.push(`organisation → ${patch.organisation}`);
    }
    if (patch.reviewPeriodDays !== undefined && patch.reviewPeriodDays !== before.reviewPeriodDays) {
      writeMeta(wb.db, META_KEYS.reviewPeriodDays, String(patch.reviewPeriodDays));
      changed.push(`review period → ${patch.reviewPeriodDays} days`);
    }
    if (patch.notSignedOffSeverity !== undefined && patch.notSignedOffSeverity !== before.notSignedOffSeverity) {
      writeMeta(wb.db, META_KEYS.notSignedOffSeverity, patch.notSignedOffSeverity);
      changed.push(`never-signed-off layers → ${patch.notSignedOffSeverity}`);
    }
    if (patch.defaultTeamPerLayer !== undefined) {
      for (const partyId of Object.values(patch.defaultTeamPerLayer)) {
        const party = getParty(wb.db, partyId);
        if (party === null || !canBeDefaultTeam(party)) throw new DemarcError('INVALID_INPUT', `defaultTeamPerLayer: party ${partyId} is not a person or team of this workbook.`);
      }
      writeMeta(wb.db, META_KEYS.defaultTeamPerLayer, JSON.stringify(patch.defaultTeamPerLayer));
      changed.push('default team per layer');
    }
    if (changed.length === 0) return { result: undefined, change: null, touched: renamed ? { settings: true } : {} };
    const after = readSettings(wb.db, actorName(ctx));
    return {
      result: undefined,
      change: {
        action: 'settings.update',
        entity: 'workbook',
        entityId: null,
        summary: `Settings: ${changed.join(', ')}`,
        before: loggedSettings(before),
        after: loggedSettings(after)
      },
      touched: { settings: true }
    };
  });
}

export function changes(wb: OpenWorkbook, query: ChangeQuery): ChangeLogEntry[] {
  return listChanges(wb.db, query);
}
