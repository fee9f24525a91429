import { useState, type FormEvent } from 'react';
import { todayIso } from '../../lib/labels';
import { ScopePicker, scopeOf, type ScopeChoice } from '../picture/ScopePicker';
import { AttendeePicker } from './AttendeePicker';
import { GroupPreview } from './GroupPreview';
import { useWorkshopPreview } from './queries';
import { useWorkshopMutations } from './useWorkshopMutations';

/** A new workshop: title, date, who is in the room, and the scope it walks (previewed as decision groups). */
export function StartWorkshopForm({ onStarted, onCancel }: { onStarted: (id: number) => void; onCancel: () => void }) {
  const [title, setTitle] = useState('');
  const [heldOn, setHeldOn] = useState(todayIso());
  const [attendees, setAttendees] = useState<number[]>([]);
  const [choice, setChoice] = useState<ScopeChoice>({ kind: 'all', value: '' });
  const scope = scopeOf(choice);
  const preview = useWorkshopPreview(scope);
  const { start } = useWorkshopMutations();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate({ title, heldOn, attendees, scope }, { onSuccess: (w) => onStarted(w.id) });
  };

  return (
    <form className="card workshop-start" onSubmit={submit} aria-labelledby="workshop-start-heading">
      <h2 id="workshop-start-heading">Start a workshop</h2>
      <div className="workshop-start__row">
        <label className="field">
          <span>Title</span>
          <input value={title} onChange={(event) => setTitle(event.target.value)} required placeholder="Q1 platform review" />
        </label>
        <label className="field">
          <span>Date</span>
          <input type="date" value={heldOn} onChange={(event) => setHeldOn(event.target.value)} required />
        </label>
      </div>
      <AttendeePicker chosen={attendees} onChange={setAttendees} />
      <ScopePicker choice={choice} onChange={setChoice} />
      <GroupPreview preview={preview.data} pending={preview.isFetching} />
      {start.error && (
        <p role="alert" className="inline-error">
          {start.error.message}
        </p>
      )}
      <div className="toolbar">
        <button type="submit" className="primary" disabled={start.isPending || title.trim() === '' || attendees.length === 0 || (preview.data?.assets ?? 0) === 0}>
          Start the workshop
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        {attendees.length === 0 && <span className="muted">Choose who is in the room.</span>}
      </div>
    </form>
  );
}
