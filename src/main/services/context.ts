import type { LocalUserStore } from '../local-user';
import type { SigningKeyStore } from '../signing/key-store';

/** What every service needs from the outside world, injected so tests repeat exactly. */
export interface ServiceContext {
  /** ISO-8601 timestamp of now. */
  clock: () => string;
  /**
   * The person at this machine as the CLI names them (--actor, DEMARC_USER) or the OS user name:
   * the change log's actor unless they named themselves in the app (localUser).
   */
  osUser: string;
  /** The app's per-OS-user store of the person's own name (absent in the CLI). Never the workbook. */
  localUser?: LocalUserStore;
  /** Where the person at this machine keeps the key that signs their sign-offs (the app: safeStorage; the CLI: a key file). Never the workbook. */
  signingKey?: SigningKeyStore;
  /** better-sqlite3 binding built for Electron's ABI, when running inside Electron. */
  nativeBinding?: string;
  /** The running Demarc's version, recorded in each workbook it opens; defaults to the build's. */
  appVersion?: string;
}

export type { OpenWorkbook } from '../open-workbook';

/** Who is acting: the name the person gave on this machine, else the OS (or CLI) user name. */
export function actorName(ctx: ServiceContext): string {
  return ctx.localUser?.name() ?? ctx.osUser;
}
