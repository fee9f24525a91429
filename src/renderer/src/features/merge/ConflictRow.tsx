import type { MergeAuthor, MergeItem } from '@shared/contract/merge';
import type { Side } from './useMerge';

function Who({ by }: { by: MergeAuthor | null }) {
  if (!by) return null;
  return (
    <span className="merge-conflict__by" title={by.summary}>
      {by.actor}, {by.at.slice(0, 16).replace('T', ' ')}
    </span>
  );
}

/** One conflict: ancestor, ours and theirs with who changed each, and the choice between them. */
export function ConflictRow({ conflict, choice, onChoose }: { conflict: MergeItem; choice: Side | null; onChoose: (side: Side) => void }) {
  const name = `merge-choice-${conflict.slot}`;
  const label = `${conflict.subject}: ${conflict.detail}`;
  return (
    <li className={`merge-conflict${choice === null ? ' is-undecided' : ''}`}>
      <fieldset>
        <legend>
          <strong>{conflict.subject}</strong> · {conflict.detail}
        </legend>
        <dl className="merge-conflict__values">
          <div>
            <dt>Ancestor</dt>
            <dd>{conflict.ancestor ?? <span className="muted">not recorded</span>}</dd>
          </div>
          <div>
            <dt>
              <label>
                <input type="radio" name={name} checked={choice === 'ours'} onChange={() => onChoose('ours')} aria-label={`Ours for ${label}`} /> Ours
              </label>
            </dt>
            <dd>
              {conflict.ours} <Who by={conflict.oursBy} />
            </dd>
          </div>
          <div>
            <dt>
              <label>
                <input type="radio" name={name} checked={choice === 'theirs'} onChange={() => onChoose('theirs')} aria-label={`Theirs for ${label}`} /> Theirs
              </label>
            </dt>
            <dd>
              {conflict.theirs} <Who by={conflict.theirsBy} />
            </dd>
          </div>
        </dl>
        {conflict.rule && (
          <p className={choice === 'theirs' ? 'merge-conflict__rule is-breaking' : 'merge-conflict__rule'}>
            Taking theirs breaks a rule: {conflict.rule}
          </p>
        )}
      </fieldset>
    </li>
  );
}
