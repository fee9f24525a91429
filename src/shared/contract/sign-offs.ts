/** Contract of sign-offs: sign a scope off, and list sign-offs with whether each still holds. */
import { z } from 'zod';
import { SignOffScopeSchema, type SignOffRecord } from '../sign-off';
import { LIMITS, idSchema, isoDateSchema, text } from './bounds';

/** The statement a sign-off makes unless the signer writes their own. */
export const DEFAULT_SIGN_OFF_STATEMENT = 'I confirm the responsibility and RACI of these layers as shown.';

export const signOffMethods = {
  /**
   * Records a sign-off by an active person or team (`partyId`) of a scope on `signedOn` (YYYY-MM-DD,
   * today when omitted). The covered assets and their state are fixed now; one change-log entry.
   */
  'signOffs.add': z
    .object({
      scope: SignOffScopeSchema,
      partyId: idSchema,
      signedOn: isoDateSchema.optional(),
      statement: text(LIMITS.note).trim().min(1).default(DEFAULT_SIGN_OFF_STATEMENT),
      note: text(LIMITS.note).trim().optional(),
      /**
       * Sign it with the recorder's own key (kept on this computer): true signs (creating the key
       * on first use), refused when no key can be kept here; false records it unsigned; omitted
       * signs when a key can be kept here, unsigned otherwise.
       */
      sign: z.boolean().optional()
    })
    .strict(),
  /** Sign-offs, newest first, each with its status; `assetId`: only those covering that asset. */
  'signOffs.list': z.object({ assetId: idSchema.optional() }).strict()
};

/** Why a sign-off no longer holds: the first covered asset that changed, what changed, and the first change-log entry about it since. */
export interface SignOffStaleness {
  /** Covered assets whose state differs from what was signed. */
  assets: number;
  assetId: number;
  assetName: string;
  /** What differs, in words ("owner", "Network controls (responsibility or RACI)"). */
  changes: string[];
  /** The first change-log entry about that asset after the sign-off (null: no entry names it, e.g. a default team or a party who left). */
  since: { changeId: number; at: string; actor: string; summary: string } | null;
}

/**
 * A sign-off's signature, checked: `unsigned` (recorded without one, or before signatures
 * existed — still a valid sign-off), `valid` (the signature matches the text signed, the stored
 * sign-off says what was signed, and the change-log head it signed is in this chain — or, for a
 * sign-off a merge carried, in the copy it was signed in: `inOtherCopy`), or `invalid`.
 */
export type SignatureVerdict =
  | { status: 'unsigned' }
  | { status: 'valid'; fingerprint: string; chainHead: string | null; inOtherCopy: boolean }
  | {
      status: 'invalid';
      /** The fingerprint of the key stored with it (null when that is not a key). */
      fingerprint: string | null;
      /** The canonical fields that differ from what was signed (SIGNED_FIELDS keys); empty when the signature itself fails. */
      fields: string[];
      /** Why, in words. */
      message: string;
    };

export interface SignOffStatus extends SignOffRecord {
  /** Null while everything it covers is as signed. */
  stale: SignOffStaleness | null;
  signature: SignatureVerdict;
  /** The change-log entry that recorded it. */
  changeId: number | null;
}

export interface SignOffOutputs {
  'signOffs.add': SignOffStatus;
  'signOffs.list': SignOffStatus[];
}
