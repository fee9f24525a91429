/** The Sign-offs sheet of the RACI workbook, and the signer keys the Cover lists. Pure. */
import type { SignOffStatus } from '@shared/contract/sign-offs';
import { publicKeyPem, signatureWords } from './audit/sign-off-signature';
import type { ExportCell, ExportColumn, ExportSheet, SignOffExport } from './export-model-cells';
import { SHEET_NAMES, sheet, text } from './export-model-cells';

/** The Cover's item for each signer's public key: followed by its fingerprint. */
export const SIGNER_KEY_ITEM = 'Signer public key';

/**
 * The Cover's lines about signatures: how many sign-offs are signed and whether each matches,
 * then each signer's public key (PEM) by fingerprint, so an auditor can check every signature
 * with the key printed here (openssl, docs/audit-trail.md).
 */
export function signatureCoverRows(list: readonly SignOffStatus[]): ExportCell[][] {
  if (list.length === 0) return [];
  const signed = list.filter((s) => s.signature.status !== 'unsigned');
  const failing = list.filter((s) => s.signature.status === 'invalid');
  const summary = `${signed.length} of ${list.length} sign-off${list.length === 1 ? '' : 's'} signed; ${
    failing.length === 0 ? 'every signature matches' : `${failing.length} do${failing.length === 1 ? 'es' : ''} not match: ${failing.map((s) => `#${s.id} ${s.scopeLabel}`).join(', ')}`
  }`;
  const keys = new Map<string, { key: string; signers: Set<string> }>();
  // Only keys whose signatures match: a key stored with an altered sign-off vouches for nothing.
  for (const s of list) {
    const fingerprint = s.signature.status === 'valid' ? s.signature.fingerprint : null;
    if (fingerprint === null || s.signed === null) continue;
    const held = keys.get(fingerprint) ?? { key: s.signed.publicKey, signers: new Set<string>() };
    held.signers.add(s.recordedBy);
    keys.set(fingerprint, held);
  }
  return [
    ['Sign-off signatures', summary],
    ...[...keys].map(([fingerprint, k]): ExportCell[] => [`${SIGNER_KEY_ITEM} ${fingerprint}`, `${publicKeyPem(k.key)}Recorded by: ${[...k.signers].sort().join(', ')}`])
  ];
}

/** Every sign-off: scope, who, when, statement, whether it still holds — stale since when, by whom, and why — and its signature: checked, the key's fingerprint, the text signed and the signature. */
export function signOffsSheet(signOffs: SignOffExport | undefined): ExportSheet {
  const list = signOffs?.list ?? [];
  const columns: ExportColumn[] = [
    { header: 'Scope', width: 36, wrap: true },
    { header: 'Assets', width: 9 },
    { header: 'Signed by', width: 22 },
    { header: 'Signed on', width: 12 },
    { header: 'Statement', width: 50, wrap: true },
    { header: 'Note', width: 30, wrap: true },
    { header: 'Recorded at', width: 22 },
    { header: 'Recorded by', width: 18 },
    { header: 'Status', width: 10 },
    { header: 'Stale since', width: 22 },
    { header: 'Changed by', width: 18 },
    { header: 'Why', width: 60, wrap: true },
    { header: 'Signature', width: 40, wrap: true },
    { header: 'Signer key', width: 30 },
    { header: 'Signed text', width: 60, wrap: true },
    { header: 'Signature (Ed25519, base64)', width: 30 }
  ];
  function* rows(): Iterable<ExportCell[]> {
    for (const s of list) {
      const stale = s.stale;
      const why =
        stale === null
          ? null
          : `${stale.changes.join(', ')} changed on ${stale.assetName}${stale.assets > 1 ? ` and ${stale.assets - 1} more asset(s)` : ''}${stale.since ? ` (${stale.since.summary})` : ''}`;
      yield [
        text(s.scopeLabel),
        s.assets,
        text(s.partyName),
        text(s.signedOn),
        text(s.statement),
        text(s.note),
        text(s.recordedAt),
        text(s.recordedBy),
        stale === null ? 'Valid' : 'Stale',
        text(stale?.since?.at ?? null),
        text(stale?.since?.actor ?? null),
        text(why),
        text(signatureWords(s.signature)),
        text(s.signature.status === 'unsigned' ? null : s.signature.fingerprint),
        text(s.signed?.text ?? null),
        text(s.signed?.signature ?? null)
      ];
    }
  }
  return sheet(SHEET_NAMES.signOffs, columns, list.length, rows);
}
