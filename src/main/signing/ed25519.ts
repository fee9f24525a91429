/**
 * Ed25519 with node:crypto (no dependency): a key pair, a signature over a text's UTF-8 bytes, its
 * check, and the public key's printed forms. A public key travels as the base64 of its DER
 * SubjectPublicKeyInfo, printed as PEM; its fingerprint is `SHA256:` + the unpadded base64 of the
 * SHA-256 of that DER (what `openssl pkey -pubin -outform DER | openssl dgst -sha256 -binary |
 * base64` prints, less the `=`), so an auditor can check both with openssl alone.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { DemarcError } from '@shared/errors';

/** A key pair as kept: the private key as PKCS#8 PEM, the public key as base64 DER. */
export interface SigningKeyPair {
  privatePem: string;
  publicKey: string;
}

export function generateSigningKey(): SigningKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKey: publicKeyBase64(publicKey) };
}

function publicKeyBase64(key: KeyObject): string {
  return key.export({ type: 'spki', format: 'der' }).toString('base64');
}

/** The private key of a PKCS#8 PEM, refused unless it is Ed25519; `where` names the file for the message. */
export function readPrivateKey(pem: string, where: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (error) {
    throw new DemarcError('BAD_FILE', `${where}: not a private key (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new DemarcError('BAD_FILE', `${where}: a ${key.asymmetricKeyType ?? 'unknown'} key, not an Ed25519 signing key.`);
  return key;
}

/** The public key (base64 DER) of a private key. */
export function publicKeyOf(privateKey: KeyObject): string {
  return publicKeyBase64(createPublicKey(privateKey));
}

/** The Ed25519 signature (base64) of a text's UTF-8 bytes. */
export function signText(privateKey: KeyObject, text: string): string {
  return sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64');
}

/** The bytes of a base64 text written exactly as Node writes them (padded, no other character), else null: Buffer.from skips what it cannot read. */
function strictBase64(text: string): Buffer | null {
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
}

/** Whether `signature` (base64) is the signature of `text` by `publicKey` (base64 DER); false for a key or signature that cannot be read or is not spelt exactly. */
export function verifyText(publicKey: string, text: string, signature: string): boolean {
  const der = strictBase64(publicKey);
  const sig = strictBase64(signature);
  if (der === null || sig === null || sig.length !== 64) return false;
  try {
    const key = createPublicKey({ key: der, format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, Buffer.from(text, 'utf8'), key, sig);
  } catch {
    return false;
  }
}

/** Whether a stored public key is base64 spelt exactly (its fingerprint means something). */
export function isBase64(text: string): boolean {
  return text !== '' && strictBase64(text) !== null;
}

/** `SHA256:<unpadded base64>` of the public key's DER. */
export function fingerprintOf(publicKey: string): string {
  return `SHA256:${createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('base64').replace(/=+$/, '')}`;
}

/**
 * What `--signer-key` names, as the fingerprint to match: a PEM public key (or the private key's
 * PEM, whose public half is taken) or a fingerprint `SHA256:…`. `where` names the source.
 */
export function signerFingerprint(text: string, where: string): string {
  const trimmed = text.trim();
  if (/^SHA256:[A-Za-z0-9+/]{43}$/.test(trimmed)) return trimmed;
  try {
    const key = createPublicKey(trimmed);
    if (key.asymmetricKeyType !== 'ed25519') throw new DemarcError('INVALID_INPUT', `${where}: a ${key.asymmetricKeyType ?? 'unknown'} key, not an Ed25519 public key.`);
    return fingerprintOf(publicKeyBase64(key));
  } catch (error) {
    if (error instanceof DemarcError) throw error;
    throw new DemarcError('INVALID_INPUT', `${where}: neither an Ed25519 public key (PEM) nor a fingerprint SHA256:… (43 base64 characters).`);
  }
}

/** SHA-256 (hex) of a text's UTF-8 bytes. */
export function sha256Text(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
