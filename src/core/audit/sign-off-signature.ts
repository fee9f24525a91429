/**
 * What a signed sign-off signs, as pure rules: its canonical fields (declared once, here), the
 * text an Ed25519 signature covers, and how a stored sign-off is judged against the text it was
 * signed with. Keys, signing and hashing (node:crypto) live in main and are passed in, as the
 * change log's chain does (chain.ts).
 *
 * The fields name things the way they hold across copies of a workbook (an asset by its key, the
 * signer by name), because a merge carries a sign-off into another copy with that copy's ids.
 */
import type { SignatureVerdict } from '@shared/contract/sign-offs';

/** The first field of every signed text: the form and its version. */
export const SIGNED_FORM = 'demarc.sign-off/1';

/** The scope as signed: its kind and words, and for one asset (× layer) the asset's key and the layer id. */
export interface SignedScope {
  kind: string;
  label: string;
  asset?: string;
  layer?: string;
  /** A filter scope: the filter as given. */
  filter?: Record<string, string>;
}

/** The assets and layers a sign-off covers: how many items and distinct assets, and the SHA-256 of their sorted lines (coveredLines). */
export interface SignedCoverage {
  assets: number;
  items: number;
  sha256: string;
}

/** The canonical fields of a signed sign-off. */
export interface SignedSignOff {
  form: string;
  /** The workbook's identity (kept by its copies). */
  workbookId: string;
  /** The change-log head when it was signed (`#<id> sha256:<hex>`): what the signer saw is the workbook as of that entry. */
  chainHead: string | null;
  scope: SignedScope;
  covered: SignedCoverage;
  /** The person or team signing, by name as signed. */
  signer: string;
  signedOn: string;
  statement: string;
  note: string | null;
  /** When and by whom (the change log's user) it was recorded. */
  recordedAt: string;
  recordedBy: string;
}

/** Every canonical field with its name in words: the one list the checks, the CLI and the app name fields from. */
export const SIGNED_FIELDS = {
  form: 'form',
  workbookId: 'workbook',
  chainHead: 'change-log head when signed',
  scope: 'scope',
  covered: 'assets covered',
  signer: 'signed by',
  signedOn: 'date',
  statement: 'statement',
  note: 'note',
  recordedAt: 'recorded at',
  recordedBy: 'recorded by'
} as const satisfies { readonly [K in keyof SignedSignOff]-?: string };

export type SignedField = keyof typeof SIGNED_FIELDS;

type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json | undefined };

/** JSON with object keys in code-point order at every level, no whitespace (RFC 8785 for strings, integers, nulls). */
export function canonicalJson(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${(value as readonly Json[]).map(canonicalJson).join(',')}]`;
  const object = value as { readonly [key: string]: Json | undefined };
  const keys = Object.keys(object)
    .filter((k) => object[k] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(object[k] as Json)}`).join(',')}}`;
}

/** The text a signature covers: the canonical JSON of the fields. */
export function signedText(fields: SignedSignOff): string {
  return canonicalJson(fields as unknown as Json);
}

/** Code-point order (what UTF-8 byte order is, and SQLite's BINARY collation on UTF-8 text): JavaScript's `<` compares UTF-16 units instead. */
export function byCodePoint(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/**
 * The covered items as the coverage digest hashes them: one line per item whose asset is in the
 * workbook, `<asset key> TAB <layer id or empty> LF`, ordered by key then layer id (code point),
 * joined. (An item whose asset is gone has no line; it still counts in `items` and `assets`, so the
 * coverage then differs from what was signed. The store spells the same text in SQL,
 * sign-offs.ts signOffCoverage, tested equal.)
 */
export function coveredLines(items: readonly { key: string; layerId: string }[]): string {
  return [...items]
    .sort((a, b) => byCodePoint(a.key, b.key) || byCodePoint(a.layerId, b.layerId))
    .map((i) => `${i.key}\t${i.layerId}\n`)
    .join('');
}

/** The coverage of a sign-off from its lines (coveredLines), hashed with `sha256` (hex). */
export function coverageOf(covered: { lines: string; items: number; assets: number }, sha256: (text: string) => string): SignedCoverage {
  return { assets: covered.assets, items: covered.items, sha256: sha256(covered.lines) };
}

/** Reads a stored signed text; null when it is not the JSON object of this form. */
export function parseSignedText(text: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
    return parsed as Record<string, unknown>;
  } catch {
    return null;
  }
}

/**
 * The fields whose stored value differs from the signed one (in SIGNED_FIELDS order); a field the
 * signed text lacks or holds in another form differs. Also names a stored text that is not in
 * its canonical spelling (`form`): a signature is over exact bytes.
 */
export function signedFieldDifferences(text: string, now: SignedSignOff): SignedField[] {
  const signed = parseSignedText(text);
  const fields = Object.keys(SIGNED_FIELDS) as SignedField[];
  if (signed === null) return fields;
  const differ = fields.filter((field) => !(field in signed) || canonicalJson(signed[field] as Json) !== canonicalJson(now[field] as Json));
  const extra = Object.keys(signed).some((k) => !(k in SIGNED_FIELDS));
  if ((extra || canonicalJson(signed as Json) !== text) && !differ.includes('form')) differ.unshift('form');
  return differ;
}

/** "the statement and the date" — fields named in words. */
export function fieldWords(fields: readonly SignedField[]): string {
  const words = fields.map((f) => SIGNED_FIELDS[f]);
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`;
}

/** A checked signature in words, as the CLI, the app and the export print it. */
export function signatureWords(verdict: SignatureVerdict): string {
  switch (verdict.status) {
    case 'unsigned':
      return 'not signed';
    case 'valid':
      return `signed by key ${verdict.fingerprint} ✓${verdict.inOtherCopy ? ' (signed in a copy of this workbook, which a merge brought in)' : ''}`;
    case 'invalid':
      return `signature does not match${verdict.fingerprint === null ? '' : ` (key ${verdict.fingerprint})`}: ${verdict.message}`;
  }
}

/** A public key (base64 of its DER SubjectPublicKeyInfo) as PEM, as Settings, `demarc key show` and the export's Cover print it. */
export function publicKeyPem(publicKey: string): string {
  const lines = publicKey.match(/.{1,64}/g) ?? [];
  return `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----\n`;
}
