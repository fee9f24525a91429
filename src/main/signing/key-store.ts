/**
 * Where the person at this computer keeps their signing key — never in a workbook, which travels.
 * The app keeps it encrypted with the OS's safeStorage (safe-storage-key.ts); the CLI in a key
 * file readable by its owner only (KeyFile). Services ask a SigningKeyStore (ServiceContext).
 */
import { chmodSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { homedir } from 'node:os';
import type { KeyObject } from 'node:crypto';
import type { SigningKeyInfo } from '@shared/contract/signing';
import { DemarcError } from '@shared/errors';
import { readUserFileSync } from '../security/user-files';
import { publicKeyPem } from '@core/audit/sign-off-signature';
import { fingerprintOf, generateSigningKey, publicKeyOf, readPrivateKey } from './ed25519';

export interface SigningKeyStore {
  /** Where the key is kept, in words (a path). */
  readonly where: string;
  /** Why no key can be kept or used here; null when one can. */
  unavailable(): string | null;
  /** The public key (base64 DER), null while none exists. */
  publicKey(): string | null;
  /** Creates the key pair and returns its public key; refused when one exists or none can be kept. */
  create(): string;
  /** The private key, read (and decrypted) for one signing. */
  privateKey(): KeyObject;
}

/** What Settings and `demarc key show` print about a store. */
export function signingKeyInfo(store: SigningKeyStore): SigningKeyInfo {
  const unavailable = store.unavailable();
  const key = unavailable === null ? store.publicKey() : null;
  return { where: store.where, unavailable, key: key === null ? null : { fingerprint: fingerprintOf(key), pem: publicKeyPem(key) } };
}

/**
 * The CLI's key file: the private key as PKCS#8 PEM, created with mode 0600 in a folder of mode
 * 0700; a file others can read is refused (as ssh refuses one), on systems with POSIX modes.
 */
export class KeyFile implements SigningKeyStore {
  constructor(readonly where: string) {}

  unavailable(): string | null {
    return null;
  }

  private checkMode(): void {
    if (process.platform === 'win32') return;
    const mode = statSync(this.where).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      throw new DemarcError('BAD_FILE', `${this.where}: the signing key can be read by others (mode ${mode.toString(8).padStart(4, '0')}); make it yours alone: chmod 600 "${this.where}".`);
    }
  }

  publicKey(): string | null {
    if (!existsSync(this.where)) return null;
    return publicKeyOf(this.privateKey());
  }

  create(): string {
    if (existsSync(this.where)) throw new DemarcError('ALREADY_EXISTS', `${this.where}: a signing key is already there (its public key: demarc key show). Demarc never replaces a key.`);
    const pair = generateSigningKey();
    mkdirSync(dirname(this.where), { recursive: true, mode: 0o700 });
    // 'wx': never over a file that appeared meanwhile; the mode is set at creation and again past the umask.
    writeFileSync(this.where, pair.privatePem, { mode: 0o600, flag: 'wx' });
    if (process.platform !== 'win32') chmodSync(this.where, 0o600);
    return pair.publicKey;
  }

  privateKey(): KeyObject {
    if (!existsSync(this.where)) throw new DemarcError('NOT_FOUND', `${this.where}: no signing key there; create one with demarc key create (or sign off with --sign).`);
    this.checkMode();
    return readPrivateKey(readUserFileSync(this.where, 'key').toString('utf8'), this.where);
  }
}

/**
 * The CLI's key file: `DEMARC_SIGNING_KEY` when set, else `signing-key.pem` in Demarc's folder of
 * the user's config directory (%APPDATA%\Demarc on Windows, ~/Library/Application Support/Demarc
 * on macOS, $XDG_CONFIG_HOME/demarc or ~/.config/demarc elsewhere).
 */
export function cliKeyFilePath(env: Record<string, string | undefined>, platform: NodeJS.Platform = process.platform): string {
  const given = env.DEMARC_SIGNING_KEY;
  if (given !== undefined && given.trim() !== '') return given;
  const home = env.HOME ?? homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Demarc', 'signing-key.pem');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Demarc', 'signing-key.pem');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'demarc', 'signing-key.pem');
}
