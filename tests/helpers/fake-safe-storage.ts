/**
 * A double of Electron's safeStorage that encrypts for real (AES-256-GCM under a key only it
 * holds, as the OS keyring would), so tests can check the key file holds no private key in clear;
 * its availability and Linux backend are set by the test.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SafeStorageLike } from '@main/signing/safe-storage-key';

export function fakeSafeStorage(options: { available?: boolean; backend?: string } = {}): SafeStorageLike & { calls: string[] } {
  const key = randomBytes(32);
  const calls: string[] = [];
  return {
    calls,
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptString: (plain) => {
      calls.push('encrypt');
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString: (data) => {
      calls.push('decrypt');
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    }
  };
}
