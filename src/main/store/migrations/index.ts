import initial from './0001_initial.sql?raw';
import importRuns from './0002_import_runs.sql?raw';
import appVersions from './0003_app_versions.sql?raw';
import modelDefinedServiceModels from './0004_model_defined_service_models.sql?raw';
import pictureIndex from './0005_picture_index.sql?raw';
import frameworks from './0006_frameworks.sql?raw';
import providerModels from './0007_provider_models.sql?raw';
import changeLogChain from './0008_change_log_chain.sql?raw';
import layerNotes from './0009_layer_notes.sql?raw';
import workshops from './0010_workshops.sql?raw';
import signOffs from './0011_sign_offs.sql?raw';
import merge from './0012_merge.sql?raw';
import importRunSheet from './0013_import_run_sheet.sql?raw';
import assetExtra from './0014_asset_extra.sql?raw';
import savedSets from './0015_saved_sets.sql?raw';
import assetAttributes from './0016_asset_attributes.sql?raw';
import signOffSignatures from './0017_sign_off_signatures.sql?raw';
import changeLogEntry from './0018_change_log_entry.sql?raw';
import type { Db } from '../workbook-file';
import { chainChangeLog } from './change-log-chain-migration';
import { storeCanonicalEntries } from './change-log-entry-migration';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Work SQL cannot do (hashing), run after `sql` in the same transaction. */
  run?: (context: MigrationContext) => void;
}

export interface MigrationContext {
  db: Db;
  /** The format the file had before this run of migrations (0: a new workbook). */
  fromVersion: number;
  now: () => Date;
  /** Who the migration's change-log entry names when the workbook names no user (the OS user). */
  actor: string;
}

/** Every migration, in order. The workbook's format version is the last one's version. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '0001_initial', sql: initial },
  { version: 2, name: '0002_import_runs', sql: importRuns },
  { version: 3, name: '0003_app_versions', sql: appVersions },
  { version: 4, name: '0004_model_defined_service_models', sql: modelDefinedServiceModels },
  { version: 5, name: '0005_picture_index', sql: pictureIndex },
  { version: 6, name: '0006_frameworks', sql: frameworks },
  { version: 7, name: '0007_provider_models', sql: providerModels },
  { version: 8, name: '0008_change_log_chain', sql: changeLogChain, run: chainChangeLog },
  { version: 9, name: '0009_layer_notes', sql: layerNotes },
  { version: 10, name: '0010_workshops', sql: workshops },
  { version: 11, name: '0011_sign_offs', sql: signOffs },
  { version: 12, name: '0012_merge', sql: merge },
  { version: 13, name: '0013_import_run_sheet', sql: importRunSheet },
  { version: 14, name: '0014_asset_extra', sql: assetExtra },
  { version: 15, name: '0015_saved_sets', sql: savedSets },
  { version: 16, name: '0016_asset_attributes', sql: assetAttributes },
  { version: 17, name: '0017_sign_off_signatures', sql: signOffSignatures },
  { version: 18, name: '0018_change_log_entry', sql: changeLogEntry, run: storeCanonicalEntries }
];

/** The last migration's version: numbers are assigned per change, so the list may skip one. */
export const LATEST_FORMAT_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
