/**
 * Signing sign-offs and checking their signatures. A sign-off is signed, in the transaction that
 * records it, by the recorder's own Ed25519 key (ctx.signingKey) over its canonical fields
 * (core/audit/sign-off-signature.ts) — its scope, the assets it covers, who, when, statement,
 * note, the workbook's id and the change-log head it follows, which binds it to the chain.
 * The exact text signed, the signature and the public key are stored with it (migration 0017).
 */
import type { KeyObject } from 'node:crypto';
import { formatChainHead, parseChainHead } from '@core/audit/chain';
import { SIGNED_FORM, coverageOf, fieldWords, parseSignedText, signedFieldDifferences, signedText, type SignedScope, type SignedSignOff } from '@core/audit/sign-off-signature';
import type { SignatureVerdict } from '@shared/contract/sign-offs';
import { DemarcError } from '@shared/errors';
import type { SignOffRecord, StoredSignature } from '@shared/sign-off';
import { fingerprintOf, isBase64, sha256Text, signText, verifyText } from '../signing/ed25519';
import { recordedHead } from '../store/repos/change-log-chain';
import { META_KEYS, readMeta } from '../store/repos/meta';
import { firstLocalChangeIdOf, storedHashOf } from '../store/repos/change-log';
import { assetKeyOf, signOffCoverage, storeSignOffSignature } from '../store/repos/sign-offs';
import type { Db } from '../store/workbook-file';
import type { ServiceContext } from './context';

/** The key a sign-off is signed with, read before its transaction. */
export interface SignOffSigner {
  key: KeyObject;
  publicKey: string;
}

/**
 * The key to sign with (see `sign` on signOffs.add): true must sign (creating the key on first
 * use), false does not, omitted signs when a key can be kept here.
 */
export function signOffSigner(ctx: ServiceContext, sign: boolean | undefined): SignOffSigner | null {
  if (sign === false) return null;
  const store = ctx.signingKey;
  const why = store === undefined ? 'no signing key store is set up for this run' : store.unavailable();
  if (store === undefined || why !== null) {
    if (sign === true) throw new DemarcError('RULE_VIOLATION', `Cannot sign this sign-off: ${why ?? ''} Record it unsigned instead, or sign where a key can be kept.`);
    return null;
  }
  const publicKey = store.publicKey() ?? store.create();
  return { key: store.privateKey(), publicKey };
}

function workbookIdOf(db: Db): string {
  return readMeta(db).get(META_KEYS.workbookId) ?? '';
}

/** The scope as signed: by asset key, not by this copy's id. */
function signedScope(db: Db, record: Pick<SignOffRecord, 'scope' | 'scopeLabel'>): SignedScope {
  const { scope } = record;
  const out: SignedScope = { kind: scope.kind, label: record.scopeLabel };
  if (scope.kind === 'layer' || scope.kind === 'asset') out.asset = assetKeyOf(db, scope.assetId) ?? `#${scope.assetId}`;
  if (scope.kind === 'layer') out.layer = scope.layerId;
  if (scope.kind === 'filter') out.filter = Object.fromEntries(Object.entries(scope.filter).filter((e): e is [string, string] => typeof e[1] === 'string'));
  return out;
}

/** A stored sign-off's canonical fields as the workbook holds them now (the chain head: the one given). */
export function signedFieldsOf(db: Db, record: Omit<SignOffRecord, 'assets' | 'signed'>, chainHead: string | null): SignedSignOff {
  return {
    form: SIGNED_FORM,
    workbookId: workbookIdOf(db),
    chainHead,
    scope: signedScope(db, record),
    covered: coverageOf(signOffCoverage(db, record.id), sha256Text),
    signer: record.partyName,
    signedOn: record.signedOn,
    statement: record.statement,
    note: record.note,
    recordedAt: record.recordedAt,
    recordedBy: record.recordedBy
  };
}

/** Signs a sign-off just written (its items in), inside its transaction, after the head its entry will follow. */
export function signSignOff(db: Db, record: Omit<SignOffRecord, 'assets' | 'signed'>, signer: SignOffSigner): StoredSignature {
  const head = recordedHead(db);
  const text = signedText(signedFieldsOf(db, record, head === null ? null : formatChainHead(head)));
  const signed = { text, signature: signText(signer.key, text), publicKey: signer.publicKey };
  storeSignOffSignature(db, record.id, signed);
  return signed;
}

/** The id of the change-log entry that recorded a sign-off here (null: carried by a merge). */
export function signOffEntryId(db: Db, signOffId: number): number | null {
  // An entry merged from another copy names that copy's sign-off id: only entries written here count.
  return firstLocalChangeIdOf(db, 'sign-off', String(signOffId));
}

function invalid(fingerprint: string | null, fields: string[], message: string): SignatureVerdict {
  return { status: 'invalid', fingerprint, fields, message };
}

/**
 * A sign-off's signature, checked: the signature over the stored text by the stored key; the
 * stored sign-off against each signed field; the head it signed against this chain (a sign-off
 * recorded here) — a merge's carried sign-off was signed in the copy it came from. `signers`:
 * fingerprints one of which must have signed it.
 */
export function signatureVerdict(db: Db, record: SignOffRecord, entryId: number | null, signers?: readonly string[]): SignatureVerdict {
  const { signed } = record;
  if (signed === null) return { status: 'unsigned' };
  const fingerprint = isBase64(signed.publicKey) ? fingerprintOf(signed.publicKey) : null;
  if (!verifyText(signed.publicKey, signed.text, signed.signature)) {
    return invalid(fingerprint, [], `The signature does not match the text signed${fingerprint === null ? ' (the key stored with it is not a public key)' : ` with key ${fingerprint}`}: the signature, the key or the signed text was altered.`);
  }
  const text = parseSignedText(signed.text);
  const head = typeof text?.chainHead === 'string' ? text.chainHead : null;
  const differ = signedFieldDifferences(signed.text, signedFieldsOf(db, record, head));
  if (differ.length > 0) return invalid(fingerprint, differ, `The sign-off no longer says what was signed: its ${fieldWords(differ)} differ${differ.length === 1 ? 's' : ''} from the signed text.`);
  const inOtherCopy = entryId === null;
  if (!inOtherCopy && head !== null) {
    const parsed = parseChainHead(head);
    const hash = parsed === null ? undefined : storedHashOf(db, parsed.id);
    const why =
      parsed === null ? 'is not a chain head' : hash === undefined ? 'is no longer in the log' : hash !== parsed.hash ? 'no longer has that hash' : parsed.id >= entryId ? `comes after entry #${entryId}, which recorded it` : null;
    if (why !== null) return invalid(fingerprint, ['chainHead'], `It signed the change log up to ${head}, which ${why}: the history it vouched for was rewritten.`);
  }
  if (signers !== undefined && fingerprint !== null && !signers.includes(fingerprint)) {
    return invalid(fingerprint, [], `Signed by key ${fingerprint}, which is not one of the keys given (${signers.join(', ')}).`);
  }
  return { status: 'valid', fingerprint: fingerprint ?? '', chainHead: head, inOtherCopy };
}
