import type { AsOfInfo } from '@shared/as-of';
import { formatCount } from '../../lib/labels';

/**
 * What the screen shows is the past: the moment, the entry in effect, what was undone and — when
 * the log could not undo everything — which entries' changes are shown as they are now.
 */
export function AsOfBanner({ info, onNow, onCompare }: { info: AsOfInfo; onNow: () => void; onCompare: () => void }) {
  const { entry } = info;
  return (
    <section className="card as-of-banner" role="status" aria-label={`As of ${info.requested}`}>
      <h3>As of {info.requested}</h3>
      <p>
        The workbook just after entry #{entry.id} ({entry.at.slice(0, 19).replace('T', ' ')} UTC, {entry.actor}: {entry.summary}).
        Read only: {formatCount(info.undone)} later entr{info.undone === 1 ? 'y was' : 'ies were'} undone
        {info.assetsLeftOut > 0 ? `; ${formatCount(info.assetsLeftOut)} asset(s) created later are not shown` : ''}. Chain verified, head{' '}
        <code>{info.chainHead}</code>.
      </p>
      {info.gaps.length === 0 ? (
        <p className="muted">Every later entry was undone from its log: everything shown is as it was.</p>
      ) : (
        <details className="as-of-gaps" open>
          <summary>
            {info.gaps.length} later entr{info.gaps.length === 1 ? 'y’s changes are' : 'ies’ changes are'} shown as they are now
          </summary>
          <ul>
            {info.gaps.map((gap) => (
              <li key={gap.entryId}>
                #{gap.entryId} ({gap.at.slice(0, 10)}, {gap.actor}): {gap.summary} — {gap.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="as-of-banner__actions">
        <button type="button" className="primary" onClick={onNow}>
          Back to now
        </button>
        <button type="button" onClick={onCompare}>
          Compare {info.at.slice(0, 10)} with now
        </button>
      </div>
    </section>
  );
}
