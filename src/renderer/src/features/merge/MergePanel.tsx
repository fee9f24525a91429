import type { MergePlan } from '@shared/contract/merge';
import { carriedWords } from '@shared/merge-carried';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ConflictRow } from './ConflictRow';
import { MergeChanges } from './MergeChanges';
import { RuleForm } from './RuleForm';
import { choiceOf, type MergeState } from './useMerge';

const when = (at: string) => at.slice(0, 16).replace('T', ' ');

/** The previewed merge: where the copies parted, the conflicts to decide, their changes, and Merge. */
export function MergePanel({ plan, state }: { plan: MergePlan; state: MergeState }) {
  const choices = plan.conflicts.map((c) => choiceOf(state, c));
  const undecided = choices.filter((c) => c === null).length;
  const breaking = plan.conflicts.filter((c, i) => c.rule !== null && choices[i] === 'theirs').length;
  const nothingNew = plan.newEntries === 0;
  const carried = carriedWords(plan.carried);
  return (
    <section className="merge-plan" aria-labelledby="merge-plan-title">
      <h3 id="merge-plan-title">Merging {plan.theirs.path.split(/[\\/]/).pop()}</h3>
      <p className="muted">
        Parted from this workbook after entry {plan.ancestor.entries} ({when(plan.ancestor.at)}, {plan.ancestor.actor}: {plan.ancestor.summary}). Since then: {plan.newEntries} of
        their entries, {plan.ourEntries} of ours.
      </p>
      <ul className="merge-counts" aria-label="What the merge does">
        <li>
          <strong>{plan.counts.theirs}</strong> of their changes apply
        </li>
        <li>
          <strong>{plan.counts.ours}</strong> of ours stay
        </li>
        <li>
          <strong>{plan.conflicts.length}</strong> {plan.conflicts.length === 1 ? 'conflict' : 'conflicts'}, <strong data-testid="merge-undecided">{undecided}</strong> to decide
        </li>
        {carried.length > 0 && <li>Carried as they are: {carried.join(', ')}</li>}
      </ul>
      {nothingNew && <p role="status">Nothing to merge: every change in this copy is already in the workbook.</p>}
      {plan.conflicts.length > 0 && (
        <>
          <h4>Conflicts</h4>
          <RuleForm rule={state.rules[0] ?? null} onRule={state.setRule} disabled={state.busy} />
          <ul className="merge-conflicts" aria-label="Conflicts">
            {plan.conflicts.map((c, i) => (
              <ConflictRow key={c.slot} conflict={c} choice={choices[i] ?? null} onChoose={(side) => state.decide(c.slot, side)} />
            ))}
          </ul>
        </>
      )}
      <MergeChanges plan={plan} />
      <div className="form__actions">
        <button type="button" className="primary" onClick={state.apply} disabled={state.busy || nothingNew || undecided > 0 || breaking > 0}>
          Merge this copy
        </button>
        {undecided > 0 && <span className="muted">Decide every conflict first.</span>}
        {breaking > 0 && <span className="muted">Keep ours where taking theirs breaks a rule.</span>}
      </div>
      {state.error && <ErrorBanner message={state.error} />}
    </section>
  );
}
