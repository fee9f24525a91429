import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ErrorBanner } from '../../components/ErrorBanner';
import { QueryError } from '../../components/QueryError';
import { call } from '../../lib/api';
import { signingKeyKeys, useSigningKey } from '../sign-offs/queries';

/**
 * Settings › Signing key: the key that signs your sign-offs, kept for your account on this
 * computer (encrypted by the system), never in the workbook. Shows its fingerprint and public
 * key (to give to whoever checks your sign-offs), creates it, or says why none can be kept.
 */
export function SigningKeySection() {
  const info = useSigningKey();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: () => call('signing.createKey', {}),
    onSuccess: (data) => queryClient.setQueryData(signingKeyKeys.key, data)
  });
  const data = info.data;
  return (
    <section className="settings-signing" aria-labelledby="settings-signing-title">
      <h3 id="settings-signing-title">Signing key</h3>
      <p className="muted">
        Your sign-offs are signed with your own key (Ed25519), kept for your account on this computer and encrypted by the system — never in the workbook. Anyone with your public key can check
        them: <code>demarc verify --signer-key</code>, and every export prints the public keys of its signers.
      </p>
      <QueryError error={info.error} />
      {create.error && <ErrorBanner message={create.error.message} />}
      {data?.unavailable != null && (
        <p className="settings-signing__unavailable" data-testid="signing-unavailable">
          <strong>No signing key can be kept here.</strong> {data.unavailable}
        </p>
      )}
      {data && data.unavailable === null && data.key === null && (
        <div className="form__actions">
          <span>No signing key yet: one is created when you first sign off, or now.</span>
          <button type="button" onClick={() => create.mutate()} disabled={create.isPending}>
            Create my signing key
          </button>
        </div>
      )}
      {data?.key && (
        <dl className="settings-signing__key">
          <dt>Fingerprint</dt>
          <dd>
            <code data-testid="signing-fingerprint">{data.key.fingerprint}</code>
          </dd>
          <dt>Public key</dt>
          <dd>
            <pre aria-label="Public key (PEM)">{data.key.pem}</pre>
          </dd>
          <dt>Kept in</dt>
          <dd className="muted">{data.where}</dd>
        </dl>
      )}
    </section>
  );
}
