import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { WorkbookCommands } from './useWorkbookCommands';
import { ErrorBanner } from '../components/ErrorBanner';
import { call } from '../lib/api';
import { workbookKeys } from './queries';

/** First screen: new workbook, open one, or pick a recent one. */
export function StartScreen({ commands }: { commands: WorkbookCommands }) {
  const recent = useQuery({ queryKey: workbookKeys.recent(), queryFn: () => call('workbook.recent', {}) });
  const [organisation, setOrganisation] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    commands.create(organisation.trim() || undefined);
  };

  return (
    <main className="start" aria-labelledby="start-title">
      <header className="start__brand">
        <h1 id="start-title">Demarc</h1>
        <p>Where the provider’s responsibility ends and yours begins — per asset, per layer, with a named owner.</p>
      </header>
      {commands.error && <ErrorBanner message={commands.error} onDismiss={commands.clearError} />}
      <div className="start__panels">
        <section className="card" aria-labelledby="new-title">
          <h2 id="new-title">New workbook</h2>
          <form onSubmit={submit}>
            <label htmlFor="new-org">Organisation</label>
            <input
              id="new-org"
              value={organisation}
              onChange={(e) => setOrganisation(e.target.value)}
              placeholder="e.g. Contoso Ltd"
              autoComplete="organization"
            />
            <button type="submit" className="primary" disabled={commands.busy}>
              New workbook…
            </button>
          </form>
        </section>
        <section className="card" aria-labelledby="open-title">
          <h2 id="open-title">Open</h2>
          <button type="button" onClick={() => commands.open()} disabled={commands.busy}>
            Open workbook…
          </button>
          <h3 id="recent-title">Open recent</h3>
          {recent.data && recent.data.length > 0 ? (
            <ul className="recent" aria-labelledby="recent-title">
              {recent.data.map((entry) => (
                <li key={entry.path}>
                  <button
                    type="button"
                    className="link"
                    disabled={!entry.exists || commands.busy}
                    onClick={() => commands.open(entry.path)}
                    title={entry.path}
                  >
                    <span className="recent__name">{entry.name}</span>
                    <span className="recent__path">{entry.exists ? entry.path : `${entry.path} (missing)`}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No recent workbooks.</p>
          )}
        </section>
      </div>
    </main>
  );
}
