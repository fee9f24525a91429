import { useState } from 'react';
import { MINUTES_FORMATS, type MinutesFormat } from '@shared/contract/workshop';
import { DECISION_KIND_LABELS, type WorkshopDetail } from '@shared/workshop';
import { workshopSignOffScope } from '@core/workshop/sign-off-scope';
import { QueryError } from '../../components/QueryError';
import { SEVERITY_LABELS, formatCount, todayIso } from '../../lib/labels';
import { SignOffDialog } from '../sign-offs/SignOffDialog';
import { useWorkshopMinutes } from './queries';
import { useWorkshopMutations } from './useWorkshopMutations';

const FORMAT_LABELS: Record<MinutesFormat, string> = { pdf: 'PDF', html: 'Web page (HTML)', json: 'JSON' };

/** The end of the meeting: who is to sign off, the actions, finishing, and the minutes to hand out. */
export function MinutesPanel({ workshop }: { workshop: WorkshopDetail }) {
  const minutes = useWorkshopMinutes(workshop.id);
  const { finish, saveMinutes, closeAction } = useWorkshopMutations();
  const [format, setFormat] = useState<MinutesFormat>('pdf');
  const [pagePerGroup, setPagePerGroup] = useState(false);
  const [signer, setSigner] = useState<number | null>(null);
  const signOffScope = workshopSignOffScope(workshop);
  const signOffLabel = signOffScope.kind === 'workshop' ? `the assets this workshop walked (${workshop.scopeLabel})` : workshop.scopeLabel;
  const m = minutes.data;
  const error = finish.error ?? saveMinutes.error ?? closeAction.error ?? minutes.error;
  return (
    <div className="workshop-minutes">
      <QueryError error={error} />
      <section aria-labelledby="signoff-heading" className="card">
        <h3 id="signoff-heading">Sign-off</h3>
        <p className="muted small">
          Each attendee Accountable for something in the scope signs off its RACI: {signOffLabel}. The assets covered are fixed when they sign; a sign-off goes stale when anything it covers changes. The Sign-offs area lists them all.
        </p>
        {m && (
          <table className="table">
            <caption className="visually-hidden">Attendees to sign off</caption>
            <thead>
              <tr>
                <th scope="col">Attendee</th>
                <th scope="col">Accountable for (asset layers)</th>
                <th scope="col">Signed off</th>
              </tr>
            </thead>
            <tbody>
              {m.signOff.map((s) => (
                <tr key={s.partyId}>
                  <th scope="row">{s.name}</th>
                  <td>{formatCount(s.accountableLayers)}</td>
                  <td>
                    {s.signed ? (
                      'Yes'
                    ) : (
                      <>
                        Not yet{' '}
                        <button type="button" className="small-button" onClick={() => setSigner(s.partyId)} aria-label={`Sign off for ${s.name}`}>
                          Sign off…
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {signer !== null && (
          <SignOffDialog scope={signOffScope} scopeLabel={signOffLabel} today={todayIso()} signerId={signer} onClose={() => setSigner(null)} />
        )}
      </section>
      <section aria-labelledby="actions-heading" className="card">
        <h3 id="actions-heading">Deferred actions ({m?.actions.length ?? 0})</h3>
        <ul className="workshop-decisions">
          {m?.actions.map((a) => (
            <li key={a.id}>
              {a.title} — {a.owner}, due {a.dueOn} ({a.groupLabel} › {a.layerTitle}):{' '}
              {a.closedAt === null ? (
                <button type="button" className="small-button" onClick={() => closeAction.mutate({ actionId: a.id })} aria-label={`Close the action ${a.title}`}>
                  Close
                </button>
              ) : (
                <span>closed {a.closedAt.slice(0, 10)}</span>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="decisions-heading" className="card">
        <h3 id="decisions-heading">Decisions ({m?.decisions.length ?? 0})</h3>
        <ul className="workshop-decisions">
          {m?.decisions.map((d) => (
            <li key={d.id}>
              {d.groupLabel} › {d.layerTitle}: <strong>{DECISION_KIND_LABELS[d.kind]}</strong> — {d.before} → {d.after}
            </li>
          ))}
        </ul>
        <h4>Findings left open in the scope</h4>
        <ul className="asset-findings">
          {m?.openFindings.map((f) => (
            <li key={f.code}>
              <span className={`sev sev--${f.severity}`}>{SEVERITY_LABELS[f.severity]}</span> {f.title}: {formatCount(f.count)} on {formatCount(f.assets)} assets
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="print-heading" className="card">
        <h3 id="print-heading">Minutes</h3>
        <div className="toolbar">
          <label className="field field--inline">
            <span>Format</span>
            <select value={format} onChange={(event) => setFormat(event.target.value as MinutesFormat)}>
              {MINUTES_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {FORMAT_LABELS[f]}
                </option>
              ))}
            </select>
          </label>
          <label className="choice">
            <input type="checkbox" checked={pagePerGroup} onChange={(event) => setPagePerGroup(event.target.checked)} />
            One page per decision group
          </label>
          <button type="button" className="primary" onClick={() => saveMinutes.mutate({ id: workshop.id, format, pagePerGroup })} disabled={saveMinutes.isPending}>
            Save the minutes…
          </button>
          {workshop.status !== 'finished' && (
            <button type="button" onClick={() => finish.mutate(workshop.id)} disabled={finish.isPending}>
              Finish the workshop
            </button>
          )}
        </div>
        {saveMinutes.data && (
          <p role="status">
            Saved {saveMinutes.data.path} ({formatCount(saveMinutes.data.bytes)} bytes): {saveMinutes.data.decisions} decisions, {saveMinutes.data.actions} actions.
          </p>
        )}
      </section>
    </div>
  );
}
