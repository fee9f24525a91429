import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import type { AssetSortColumn } from '@shared/contract/engine';
import { FINDING_CODES } from '@shared/domain';
import type { AssetSort } from './queries';
import { AssetPanel } from '../asset/AssetPanel';
import type { SectionProps } from '../../lib/navigation';
import { BulkActions } from './BulkActions';
import { ColumnsMenu } from './ColumnsMenu';
import { GRID_COLUMNS } from './columns';
import type { AssetFilter } from '@shared/filter';
import type { SavedSet } from '@shared/saved-set';
import { SaveSetDialog } from '../saved-sets/SaveSetDialog';
import { SavedSetsMenu } from '../saved-sets/SavedSetsMenu';
import { draftIsActive, draftOf, EMPTY_DRAFT, InventoryFilters, toAssetFilter, type FilterDraft } from './InventoryFilters';
import { InventoryGrid } from './InventoryGrid';
import { SearchBox } from './SearchBox';
import { prefetchPages, type PageWindow } from './useAssetPages';
import { useSelection } from './useSelection';
import { useVisibleColumns } from './useVisibleColumns';

/** The filters another area opened the inventory with (a finding group, a picture's cell). */
function initialDraft(params: Record<string, string>): FilterDraft {
  const code = params.findingCode;
  const draft: FilterDraft = { ...EMPTY_DRAFT, findingCode: code && (FINDING_CODES as readonly string[]).includes(code) ? code : '' };
  for (const key of ['serviceModel', 'subscription', 'resourceGroup', 'tag', 'owner'] as const) draft[key] = params[key] ?? '';
  return draft;
}

/** The grid's filter: the menus and search text, within the saved set applied (if any). */
function gridFilter(draft: FilterDraft, text: string, set: { id: number } | null): AssetFilter {
  const filter = toAssetFilter(draft, text);
  return set === null ? filter : { ...filter, set: set.id };
}

/**
 * The inventory: filters, the virtualized grid, bulk actions, and the asset panel beside it.
 * Each keystroke in the search box asks for the new result at once, before React renders it (a
 * query costs a few ms in main); the children get stable props, so a keystroke re-renders the
 * box (and the Clear button) at once, and the grid and bulk toolbar in a deferred render.
 */
export function InventoryView({ params }: SectionProps) {
  const [text, setText] = useState('');
  // The box shows each keystroke at once; the grid follows in a render of its own, so the
  // keystroke's task ends early (its request, already sent, leaves at once) and the typed
  // character is painted without waiting for the grid.
  const gridText = useDeferredValue(text);
  const [draft, setDraft] = useState<FilterDraft>(() => initialDraft(params));
  // A saved set whose assets the menus cannot show (a selection): the grid shows its assets, filtered further by the menus.
  const [appliedSet, setAppliedSet] = useState<{ id: number; name: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [setNotice, setSetNotice] = useState<string | null>(null);
  const filter = useMemo(() => gridFilter(draft, gridText, appliedSet), [draft, gridText, appliedSet]);
  const [sort, setSort] = useState<AssetSort | null>(null);
  const [openedId, setOpenedId] = useState<number | null>(null);
  const columns = useVisibleColumns();
  const selection = useSelection();
  const { clear } = selection;
  const shown = useMemo(
    () => GRID_COLUMNS.filter((column) => column.fixed === true || columns.visible.includes(column.id)),
    [columns.visible]
  );

  const onSort = useCallback(
    (column: AssetSortColumn) =>
      setSort((current) => (current?.column === column ? { column, direction: current.direction === 'asc' ? 'desc' : 'asc' } : { column, direction: 'asc' })),
    []
  );
  const queryClient = useQueryClient();
  const gridWindow = useRef<PageWindow>({ first: 0, last: 0 });
  const onTextChange = useCallback(
    (next: string) => {
      prefetchPages(queryClient, gridFilter(draft, next, appliedSet), sort, gridWindow.current);
      setText(next);
      clear();
    },
    [clear, draft, sort, queryClient, appliedSet]
  );
  const onFilterChange = useCallback(
    (next: FilterDraft) => {
      setDraft(next);
      clear();
    },
    [clear]
  );
  const onClearFilters = useCallback(() => {
    setText('');
    setDraft(EMPTY_DRAFT);
    setAppliedSet(null);
    clear();
  }, [clear]);
  /** A kept filter fills the menus (and follows the inventory); kept assets show as the applied set. */
  const onApplySet = useCallback(
    (set: SavedSet) => {
      const shown = set.filter === null ? null : draftOf(set.filter);
      setDraft(shown?.draft ?? EMPTY_DRAFT);
      setText(shown?.text ?? '');
      setAppliedSet(shown === null ? { id: set.id, name: set.name } : null);
      setSetNotice(`Applied the saved set “${set.name}”: ${set.label}.`);
      clear();
    },
    [clear]
  );
  const onSetDeleted = useCallback((deleted: { id: number; name: string }) => {
    setAppliedSet((current) => (current?.id === deleted.id ? null : current));
    setSetNotice(`Deleted the saved set “${deleted.name}” (Edit › Undo brings it back).`);
  }, []);
  const onClosePanel = useCallback(() => setOpenedId(null), []);

  return (
    <div className={openedId === null ? 'inventory' : 'inventory inventory--with-panel'}>
      <div className="inventory__main">
        <div className="inventory__toolbar">
          <div className="filters" role="search" aria-label="Filter assets">
            <SearchBox value={text} onChange={onTextChange} />
            <InventoryFilters draft={draft} onChange={onFilterChange} />
            <button type="button" className="link" disabled={text.trim() === '' && !draftIsActive(draft) && appliedSet === null} onClick={onClearFilters}>
              Clear filters
            </button>
          </div>
          <button type="button" onClick={() => setSaving(true)}>
            Save as set…
          </button>
          <SavedSetsMenu onApply={onApplySet} onDeleted={onSetDeleted} />
          <ColumnsMenu visible={columns.visible} onToggle={columns.toggle} onReset={columns.reset} />
        </div>
        {(appliedSet !== null || setNotice !== null) && (
          <div className="saved-set-status">
            {appliedSet !== null && (
              <span className="saved-set-chip">
                Showing the saved set <strong>{appliedSet.name}</strong>
                <button type="button" className="link" onClick={() => setAppliedSet(null)} aria-label={`Stop showing the saved set ${appliedSet.name}`}>
                  ×
                </button>
              </span>
            )}{' '}
            {setNotice !== null && (
              <span role="status" className="muted small">
                {setNotice}
              </span>
            )}
          </div>
        )}
        {saving && (
          <SaveSetDialog
            filter={filter}
            selectedIds={selection.selection.ids}
            onClose={() => setSaving(false)}
            onSaved={(set) => {
              setSaving(false);
              setSetNotice(`Saved the set “${set.name}”: ${set.label} (${set.assets} asset${set.assets === 1 ? '' : 's'} now).`);
            }}
          />
        )}
        {params.fromPicture && (
          <p className="note" role="status">
            The assets of the demarcation picture’s cell <strong>{params.fromPicture}</strong>: each asset’s panel opens with that layer summed up and marked, its findings first.
          </p>
        )}
        <BulkActions selection={selection.selection} filter={filter} onClear={clear} />
        <InventoryGrid filter={filter} sort={sort} onSort={onSort} columns={shown} selection={selection} openedId={openedId} onOpen={setOpenedId} windowRef={gridWindow} />
      </div>
      {openedId !== null && <AssetPanel id={openedId} onClose={onClosePanel} focusLayer={params.layer} />}
    </div>
  );
}
