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

export type { OpenWorkbook } from '../open-workbook';
