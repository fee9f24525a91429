import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { DEFAULT_SIGN_OFF_STATEMENT } from '@shared/contract/sign-offs';
import type { SignOffScope } from '@shared/sign-off';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call } from '../../lib/api';
import { useActivePeopleAndTeams } from '../parties/queries';
import { signingKeyKeys, useSigningKey } from './queries';
import { SignWithKey } from './SignWithKey';

/** Who signs (preset by the caller when it knows: a workshop's attendee), on which date, saying what: for a scope chosen by the caller. */
export function SignOffDialog({ scope, scopeLabel, today, signerId, onClose }: { scope: SignOffScope; scopeLabel: string; today: string; signerId?: number; onClose: () => void }) {
  const signers = useActivePeopleAndTeams();
  const [partyId, setPartyId] = useState(signerId === undefined ? '' : String(signerId));
  const [signedOn, setSignedOn] = useState(today);
  const [statement, setStatement] = useState(DEFAULT_SIGN_OFF_STATEMENT);
  const [note, setNote] = useState('');
  const signingKey = useSigningKey();
  const [withKey, setWithKey] = useState(true);
  const queryClient = useQueryClient();
  const id = useId();
  const canSign = signingKey.data !== undefined && signingKey.data.unavailable === null;
  const sign = useMutation({
    mutationFn: () => call('signOffs.add', { scope, partyId: Number(partyId), signedOn, statement, ...(note.trim() ? { note } : {}), sign: canSign && withKey }),
    onSuccess: () => {
      // The first signed sign-off creates the key.
      void queryClient.invalidateQueries({ queryKey: signingKeyKeys.key });
      onClose();
    }
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    sign.mutate();
  };
  return (
    <Dialog
      title={`Sign off: ${scopeLabel}`}
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="primary" disabled={sign.isPending || partyId === '' || signingKey.isPending}>
            Sign off
          </button>
        </>
      }
    >
      <form id={`${id}-form`} className="form" onSubmit={submit}>
        {sign.error && <ErrorBanner message={sign.error.message} />}
        <label htmlFor={`${id}-who`}>Signed by (an active person, or a team&apos;s representative)</label>
        <select id={`${id}-who`} value={partyId} onChange={(e) => setPartyId(e.target.value)} required>
          <option value="">Choose…</option>
          {signers.map((party) => (
            <option key={party.id} value={party.id}>
              {party.name} ({party.kind})
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-on`}>Date</label>
        <input id={`${id}-on`} type="date" value={signedOn} onChange={(e) => setSignedOn(e.target.value)} required />
        <label htmlFor={`${id}-statement`}>Statement</label>
        <textarea id={`${id}-statement`} value={statement} onChange={(e) => setStatement(e.target.value)} rows={2} required />
        <label htmlFor={`${id}-note`}>Note (optional)</label>
        <textarea id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} rows={2} />
        <SignWithKey id={id} info={signingKey.data} checked={withKey} onChange={setWithKey} />
      </form>
    </Dialog>
  );
}
