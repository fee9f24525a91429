import { useEffect } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useVerify } from './useVerify';
import { VerifyResult } from './VerifyResult';

/**
 * Help › Verify workbook: walks the change log's hash chain, or checks it against an export kept
 * from earlier. `runNow` starts a run when the panel opens (from the menu).
 */
export function VerifyPanel({ runNow }: { runNow: boolean }) {
  const verify = useVerify();
  const { mutate } = verify;
  useEffect(() => {
    if (runNow) mutate('chain');
  }, [runNow, mutate]);
  return (
    <section className="card verify" aria-labelledby="verify-title">
      <h3 id="verify-title">Verify the change log</h3>
      <p className="muted">
        Every change-log entry carries the SHA-256 of the entry before it and of its own contents. Verifying names the first entry
        that was edited, deleted, reordered or added outside Demarc. Against an export you kept, it proves nothing before that
        export&apos;s chain head has been rewritten since. Whoever owns the file could rebuild a whole chain: the proof is that the
        history agrees with every export anyone kept.
      </p>
      <div className="form__actions">
        <button type="button" className="primary" onClick={() => verify.mutate('chain')} disabled={verify.isPending}>
          Verify workbook
        </button>
        <button type="button" onClick={() => verify.mutate('against')} disabled={verify.isPending}>
          Verify against an export…
        </button>
        {verify.isPending && <span role="status">Verifying…</span>}
      </div>
      {verify.error && <ErrorBanner message={verify.error.message} />}
      {verify.data && <VerifyResult report={verify.data} />}
    </section>
  );
}
