/**
 * Sign-offs: a named, active person (or a team's representative) confirms the RACI of a scope on
 * a date. The scope's state is recorded at that moment; the sign-off goes stale the moment any of
 * it changes (responsibility, override, R/A/C/I, owner, service model).
 */
import { z } from 'zod';
import { idSchema, layerIdSchema } from './contract/bounds';
import { AssetFilterSchema } from './filter';

/** Which assets a filter sign-off covers: the filters an auditor scopes by. */
export const SignOffFilterSchema = AssetFilterSchema.pick({ subscription: true, resourceGroup: true, serviceModel: true, tag: true, type: true })
  .strict()
  .refine((f) => Object.values(f).some((v) => v !== undefined), 'a filter sign-off needs at least one of subscription, resource group, service model, tag or type');

export type SignOffFilter = z.infer<typeof SignOffFilterSchema>;

export const SignOffScopeSchema = z.discriminatedUnion('kind', [
  /** One layer of one asset. */
  z.object({ kind: z.literal('layer'), assetId: idSchema, layerId: layerIdSchema }).strict(),
  /** Every layer of one asset. */
  z.object({ kind: z.literal('asset'), assetId: idSchema }).strict(),
  /** Every layer of the assets matching a filter when signed. */
  z.object({ kind: z.literal('filter'), filter: SignOffFilterSchema }).strict(),
  /** Every layer of every asset in the workbook when signed. */
  z.object({ kind: z.literal('workbook') }).strict(),
  /** Every layer of the assets of a saved set when signed (a filter set's matches then, a selection's assets). */
  z.object({ kind: z.literal('set'), setId: idSchema }).strict(),
  /** Every layer of the assets a workshop walked (its decision groups, fixed when it started). */
  z.object({ kind: z.literal('workshop'), workshopId: idSchema }).strict()
]);
export type SignOffScope = z.infer<typeof SignOffScopeSchema>;

/** What one covered asset (or asset × layer) looked like when signed; `layers` maps layer id → state digest. */
export interface SignedState {
  serviceModel: string | null;
  owner: number | null;
  modelId: string;
  layers: Record<string, string>;
}

/** A sign-off as stored. */
export interface SignOffRecord {
  id: number;
  scope: SignOffScope;
  /** The scope in words, as shown and exported ("vm-web-01 × Network controls"). */
  scopeLabel: string;
  /** The person or team who signs. */
  partyId: number;
  partyName: string;
  /** The date the sign-off states (YYYY-MM-DD). */
  signedOn: string;
  statement: string;
  note: string | null;
  /** When it was recorded, and by whom (the change log's user). */
  recordedAt: string;
  recordedBy: string;
  /** Assets covered. */
  assets: number;
  /** Its signature by the recorder's own key, as stored; null when it was recorded unsigned. */
  signed: StoredSignature | null;
}

/**
 * A sign-off's signature as stored with it: the exact text signed (the canonical fields of
 * core/audit/sign-off-signature.ts), the Ed25519 signature of its UTF-8 bytes (base64) and the
 * signer's public key (base64 of its DER SubjectPublicKeyInfo).
 */
export interface StoredSignature {
  text: string;
  signature: string;
  publicKey: string;
}

/** One covered asset (layerId null: all its layers) with its state when signed. */
export interface SignOffItem {
  signOffId: number;
  assetId: number;
  layerId: string | null;
  state: SignedState;
}
