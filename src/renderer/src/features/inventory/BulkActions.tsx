import { memo, useState } from 'react';
import type { AssetFilter } from '@shared/filter';
import { formatCount } from '../../lib/labels';
import { BulkDialog, type BulkKind } from './BulkDialog';
import { BulkRaciDialog } from './BulkRaciDialog';
import { useBulkUpdate } from './useBulkUpdate';
import type { Selection } from './useSelection';

/**
 * The toolbar over a selection: set service model, owner, RACI, criticality (with data
 * classification and environment), mark reviewed. Memoised: it
 * renders when the selection or the grid's filter changes, not on each keystroke.
 */
export const BulkActions = memo(function BulkActions({ selection, filter, onClear }: { selection: Selection; filter: AssetFilter; onClear: () => void }) {
  const bulk = useBulkUpdate();
  const [kind, setKind] = useState<BulkKind | null>(null);
  const [raci, setRaci] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const count = selection.ids.size;
  // "All matching" edits by the filter whose matches were selected, so the server checks the
  // same set the user saw (the grid's filter may have moved on since, by a deferred render).
  const target: AssetFilter = selection.allMatching ? (selection.filter ?? filter) : { ids: [...selection.ids] };

  return (
    <div className="bulkbar" role="toolbar" aria-label="Bulk actions">
      <span className="bulkbar__count" aria-live="polite">
        {count === 0 ? 'No assets selected' : `${formatCount(count)} selected${selection.allMatching ? ' (all matching)' : ''}`}
      </span>
      <button type="button" disabled={count === 0} onClick={() => setKind('serviceModel')}>
        Set service model…
      </button>
      <button type="button" disabled={count === 0} onClick={() => setKind('owner')}>
        Set owner…
      </button>
      <button type="button" disabled={count === 0} onClick={() => setRaci(true)}>
        Set RACI…
      </button>
      <button type="button" disabled={count === 0} onClick={() => setKind('attributes')}>
        Set criticality…
      </button>
      <button type="button" disabled={count === 0} onClick={() => setKind('reviewed')}>
        Mark reviewed…
      </button>
      <button type="button" className="link" disabled={count === 0} onClick={onClear}>
        Clear selection
      </button>
      {done && (
        <span role="status" className="bulkbar__done">
          {done}
        </span>
      )}
      {raci && (
        <BulkRaciDialog
          count={count}
          filter={target}
          onClose={() => setRaci(false)}
          onDone={(summary) => {
            setDone(summary);
            setRaci(false);
          }}
        />
      )}
      {kind && (
        <BulkDialog
          kind={kind}
          count={count}
          filter={target}
          bulk={bulk}
          onClose={() => setKind(null)}
          onDone={(summary) => {
            setDone(summary);
            setKind(null);
          }}
        />
      )}
    </div>
  );
});
