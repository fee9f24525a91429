import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call } from '../../lib/api';
import type { SectionProps } from '../../lib/navigation';
import { useModel } from '../responsibility/queries';
import { SEVERITIES } from '@shared/domain';
import { SEVERITY_LABELS } from '../../lib/labels';
import { AppVersionsTable } from './AppVersionsTable';

const NOT_SIGNED_OFF_CHOICES = [...SEVERITIES, 'off'] as const;
import { DefaultTeamsForm } from './DefaultTeamsForm';
import { SigningKeySection } from './SigningKeySection';

/** Organisation, the change log's user name (kept per OS user, not in the workbook), the review period, the default team per layer, and the Demarc versions. */
export function SettingsView({ info }: SectionProps) {
  const model = useModel(info.defaultModelId);
  const [organisation, setOrganisation] = useState(info.organisation);
  const [userName, setUserName] = useState(info.userName);
  const [reviewPeriodDays, setReviewPeriodDays] = useState(String(info.reviewPeriodDays));
  const [notSignedOff, setNotSignedOff] = useState(info.notSignedOffSeverity);
  const save = useMutation({
    mutationFn: () =>
      call('settings.update', {
        organisation: organisation.trim(),
        userName: userName.trim(),
        reviewPeriodDays: Number(reviewPeriodDays),
        notSignedOffSeverity: notSignedOff
      })
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <div className="settings">
    <form className="form" onSubmit={submit} aria-label="Workbook settings">
      {save.error && <ErrorBanner message={save.error.message} />}
      <label htmlFor="settings-org">Organisation</label>
      <input id="settings-org" value={organisation} onChange={(e) => setOrganisation(e.target.value)} required />
      <label htmlFor="settings-user">Your name in the change log</label>
      <input id="settings-user" value={userName} onChange={(e) => setUserName(e.target.value)} aria-describedby="settings-user-note" required />
      <p id="settings-user-note" className="muted">
        Kept for your account on this computer, not in the workbook: whoever opens the file on their own machine is logged under their own name.
      </p>
      <label htmlFor="settings-review">Review period (days)</label>
      <input
        id="settings-review"
        type="number"
        min={1}
        max={3650}
        value={reviewPeriodDays}
        onChange={(e) => setReviewPeriodDays(e.target.value)}
        required
      />
      <label htmlFor="settings-not-signed">Customer layers never signed off (once the workbook has sign-offs)</label>
      <select id="settings-not-signed" value={notSignedOff} onChange={(e) => setNotSignedOff(NOT_SIGNED_OFF_CHOICES.find((c) => c === e.target.value) ?? 'info')}>
        {NOT_SIGNED_OFF_CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            {choice === 'off' ? 'Not a finding' : `${SEVERITY_LABELS[choice]} finding`}
          </option>
        ))}
      </select>
      <div className="form__actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          Save settings
        </button>
        {save.isSuccess && <span role="status">Saved.</span>}
      </div>
    </form>
    {model.data && <DefaultTeamsForm model={model.data} saved={info.defaultTeamPerLayer} />}
    <SigningKeySection />
    <AppVersionsTable info={info} />
    </div>
  );
}
