import type { SignOffStatus } from '@shared/contract/sign-offs';

/** "Valid", or "Stale since … by …: what changed". */
export function SignOffStatusText({ signOff }: { signOff: SignOffStatus }) {
  const stale = signOff.stale;
  if (stale === null) return <span className="sign-off-state is-valid">Valid</span>;
  const since = stale.since ? ` since ${stale.since.at.slice(0, 16).replace('T', ' ')} by ${stale.since.actor} (${stale.since.summary})` : '';
  return (
    <span className="sign-off-state is-stale">
      <strong>Stale</strong>
      {since}: {stale.changes.join(', ')} changed on {stale.assetName}
      {stale.assets > 1 ? ` and ${stale.assets - 1} more asset${stale.assets > 2 ? 's' : ''}` : ''}
    </span>
  );
}
