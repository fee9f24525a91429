import { z } from 'zod';
import { SEVERITIES, type ChangeLogEntry, type Severity } from '../domain';
import { LIMITS, idSchema, isoDateSchema, layerIdSchema, line, pathSchema as path } from './bounds';

/** What the app and CLI show about an open workbook. */
export interface WorkbookInfo {
  path: string;
  /** File name without the .demarc extension: the window title. */
  name: string;
  formatVersion: number;
  /** The workbook's stable id (a UUID given once, kept by copies): exports derive their identifiers from it. */
  workbookId: string;
  organisation: string;
  defaultModelId: string;
  defaultModelVersion: string;
  /** provider → the model its assets are read under unless an asset names its own. */
  modelByProvider: Record<string, string>;
  reviewPeriodDays: number;
  /** Severity of NOT_SIGNED_OFF findings, or 'off'. */
  notSignedOffSeverity: Severity | 'off';
  /** The default team (or person) per customer-side layer id. */
  defaultTeamPerLayer: Record<string, number>;
  userName: string;
  counts: { assets: number; parties: number; assignments: number; overrides: number; changes: number };
  lastChangeAt: string | null;
  /** Set right after an older workbook was upgraded: where the untouched original was copied. */
  backupPath: string | null;
  /** The Demarc versions that have opened this workbook, oldest first (not part of any export). */
  appVersions: AppVersionOpened[];
}

/** A Demarc version's first opening of a workbook: recorded once per version, never changed. */
export interface AppVersionOpened {
  version: string;
  firstOpenedAt: string;
  firstOpenedBy: string;
}

export interface RecentWorkbook {
  path: string;
  name: string;
  openedAt: string;
  exists: boolean;
}

export const workbookMethods = {
  /** Creates a workbook; without a path the main process asks with the native save dialog. */
  'workbook.create': z.object({ path: path.optional(), organisation: line(LIMITS.name).trim().optional() }).strict(),
  /** Opens a workbook; without a path the main process asks with the native open dialog. */
  'workbook.open': z.object({ path: path.optional() }).strict(),
  'workbook.close': z.object({}).strict(),
  'workbook.current': z.object({}).strict(),
  'workbook.recent': z.object({}).strict(),
  'workbook.forgetRecent': z.object({ path }).strict(),
  'settings.update': z
    .object({
      organisation: line(LIMITS.name).trim().min(1).optional(),
      userName: line(LIMITS.name).trim().min(1).optional(),
      reviewPeriodDays: z.number().int().min(1).max(3650).optional(),
      /** Severity of NOT_SIGNED_OFF findings, or 'off'. */
      notSignedOffSeverity: z.enum([...SEVERITIES, 'off']).optional(),
      defaultTeamPerLayer: z
        .record(layerIdSchema, idSchema)
        .refine((teams) => Object.keys(teams).length <= LIMITS.layers, `at most ${LIMITS.layers} layers`)
        .optional()
    })
    .strict(),
  /**
   * Change-log entries, oldest first unless `newestFirst`. `assetId`: the entries about that
   * asset, including bulk edits that named it among many (answered in SQL, not by the caller).
   * `since`: entries made on or after that day (UTC).
   */
  'changes.list': z
    .object({
      entity: line(40).optional(),
      entityId: line(200).optional(),
      assetId: idSchema.optional(),
      action: line(60).optional(),
      since: isoDateSchema.optional(),
      newestFirst: z.boolean().optional(),
      limit: z.number().int().min(1).max(10000).optional()
    })
    .strict()
};

export interface WorkbookOutputs {
  'workbook.create': WorkbookInfo | null;
  'workbook.open': WorkbookInfo | null;
  'workbook.close': null;
  'workbook.current': WorkbookInfo | null;
  'workbook.recent': RecentWorkbook[];
  'workbook.forgetRecent': RecentWorkbook[];
  'settings.update': WorkbookInfo;
  'changes.list': ChangeLogEntry[];
}
