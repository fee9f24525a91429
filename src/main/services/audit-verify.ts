/**
 * `verify`: walks the change log's hash chain and, given an earlier export, checks that the
 * chain head it printed is still in the chain unchanged — so nothing up to it was rewritten since.
 */
import { formatChainHead } from '@core/audit/chain';
import type { ChainHead } from '@shared/audit';
import type { SignOffSignatureCheck, VerifyReport } from '@shared/contract/audit';
import { signerFingerprint } from '../signing/ed25519';
import { listSignOffRecords } from '../store/repos/sign-offs';
import { signOffEntryId, signatureVerdict } from './sign-off-signing';
import { readExportChainHead } from '../export/chain-head-reader';
import { walkChain } from '../store/repos/change-log-chain';
import { countChangesAfter, storedHashOf } from '../store/repos/change-log';
import type { Db } from '../store/workbook-file';
import type { OpenWorkbook } from './context';

export const printed = (head: ChainHead) => ({ ...head, text: formatChainHead(head) });

/** Whether an export's printed chain head is still in the chain unchanged, in words. */
export function againstHead(db: Db, head: ChainHead, firstBreakId: number | null, entries: number): { matches: boolean; message: string } {
  const hash = storedHashOf(db, head.id);
  if (hash === undefined) return { matches: false, message: `Entry #${head.id}, the chain head that export printed, is no longer in the change log: history was deleted since.` };
  if (hash !== head.hash) return { matches: false, message: `Entry #${head.id} no longer has the hash that export printed: the history up to it was rewritten since.` };
  if (firstBreakId !== null && firstBreakId <= head.id) return { matches: false, message: `The chain is broken at entry #${firstBreakId}, at or before that export's head #${head.id}.` };
  const after = countChangesAfter(db, head.id);
  return {
    matches: true,
    message: `That export's chain head #${head.id} is in the chain unchanged: nothing up to it has been rewritten since (${after} of ${entries} entries came after it).`
  };
}

/** Every sign-off's signature, oldest first; `signers`: the fingerprints one of which must have signed each signed one. */
export function checkSignOffSignatures(db: Db, signers?: readonly string[]): SignOffSignatureCheck[] {
  return listSignOffRecords(db).map((record) => ({
    id: record.id,
    scopeLabel: record.scopeLabel,
    partyName: record.partyName,
    signedOn: record.signedOn,
    signature: signatureVerdict(db, record, signOffEntryId(db, record.id), signers)
  }));
}

/**
 * Verifies the open workbook's chain and its sign-offs' signatures, and against an earlier export
 * when `againstPath` is given; `signerKeys` (PEM public keys or fingerprints): every signed
 * sign-off must be signed by one of them.
 */
export async function verifyWorkbook(wb: OpenWorkbook, againstPath?: string, signerKeys?: readonly string[]): Promise<VerifyReport> {
  const signers = signerKeys?.map((key, i) => signerFingerprint(key, `signerKeys[${i}]`));
  // Read the export first: a file that is not an export is refused before any walk.
  const exportHead = againstPath === undefined ? null : await readExportChainHead(againstPath);
  const walk = walkChain(wb.db);
  const against =
    exportHead === null || againstPath === undefined
      ? null
      : { path: againstPath, head: printed(exportHead), ...againstHead(wb.db, exportHead, walk.firstBreak?.entryId ?? null, walk.entries) };
  const signOffs = checkSignOffSignatures(wb.db, signers);
  return {
    ok: walk.firstBreak === null && (against === null || against.matches) && signOffs.every((s) => s.signature.status !== 'invalid'),
    entries: walk.entries,
    head: walk.head === null ? null : printed(walk.head),
    firstBreak: walk.firstBreak,
    against,
    signOffs,
    signerKeys: signers ?? null
  };
}
