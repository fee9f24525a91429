/**
 * Where the signing key is kept: the CLI's key file (mode 0600, never replaced, refused when
 * others can read it) and the app's, encrypted with safeStorage — tested through a double that
 * encrypts for real (tests/helpers/fake-safe-storage.ts), so "encrypted at rest" is checked on
 * the bytes — and refused, writing nothing, when safeStorage cannot encrypt or has no keyring.
 */
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprintOf, signText, verifyText } from '@main/signing/ed25519';
import { KeyFile, cliKeyFilePath, signingKeyInfo } from '@main/signing/key-store';
import { SafeStorageKeyFile } from '@main/signing/safe-storage-key';
import { fakeSafeStorage } from '@tests/helpers/fake-safe-storage';
import { tempDir } from '@tests/helpers/temp';

describe('the app’s signing key (safeStorage)', () => {
  it('keeps the private key encrypted at rest beside its public key, and signs with it', () => {
    const file = join(tempDir(), 'user-data', 'signing-key.json');
    const safe = fakeSafeStorage();
    const store = new SafeStorageKeyFile(file, safe);
    expect(store.publicKey()).toBeNull();
    const publicKey = store.create();
    const stored = readFileSync(file, 'utf8');
    expect(stored).not.toContain('PRIVATE KEY');
    const pkcs8 = store.privateKey().export({ type: 'pkcs8', format: 'der' });
    // Neither the PEM nor the raw key bytes are in the file, in any spelling.
    expect(stored).not.toContain(pkcs8.toString('base64').slice(-40));
    expect(readFileSync(file).includes(pkcs8.subarray(-32))).toBe(false);
    expect(JSON.parse(stored)).toMatchObject({ format: 'demarc.signing-key/1', publicKey });
    expect(verifyText(publicKey, 'hello', signText(store.privateKey(), 'hello'))).toBe(true);
    expect(safe.calls).toContain('decrypt');
    expect(signingKeyInfo(store)).toMatchObject({ where: file, unavailable: null, key: { fingerprint: fingerprintOf(publicKey), pem: expect.stringContaining('BEGIN PUBLIC KEY') } });
    // Another safeStorage (another user, another computer) cannot read it.
    expect(() => new SafeStorageKeyFile(file, fakeSafeStorage()).privateKey()).toThrow(/cannot be decrypted for this user on this computer/);
    expect(() => store.create()).toThrow(/already kept/);
  });

  it('refuses, writing nothing, when safeStorage cannot encrypt, and when it has no keyring (basic_text)', () => {
    for (const safe of [fakeSafeStorage({ available: false }), fakeSafeStorage({ backend: 'basic_text' })]) {
      const file = join(tempDir(), 'signing-key.json');
      const store = new SafeStorageKeyFile(file, safe);
      expect(store.unavailable()).toMatch(/safeStorage|keyring/);
      expect(() => store.create()).toThrow(store.unavailable()!);
      expect(existsSync(file)).toBe(false);
      expect(safe.calls).toEqual([]);
      expect(signingKeyInfo(store)).toMatchObject({ unavailable: expect.any(String), key: null });
    }
  });

  it('refuses a key file whose private key does not match its public key', () => {
    const file = join(tempDir(), 'signing-key.json');
    const safe = fakeSafeStorage();
    new SafeStorageKeyFile(file, safe).create();
    const other = new SafeStorageKeyFile(join(tempDir(), 'k.json'), safe);
    const otherKey = other.create();
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), publicKey: otherKey }));
    expect(() => new SafeStorageKeyFile(file, safe).privateKey()).toThrow(/does not match the public key stored beside it/);
  });
});

describe('the CLI’s key file', () => {
  it('is created with mode 0600 in a 0700 folder, never replaced, and refused once others can read it', () => {
    const file = join(tempDir(), 'config', 'demarc', 'signing-key.pem');
    const store = new KeyFile(file);
    expect(store.publicKey()).toBeNull();
    const publicKey = store.create();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(file, '..')).mode & 0o777).toBe(0o700);
    expect(store.publicKey()).toBe(publicKey);
    const before = readFileSync(file, 'utf8');
    expect(() => store.create()).toThrow(/already there/);
    expect(readFileSync(file, 'utf8')).toBe(before);
    chmodSync(file, 0o644);
    expect(() => store.privateKey()).toThrow(/can be read by others \(mode 0644\); make it yours alone: chmod 600/);
  });

  it('refuses a file that is not an Ed25519 private key, naming it', () => {
    const file = join(tempDir(), 'bad.pem');
    writeFileSync(file, 'not a key', { mode: 0o600 });
    expect(() => new KeyFile(file).privateKey()).toThrow(`${file}: not a private key`);
  });

  it('lives in the user’s config folder unless DEMARC_SIGNING_KEY names it', () => {
    expect(cliKeyFilePath({ DEMARC_SIGNING_KEY: '/k.pem' })).toBe('/k.pem');
    expect(cliKeyFilePath({ HOME: '/home/a' }, 'linux')).toBe('/home/a/.config/demarc/signing-key.pem');
    expect(cliKeyFilePath({ HOME: '/home/a', XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe('/cfg/demarc/signing-key.pem');
    expect(cliKeyFilePath({ HOME: '/Users/a' }, 'darwin')).toBe('/Users/a/Library/Application Support/Demarc/signing-key.pem');
    expect(cliKeyFilePath({ HOME: 'C:\\Users\\a', APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toContain('signing-key.pem');
  });
});
