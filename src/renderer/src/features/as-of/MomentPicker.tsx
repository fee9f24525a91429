import { useId, useState, type FormEvent } from 'react';
import { QueryError } from '../../components/QueryError';
import { todayIso } from '../../lib/labels';
import { useMomentEntries } from './queries';

/** Choose the moment: a day (its end), a day and time (UTC), or a change-log entry. */
export function MomentPicker({ onChoose, compact }: { onChoose: (moment: string) => void; compact: boolean }) {
  const id = useId();
  const [day, setDay] = useState(todayIso());
  const [time, setTime] = useState('');
  const entries = useMomentEntries();
  const [entry, setEntry] = useState('');
  const chooseDay = (event: FormEvent) => {
    event.preventDefault();
    onChoose(time === '' ? day : `${day}T${time}:00Z`);
  };
  const chooseEntry = (event: FormEvent) => {
    event.preventDefault();
    const chosen = entry === '' ? entries.data?.[0]?.id : Number(entry);
    if (chosen !== undefined) onChoose(`#${chosen}`);
  };
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{compact ? 'Another moment' : 'See the workbook as it was'}</h3>
      <p className="muted" hidden={compact}>
        Rebuilt from the change log (its hash chain is verified first): the inventory, each asset’s layers and RACI,
        and the findings as they were at the end of a day, at a time (UTC), or just after a change-log entry.
      </p>
      <form className="as-of-form" onSubmit={chooseDay}>
        <label htmlFor={`${id}-day`}>Date</label>
        <input id={`${id}-day`} type="date" value={day} onChange={(e) => setDay(e.target.value)} required />
        <label htmlFor={`${id}-time`}>Time (UTC, optional)</label>
        <input id={`${id}-time`} type="time" value={time} onChange={(e) => setTime(e.target.value)} />
        <button type="submit" className="primary" disabled={day === ''}>
          Show as of this date
        </button>
      </form>
      <form className="as-of-form" onSubmit={chooseEntry}>
        <label htmlFor={`${id}-entry`}>Or just after the entry</label>
        <select id={`${id}-entry`} value={entry} onChange={(e) => setEntry(e.target.value)}>
          {(entries.data ?? []).map((e) => (
            <option key={e.id} value={String(e.id)}>
              #{e.id} · {e.at.slice(0, 16).replace('T', ' ')} · {e.actor}: {e.summary.length > 90 ? `${e.summary.slice(0, 89)}…` : e.summary}
            </option>
          ))}
        </select>
        <button type="submit" disabled={(entries.data ?? []).length === 0}>
          Show as of this entry
        </button>
      </form>
      <QueryError error={entries.error} />
    </section>
  );
}
