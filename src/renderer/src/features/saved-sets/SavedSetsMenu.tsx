import { useState } from 'react';
import { SAVED_SET_KIND_LABELS, type SavedSet } from '@shared/saved-set';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatCount } from '../../lib/labels';
import { RenameSetDialog } from './RenameSetDialog';
import { useSavedSetMutations, useSavedSets } from './queries';
import './saved-sets.css';

/**
 * The workbook's saved sets beside the grid: apply one (its filter, or its kept assets), rename
 * or delete it (undoable from the Edit menu, like every edit).
 */
export function SavedSetsMenu({ onApply, onDeleted }: { onApply: (set: SavedSet) => void; onDeleted: (set: { id: number; name: string }) => void }) {
  const sets = useSavedSets();
  const { remove } = useSavedSetMutations();
  const [renaming, setRenaming] = useState<SavedSet | null>(null);
  const list = sets.data ?? [];
  return (
    <details className="menu saved-sets">
      <summary>Saved sets ({list.length})</summary>
      <div className="menu__panel saved-sets__panel" role="region" aria-label="Saved sets">
        {remove.error && <ErrorBanner message={remove.error.message} />}
        {list.length === 0 ? (
          <p className="muted small">No saved set yet. Filter or select assets, then Save as set….</p>
        ) : (
          <table className="table saved-sets__table">
            <caption className="visually-hidden">Saved sets</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Keeps</th>
                <th scope="col">Assets now</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((set) => (
                <tr key={set.id}>
                  <th scope="row">{set.name}</th>
                  <td>
                    <span className="muted small">{SAVED_SET_KIND_LABELS[set.kind]}</span>
                    <br />
                    {set.label}
                  </td>
                  <td>{formatCount(set.assets)}</td>
                  <td className="saved-sets__actions">
                    <button type="button" className="small-button" onClick={() => onApply(set)} aria-label={`Apply the saved set ${set.name}`}>
                      Apply
                    </button>
                    <button type="button" className="small-button" onClick={() => setRenaming(set)} aria-label={`Rename the saved set ${set.name}`}>
                      Rename…
                    </button>
                    <button type="button" className="small-button" disabled={remove.isPending} onClick={() => remove.mutate(set.id, { onSuccess: onDeleted })} aria-label={`Delete the saved set ${set.name}`}>
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {renaming && <RenameSetDialog set={renaming} onClose={() => setRenaming(null)} />}
    </details>
  );
}
