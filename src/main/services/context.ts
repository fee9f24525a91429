import type { Db } from '../store/workbook-file';

/** What every service needs from the outside world, injected so tests repeat exactly. */
export interface ServiceContext {
  /** ISO-8601 timestamp of now. */
  clock: () => string;
  /** The OS user name: the change log's actor until the workbook names its own user. */
  osUser: string;
  /** better-sqlite3 binding built for Electron's ABI, when running inside Electron. */
  nativeBinding?: string;
  /** The running Demarc's version, recorded in each workbook it opens; defaults to the build's. */
  appVersion?: string;
}

/** An open workbook: the connection plus what we learnt when opening it. */
export interface OpenWorkbook {
  db: Db;
  path: string;
  formatVersion: number;
  backupPath: string | null;
}
