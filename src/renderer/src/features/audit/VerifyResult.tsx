import type { VerifyReport } from '@shared/contract/audit';

/** What a verify run found: the chain's state, its first break, and the comparison with an export. */
export function VerifyResult({ report }: { report: VerifyReport }) {
  return (
    <section className={report.ok ? 'verify-result is-ok' : 'verify-result is-broken'} aria-labelledby="verify-result-title" aria-live="polite">
      <h3 id="verify-result-title">
        {report.ok ? 'Verified: the change log is intact' : 'Verification failed'}
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
