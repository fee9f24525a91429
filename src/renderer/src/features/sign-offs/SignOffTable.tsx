import type { SignOffStatus } from '@shared/contract/sign-offs';
import { SignOffStatusText } from './SignOffStatusText';
import { SignatureText } from './SignatureText';

/** Sign-offs: scope, who, when, statement, whether each still holds, and its signature checked. */
export function SignOffTable({ signOffs, caption }: { signOffs: readonly SignOffStatus[]; caption: string }) {
  return (
    <table className="sign-off-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Scope</th>
          <th scope="col">Signed by</th>
          <th scope="col">On</th>
          <th scope="col">Statement</th>
          <th scope="col">Status</th>
          <th scope="col">Signature</th>
        </tr>
      </thead>
      <tbody>
        {signOffs.map((s) => (
          <tr key={s.id} className={s.stale ? 'is-stale' : undefined}>
            <td>
              {s.scopeLabel}
              <div className="muted">
                {s.assets} asset{s.assets === 1 ? '' : 's'}
              </div>
            </td>
            <td>{s.partyName}</td>
            <td>{s.signedOn}</td>
            <td>
              {s.statement}
              {s.note && <div className="muted">{s.note}</div>}
            </td>
            <td>
              <SignOffStatusText signOff={s} />
            </td>
            <td>
              <SignatureText signature={s.signature} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
