import { useId, useState, type FormEvent } from 'react';
import type { ExportSince } from '@shared/contract/export';
import { ErrorBanner } from '../../components/ErrorBanner';
import { QueryError } from '../../components/QueryError';
import { todayIso } from '../../lib/labels';
import { BaselinePicker } from './BaselinePicker';
import { DiffResult } from './DiffResult';
import { useDiff, useSaveDiff, type DiffRange } from './queries';

const ready = (since: ExportSince) => ('from' in since ? since.from !== '' : since.fromExport !== '');

/**
 * Compare two dates: what changed in between, per asset and layer, from the change log; save it as
 * xlsx or JSON. `initialFrom` (History › "Compare <date> with now") compares that day with now at once.
 */
export function ChangesPanel({ initialFrom }: { initialFrom?: string | undefined }) {
  const id = useId();
  const [since, setSince] = useState<ExportSince>({ from: initialFrom ?? todayIso() });
  const [to, setTo] = useState('');
  // From History › "Compare <date> with now": that comparison at once.
  const [range, setRange] = useState<DiffRange | null>(initialFrom === undefined ? null : { since: { from: initialFrom }, to: null });
  const diff = useDiff(range);
  const save = useSaveDiff();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.reset();
    setRange({ since, to: to === '' ? null : to });
  };
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Compare two dates</h3>
      <p className="muted">
        What changed between two days (UTC), or since an export you kept, read from the change log: each override, RACI cell,
        owner, service model and sign-off per asset and layer, what it was before and after, who changed it and when. Leave the
        end empty to compare with now.
      </p>
      <form className="diff-form" onSubmit={submit}>
        <BaselinePicker legend="From" value={since} onChange={setSince} />
        <label htmlFor={`${id}-to`}>To</label>
        <input id={`${id}-to`} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        <button type="submit" className="primary" disabled={!ready(since)}>
          Compare
        </button>
      </form>
      <QueryError error={diff.error} />
      {diff.data && range && (
        <>
          <div className="form__actions">
            <button type="button" onClick={() => save.mutate({ range, format: 'xlsx' })} disabled={save.isPending}>
              Save as Excel…
            </button>
            <button type="button" onClick={() => save.mutate({ range, format: 'json' })} disabled={save.isPending}>
              Save as JSON…
            </button>
            {save.data && (
              <span role="status">
                Saved {save.data.path}
                {save.data.sheet === null ? '' : ` (sheet “${save.data.sheet}”)`}
              </span>
            )}
          </div>
          {save.error && <ErrorBanner message={save.error.message} />}
          <DiffResult report={diff.data} />
        </>
      )}
    </section>
  );
}
