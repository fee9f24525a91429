import type { SectionProps } from '../../lib/navigation';
import { ErrorBanner } from '../../components/ErrorBanner';
import { MergePanel } from './MergePanel';
import { SaveCopyForm } from './SaveCopyForm';
import { useMerge } from './useMerge';
import './merge.css';

/**
 * Copies and merges: save a copy for someone to edit offline, and merge a copy back — their
 * changes, the conflicts shown ancestor / ours / theirs and decided one by one or by rule.
 */
export function MergeView({ params }: SectionProps) {
  const state = useMerge();
  return (
    <div className="merge">
      <section className="card" aria-labelledby="merge-choose-title">
        <h3 id="merge-choose-title">Merge a copy edited elsewhere</h3>
        <p className="muted">Choose a copy of this workbook. Changes made on one side apply; the same thing changed on both sides is a conflict you decide.</p>
        <button type="button" className={params.action === 'merge' ? 'primary' : undefined} onClick={state.choose} disabled={state.busy}>
          Choose a copy to merge…
        </button>
      </section>
      {state.result && (
        <p className="merge-result" role="status">
          {state.result.summary}
        </p>
      )}
      {state.plan ? <MergePanel plan={state.plan} state={state} /> : state.error && <ErrorBanner message={state.error} />}
      <SaveCopyForm autoFocus={params.action === 'copy'} />
    </div>
  );
}
