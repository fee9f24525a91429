import { QueryError } from '../../components/QueryError';
import { useAssetHistory } from './queries';

/** The change log entries about this asset, newest first. */
export function AssetHistory({ id }: { id: number }) {
  const history = useAssetHistory(id);
  const entries = history.data ?? [];
  return (
    <section aria-labelledby={`history-${id}`}>
      <h4 id={`history-${id}`}>History</h4>
      <QueryError error={history.error} />
      {history.isSuccess && entries.length === 0 && <p className="muted">No changes recorded for this asset yet.</p>}
      <ol className="history">
        {entries.map((entry) => (
          <li key={entry.id}>
            <time dateTime={entry.at}>{entry.at.slice(0, 16).replace('T', ' ')}</time> <span className="muted">{entry.actor}</span> — {entry.summary}
          </li>
        ))}
      </ol>
    </section>
  );
}
