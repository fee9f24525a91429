import { useId, useState, type FormEvent } from 'react';
import type { AssetFilter } from '@shared/filter';
import type { SavedSet } from '@shared/saved-set';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatCount } from '../../lib/labels';
import { useSavedSetMutations } from './queries';

type Keep = 'filter' | 'selection';

/**
 * Saves the grid's scope under a name: the filter (the set follows the inventory) or the selected
 * assets (kept as they are now). The user chooses; a choice with nothing in it is disabled.
 */
export function SaveSetDialog({ filter, selectedIds, onClose, onSaved }: { filter: AssetFilter; selectedIds: ReadonlySet<number>; onClose: () => void; onSaved: (set: SavedSet) => void }) {
  const hasFilter = Object.values(filter).some((v) => v !== undefined);
  const [keep, setKeep] = useState<Keep>(selectedIds.size > 0 && !hasFilter ? 'selection' : 'filter');
  const [name, setName] = useState('');
  const { save } = useSavedSetMutations();
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const source = keep === 'filter' ? { kind: 'filter' as const, filter } : { kind: 'selection' as const, ids: [...selectedIds] };
    save.mutate({ name, source }, { onSuccess: onSaved });
  };
  return (
    <Dialog
      title="Save as a set"
      onClose={onClose}
      actions={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="primary" disabled={save.isPending || name.trim() === '' || (keep === 'filter' ? !hasFilter : selectedIds.size === 0)}>
            Save the set
          </button>
        </>
      }
    >
      <form id={`${id}-form`} className="form" onSubmit={submit}>
        {save.error && <ErrorBanner message={save.error.message} />}
        <label htmlFor={`${id}-name`}>Name</label>
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} required placeholder="Production web tier" autoFocus />
        <fieldset className="save-set__keep">
          <legend>Keep</legend>
          <label className="choice">
            <input type="radio" name={`${id}-keep`} checked={keep === 'filter'} disabled={!hasFilter} onChange={() => setKeep('filter')} />
            The current filter — the set follows the inventory (assets imported later that match are in it)
          </label>
          <label className="choice">
            <input type="radio" name={`${id}-keep`} checked={keep === 'selection'} disabled={selectedIds.size === 0} onChange={() => setKeep('selection')} />
            The {formatCount(selectedIds.size)} selected asset{selectedIds.size === 1 ? '' : 's'} — kept as they are now
          </label>
          {!hasFilter && <p className="muted small">No filter is set: choose filters above the grid to keep a filter.</p>}
          {selectedIds.size === 0 && <p className="muted small">No asset is selected: select rows in the grid to keep them.</p>}
        </fieldset>
      </form>
    </Dialog>
  );
}
