import type { SignatureVerdict } from '@shared/contract/sign-offs';

/** A sign-off's signature, checked: "Signed by key SHA256:… ✓", "Signature does not match: why", or "Not signed". */
export function SignatureText({ signature }: { signature: SignatureVerdict }) {
  switch (signature.status) {
    case 'unsigned':
      return <span className="sign-off-signature is-unsigned">Not signed</span>;
    case 'valid':
      return (
        <span className="sign-off-signature is-signed">
          Signed by key <code className="sign-off-signature__key">{signature.fingerprint}</code> <span aria-label="signature verified">✓</span>
          {signature.inOtherCopy && <span className="muted"> (signed in a copy of this workbook a merge brought in)</span>}
        </span>
      );
    case 'invalid':
      return (
        <span className="sign-off-signature is-invalid">
          <strong>Signature does not match</strong>
          {signature.fingerprint !== null && (
            <>
              {' '}
              (key <code className="sign-off-signature__key">{signature.fingerprint}</code>)
            </>
          )}
          : {signature.message}
        </span>
      );
  }
}
