/**
 * Contract of the signing key: the per-user Ed25519 key that signs sign-offs, kept on this
 * computer (the app: encrypted with the operating system's safeStorage in the user-data folder;
 * the CLI: a key file), never in a workbook.
 */
import { z } from 'zod';

/** The signing key of the person at this computer, as shown (never the private key). */
export interface SigningKeyInfo {
  /** Where the key is (or would be) kept, in words. */
  where: string;
  /** Why no key can be kept or used here (e.g. no OS keyring for safeStorage); null when one can. */
  unavailable: string | null;
  /** The public key, null while none was created. */
  key: { fingerprint: string; pem: string } | null;
}

export const signingMethods = {
  /** The signing key: where it is kept, whether it can be, and its public key and fingerprint. */
  'signing.key': z.object({}).strict(),
  /** Creates the signing key (refused when one exists or none can be kept here). */
  'signing.createKey': z.object({}).strict()
};

export interface SigningOutputs {
  'signing.key': SigningKeyInfo;
  'signing.createKey': SigningKeyInfo;
}
