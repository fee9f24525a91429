import type { RaciRole } from '@shared/domain';
import { DECISION_KIND_LABELS, type WalkPosition, type WorkshopStatus } from '@shared/workshop';
import { QueryError } from '../../components/QueryError';
import { ResponsibilityBadge } from '../../components/ResponsibilityBadge';
import { SEVERITY_LABELS, formatCount } from '../../lib/labels';
import { DecisionForm } from './DecisionForm';
import { usePrefetchStep, useWorkshopStep } from './queries';

const ROLES: RaciRole[] = ['R', 'A', 'C', 'I'];

/** One layer of one decision group: what the model publishes, the RACI in force, findings, and the room's decision. */
export function StepView(props: { workshopId: number; at: WalkPosition; next: WalkPosition | null; readOnly: boolean; status: WorkshopStatus; onDecided: () => void }) {
  const step = useWorkshopStep(props.workshopId, props.at);
  const s = step.data;
  usePrefetchStep(props.workshopId, props.next, s !== undefined && !step.isFetching && !step.isPlaceholderData);
  if (s === undefined) return <QueryError error={step.error} />;
  return (
    <article className="workshop-step" aria-labelledby="workshop-step-heading" aria-busy={step.isFetching}>
      <p className="workshop-step__group">
        Group {s.position.group + 1} of {s.groupCount}: <strong>{s.group.label}</strong> — {formatCount(s.group.assets)} assets ({s.group.examples.join(', ')}
        {s.group.assets > s.group.examples.length ? ', …' : ''})
      </p>
      <h3 id="workshop-step-heading" className="workshop-step__layer">
        Layer {s.position.layer + 1} of {s.layerCount}: {s.layer.title}
      </h3>
      <p>{s.layer.description}</p>
      <p>
        {s.published === null ? (
          <span>No published cell: {s.serviceModelLabel === null ? 'the group has no service model' : `${s.model.name} does not cover ${s.serviceModelLabel}`}.</span>
        ) : (
          <>
            <a href={s.model.sourceUrl} rel="noreferrer" target="_blank">
              {s.model.name}
            </a>{' '}
            publishes <ResponsibilityBadge value={s.published} /> for {s.serviceModelLabel}
            {s.operatedBy === null ? '' : `, operated by ${s.operatedBy}`}.
          </>
        )}
        {s.layer.permanentCustomer && <strong> This layer always stays with the customer.</strong>}
      </p>
      <table className="table workshop-step__raci">
        <caption>RACI in force</caption>
        <thead>
          <tr>
            <th scope="col">Assets</th>
            <th scope="col">Responsibility</th>
            {ROLES.map((role) => (
              <th scope="col" key={role}>
                {role}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {s.variants.map((v, i) => (
            <tr key={i}>
              <td>{formatCount(v.assets)}</td>
              <td>
                <ResponsibilityBadge value={v.responsibility} />
                {v.override && <span className="small"> overridden: {v.override.justification}</span>}
              </td>
              {ROLES.map((role) => (
                <td key={role}>
                  {v.roles[role].map((p) => p.name).join(', ') || <span className="muted">nobody</span>}
                  {v.defaultRoles.includes(role) && v.roles[role].length > 0 && <span className="muted small"> (default)</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="workshop-step-findings">
        <h4 id="workshop-step-findings">Findings on this layer and these assets</h4>
        {s.findings.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <ul className="asset-findings">
            {s.findings.map((f) => (
              <li key={f.code}>
                <span className={`sev sev--${f.severity}`}>{SEVERITY_LABELS[f.severity]}</span> {f.title} on {formatCount(f.assets)} assets — <span className="small">{f.example}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {(s.decisions.length > 0 || s.actions.length > 0) && (
        <section aria-labelledby="workshop-step-decided">
          <h4 id="workshop-step-decided">Decided in this workshop</h4>
          <ul className="workshop-decisions">
            {s.decisions.map((d) => (
              <li key={d.id}>
                <strong>{DECISION_KIND_LABELS[d.kind]}</strong>: {d.before} → {d.after}
                {d.reason !== null && d.kind !== 'override' ? ` (${d.reason})` : ''}
              </li>
            ))}
            {s.actions.map((a) => (
              <li key={`action-${a.id}`}>
                Action: {a.title} — {a.owner}, due {a.dueOn} ({a.closedAt === null ? 'open' : 'closed'})
              </li>
            ))}
          </ul>
        </section>
      )}
      {props.readOnly ? (
        <p className="note">{props.status === 'paused' ? 'The workshop is paused: resume it to record decisions.' : 'The workshop is finished: its decisions are final.'}</p>
      ) : (
        <DecisionForm key={`${s.position.group}.${s.position.layer}`} step={s} onDecided={props.onDecided} />
      )}
    </article>
  );
}
