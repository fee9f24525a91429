/**
 * The app's signing key: in the user-data folder (per OS user, never in a workbook), the private
 * key encrypted with Electron's safeStorage (the OS keychain, DPAPI, or the Secret Service /
 * KWallet on Linux) beside its public key. Where safeStorage cannot encrypt — or on Linux can only
 * with its built-in password ('basic_text', no keyring) — no key is kept, and Settings and the
 * sign-off say so: the key is never stored in clear. safeStorage is injected (tests use a double).
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { readUserFileSync } from '../security/user-files';
import { dirname } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { DemarcError } from '@shared/errors';
import { generateSigningKey, publicKeyOf, readPrivateKey } from './ed25519';
import type { SigningKeyStore } from './key-store';

/** The part of Electron's safeStorage the key needs. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which secret store encrypts ('basic_text' = a password built into Chromium). */
  getSelectedStorageBackend?(): string;
}

const FORMAT = 'demarc.signing-key/1';

interface KeyFileContent {
  format: typeof FORMAT;
  publicKey: string;
  /** base64 of safeStorage.encryptString(the PKCS#8 PEM). */
  encryptedPrivateKey: string;
}

export class SafeStorageKeyFile implements SigningKeyStore {
  constructor(
    readonly where: string,
    private readonly safeStorage: SafeStorageLike
  ) {}

  unavailable(): string | null {
    if (!this.safeStorage.isEncryptionAvailable()) {
      return 'This computer offers Demarc no way to encrypt a signing key (Electron safeStorage is unavailable), so none is kept: sign-offs are recorded unsigned. The demarc CLI can sign with a key file instead.';
    }
    if (this.safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
      return 'No keyring (Secret Service or KWallet) is running, so safeStorage could only hide the signing key behind a password built into every copy of Chromium — as good as in clear. No key is kept: start a keyring and restart Demarc, or sign with the demarc CLI and a key file.';
    }
    return null;
  }

  private read(): KeyFileContent | null {
    if (!existsSync(this.where)) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(readUserFileSync(this.where, 'key').toString('utf8'));
    } catch (error) {
      throw new DemarcError('BAD_FILE', `${this.where}: the signing key file is not JSON (${error instanceof Error ? error.message : String(error)}).`);
    }
    const content = parsed as Partial<KeyFileContent> | null;
    if (content?.format !== FORMAT || typeof content.publicKey !== 'string' || typeof content.encryptedPrivateKey !== 'string') {
      throw new DemarcError('BAD_FILE', `${this.where}: not a Demarc signing key file (${FORMAT}).`);
    }
    return content as KeyFileContent;
  }

  private requireAvailable(): void {
    const why = this.unavailable();
    if (why !== null) throw new DemarcError('RULE_VIOLATION', why);
  }

  publicKey(): string | null {
    return this.read()?.publicKey ?? null;
  }

  create(): string {
    this.requireAvailable();
    if (this.read() !== null) throw new DemarcError('ALREADY_EXISTS', `A signing key is already kept for you on this computer (${this.where}); Demarc never replaces a key.`);
    const pair = generateSigningKey();
    const content: KeyFileContent = { format: FORMAT, publicKey: pair.publicKey, encryptedPrivateKey: this.safeStorage.encryptString(pair.privatePem).toString('base64') };
    mkdirSync(dirname(this.where), { recursive: true });
    const temp = `${this.where}.tmp`;
    writeFileSync(temp, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
    renameSync(temp, this.where);
    return pair.publicKey;
  }

  privateKey(): KeyObject {
    this.requireAvailable();
    const content = this.read();
    if (content === null) throw new DemarcError('NOT_FOUND', 'No signing key is kept for you on this computer yet (Settings › Signing key).');
    let pem: string;
    try {
      pem = this.safeStorage.decryptString(Buffer.from(content.encryptedPrivateKey, 'base64'));
    } catch (error) {
      throw new DemarcError('BAD_FILE', `${this.where}: the signing key cannot be decrypted for this user on this computer (${error instanceof Error ? error.message : String(error)}).`);
    }
    const key = readPrivateKey(pem, this.where);
    if (publicKeyOf(key) !== content.publicKey) throw new DemarcError('BAD_FILE', `${this.where}: the private key does not match the public key stored beside it.`);
    return key;
  }
}
