import type { VerifyReport } from '@shared/contract/audit';
import { SignatureText } from '../sign-offs/SignatureText';

/** What a verify run found: the chain's state, its first break, and the comparison with an export. */
export function VerifyResult({ report }: { report: VerifyReport }) {
  return (
    <section className={report.ok ? 'verify-result is-ok' : 'verify-result is-broken'} aria-labelledby="verify-result-title" aria-live="polite">
      <h3 id="verify-result-title">
        {report.ok ? `Verified: the change log is intact${report.signOffs.some((s) => s.signature.status === 'valid') ? ' and every signature matches' : ''}` : 'Verification failed'}
      </h3>
      <dl>
        <dt>Entries</dt>
        <dd>{report.entries.toLocaleString()}</dd>
        <dt>Chain head</dt>
        <dd className="verify-result__hash">{report.head?.text ?? 'none (empty log)'}</dd>
        <dt>Chain</dt>
        <dd data-testid="verify-chain">
          {report.firstBreak === null ? (
            'Whole: every entry matches its hash and follows the one before it.'
          ) : (
            <>
              <strong>
                Broken at entry #{report.firstBreak.entryId} ({report.firstBreak.kind})
              </strong>
              : {report.firstBreak.message}
            </>
          )}
        </dd>
        {report.signOffs.length > 0 && (
          <>
            <dt>Sign-offs</dt>
            <dd data-testid="verify-sign-offs">
              {report.signOffs.length} sign-off{report.signOffs.length === 1 ? '' : 's'}, {report.signOffs.filter((s) => s.signature.status !== 'unsigned').length} signed
              {report.signerKeys !== null && ` (each must be by ${report.signerKeys.join(' or ')})`}
              <ul className="verify-result__sign-offs">
                {report.signOffs.map((s) => (
                  <li key={s.id}>
                    #{s.id} {s.scopeLabel} — {s.partyName} on {s.signedOn}: <SignatureText signature={s.signature} />
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {report.against && (
          <>
            <dt>Against export</dt>
            <dd data-testid="verify-against">
              <span className="verify-result__path">{report.against.path}</span> (head {report.against.head.text}):{' '}
              <strong>{report.against.matches ? 'matches' : 'does not match'}</strong> — {report.against.message}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
