import { useId, useState, type FormEvent } from 'react';
import { QueryError } from '../../components/QueryError';
import { todayIso } from '../../lib/labels';
import { DiffResult } from './DiffResult';
import { useDiff, type DiffRange } from './queries';

/** Compare two dates: what changed in between, per asset and layer, from the change log; `initialFrom` compares that day with now at once. */
export function ChangesPanel({ initialFrom }: { initialFrom?: string | undefined }) {
  const id = useId();
  const [from, setFrom] = useState(initialFrom ?? todayIso());
  const [to, setTo] = useState('');
  // From History › "Compare <date> with now": that comparison at once.
  const [range, setRange] = useState<DiffRange | null>(initialFrom === undefined ? null : { from: initialFrom, to: null });
  const diff = useDiff(range);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setRange({ from, to: to === '' ? null : to });
  };
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Compare two dates</h3>
      <p className="muted">
        What changed between two days (UTC), read from the change log: each override, RACI cell, owner,
        service model and sign-off per asset and layer, who changed it and when. Leave the end empty to
        compare with now.
      </p>
      <form className="diff-form" onSubmit={submit}>
        <label htmlFor={`${id}-from`}>From</label>
        <input
          id={`${id}-from`}
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          required
        />
        <label htmlFor={`${id}-to`}>To</label>
        <input id={`${id}-to`} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        <button type="submit" className="primary" disabled={from === ''}>
          Compare
        </button>
      </form>
      <QueryError error={diff.error} />
      {diff.data && <DiffResult report={diff.data} />}
    </section>
  );
}
