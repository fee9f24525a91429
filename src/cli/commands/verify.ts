import { parseArgs } from 'node:util';
import { signatureWords } from '@core/audit/sign-off-signature';
import { readUserFileSync } from '@main/security/user-files';
import type { VerifyReport } from '@shared/contract/audit';
import { EXIT, UsageError, type CliIo } from '../io';
import { withWorkbook } from './workbook-arg';

export const VERIFY_HELP = `Usage: demarc verify <file.demarc> [--against EXPORT] [--signer-key KEY]... [--json]

Walks the change log's hash chain (each entry carries the SHA-256 of the entry before it and of
its own contents) and names the first entry that does not match: edited, deleted, reordered,
added outside Demarc, or removed from the end. Exits 1 on any break, 0 when the chain is whole.
  --against EXPORT   an earlier export (xlsx, or an OSCAL SSP JSON) made by Demarc: checks that the
                     chain head it printed is still in the chain unchanged, proving nothing up to
                     it was rewritten since. A CSV export carries no chain head.
  --signer-key KEY   a public key (a PEM file, e.g. from demarc key show, or a fingerprint
                     SHA256:…): every signed sign-off must be signed by one of the keys given
  --json             machine-readable output

Each signed sign-off's signature is checked too: the Ed25519 signature over the text signed, the
sign-off as stored against each field signed, and the change-log head it signed against the chain.
One that does not match fails the verification, naming the sign-off and the field; sign-offs
recorded unsigned (or before signatures existed) are listed as not signed.

The owner of a file can rebuild a whole chain: what the chain proves is that the history agrees
with every export anyone kept. See docs/audit-trail.md.`;

function describe(report: VerifyReport): string[] {
  const lines = [
    report.head === null ? 'The change log is empty.' : `Change log: ${report.entries} entries; head ${report.head.text}`,
    report.firstBreak === null
      ? 'Chain: whole — every entry matches its hash and follows the one before it.'
      : `Chain: BROKEN at entry #${report.firstBreak.entryId} (${report.firstBreak.kind}): ${report.firstBreak.message}`
  ];
  const signed = report.signOffs.filter((s) => s.signature.status !== 'unsigned').length;
  if (report.signOffs.length > 0) {
    lines.push(`Sign-offs: ${report.signOffs.length}, ${signed} signed${report.signerKeys === null ? '' : ` (each must be by ${report.signerKeys.join(' or ')})`}`);
    for (const s of report.signOffs) lines.push(`  #${s.id} ${s.scopeLabel} — ${s.partyName} on ${s.signedOn}: ${signatureWords(s.signature)}`);
  }
  if (report.against) lines.push(`Against ${report.against.path} (head ${report.against.head.text}): ${report.against.matches ? 'OK' : 'MISMATCH'} — ${report.against.message}`);
  lines.push(report.ok ? 'Verified.' : 'Verification failed.');
  return lines;
}

/** A --signer-key: a fingerprint as given, else the contents of the file it names. */
function signerKeyText(path: string, given: string): string {
  if (/^SHA256:/.test(given.trim())) return given.trim();
  try {
    return readUserFileSync(path, 'key').toString('utf8');
  } catch (error) {
    throw new UsageError(`demarc verify: --signer-key ${given}: neither a fingerprint SHA256:… nor a readable key file (${error instanceof Error ? error.message : String(error)})`);
  }
}

export async function runVerify(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean' }, against: { type: 'string' }, 'signer-key': { type: 'string', multiple: true } },
    allowPositionals: true,
    strict: true
  });
  if (positionals.length !== 1) throw new UsageError('demarc verify: expected exactly one workbook file');
  return withWorkbook('verify', positionals[0], io, async (cli) => {
    const signerKeys = (values['signer-key'] ?? []).map((key) => signerKeyText(cli.path(key), key));
    const report = await cli.call('audit.verify', {
      ...(values.against === undefined ? {} : { againstPath: cli.path(values.against) }),
      ...(signerKeys.length === 0 ? {} : { signerKeys })
    });
    if (!report) throw new UsageError('demarc verify: no export given');
    io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${describe(report).join('\n')}\n`);
    return report.ok ? EXIT.ok : EXIT.checkFailed;
  });
}
