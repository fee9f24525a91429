import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call } from '../../lib/api';

/** File › Save a copy for…: a copy someone takes away to edit offline, merged back later. */
export function SaveCopyForm({ autoFocus }: { autoFocus: boolean }) {
  const [label, setLabel] = useState('');
  const copy = useMutation({ mutationFn: (forWhom: string) => call('workbook.copy', { label: forWhom }) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    copy.mutate(label.trim());
  };
  return (
    <section className="card merge-copy" aria-labelledby="merge-copy-title">
      <h3 id="merge-copy-title">Save a copy for…</h3>
      <p className="muted">A copy for a business unit or a laptop to edit offline. It keeps this workbook’s id and history, so it merges back here.</p>
      <form onSubmit={submit}>
        {copy.error && <ErrorBanner message={copy.error.message} />}
        <label htmlFor="merge-copy-label">Who the copy is for</label>
        <input id="merge-copy-label" value={label} onChange={(e) => setLabel(e.target.value)} placeholder="Finance" required autoFocus={autoFocus} />
        <button type="submit" disabled={copy.isPending || label.trim() === ''}>
          Save copy…
        </button>
      </form>
      {copy.data && (
        <p role="status">
          Copy for {copy.data.label} saved: <span className="merge-path">{copy.data.path}</span>
        </p>
      )}
    </section>
  );
}
