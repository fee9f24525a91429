import type { SigningKeyInfo } from '@shared/contract/signing';

/**
 * The sign-off dialog's choice to sign with the person's own key: checked by default where a key
 * can be kept; disabled, saying why, where it cannot (the sign-off is then recorded unsigned).
 */
export function SignWithKey({ id, info, checked, onChange }: { id: string; info: SigningKeyInfo | undefined; checked: boolean; onChange: (sign: boolean) => void }) {
  const unavailable = info?.unavailable ?? null;
  const note =
    info === undefined
      ? 'Reading your signing key…'
      : unavailable !== null
        ? `It will be recorded unsigned: ${unavailable}`
        : info.key === null
          ? 'A signing key will be created for you on this computer (encrypted by the system, never in the workbook) when you sign. See Settings › Signing key.'
          : `Your key ${info.key.fingerprint}, kept on this computer, encrypted by the system.`;
  return (
    <>
      <label className="sign-off-sign" htmlFor={`${id}-sign`}>
        <input id={`${id}-sign`} type="checkbox" checked={checked && unavailable === null} disabled={info === undefined || unavailable !== null} onChange={(e) => onChange(e.target.checked)} aria-describedby={`${id}-sign-note`} />
        Sign with my key
      </label>
      <p id={`${id}-sign-note`} className="muted" data-testid="sign-with-key-note">
        {note}
      </p>
    </>
  );
}
