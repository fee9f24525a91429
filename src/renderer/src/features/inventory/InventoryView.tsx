import { useMemo, useState } from 'react';
import type { AssetSortColumn } from '../../../../shared/contract/engine';
import { FINDING_CODES } from '../../../../shared/domain';
import type { AssetSort } from '../../lib/query-keys';
import { useDebounced } from '../../lib/useDebounced';
import { AssetPanel } from '../asset/AssetPanel';
import type { SectionProps } from '../layout/sections';
import { BulkActions } from './BulkActions';
import { ColumnsMenu } from './ColumnsMenu';
import { GRID_COLUMNS } from './columns';
import { EMPTY_DRAFT, InventoryFilters, toAssetFilter, type FilterDraft } from './InventoryFilters';
import { InventoryGrid } from './InventoryGrid';
import { useSelection } from './useSelection';
import { useVisibleColumns } from './useVisibleColumns';

/** Light debounce: each keystroke still repaints quickly, but a burst sends one query. */
const TEXT_DEBOUNCE_MS = 10;

function initialDraft(params: Record<string, string>): FilterDraft {
  const code = params.findingCode;
  return { ...EMPTY_DRAFT, findingCode: code && (FINDING_CODES as readonly string[]).includes(code) ? code : '' };
}

/** The inventory: filters, the virtualized grid, bulk actions, and the asset panel beside it. */
export function InventoryView({ params }: SectionProps) {
  const [draft, setDraft] = useState<FilterDraft>(() => initialDraft(params));
  const text = useDebounced(draft.text, TEXT_DEBOUNCE_MS);
  const filter = useMemo(() => toAssetFilter(draft, text), [draft, text]);
  const [sort, setSort] = useState<AssetSort | null>(null);
  const [openedId, setOpenedId] = useState<number | null>(null);
  const columns = useVisibleColumns();
  const selection = useSelection();
  const shown = GRID_COLUMNS.filter((column) => column.fixed === true || columns.visible.includes(column.id));

  const onSort = (column: AssetSortColumn) =>
    setSort((current) => (current?.column === column ? { column, direction: current.direction === 'asc' ? 'desc' : 'asc' } : { column, direction: 'asc' }));

  const onFilterChange = (next: FilterDraft) => {
    setDraft(next);
    selection.clear();
  };

  return (
    <div className={openedId === null ? 'inventory' : 'inventory inventory--with-panel'}>
      <div className="inventory__main">
        <div className="inventory__toolbar">
          <InventoryFilters draft={draft} onChange={onFilterChange} />
          <ColumnsMenu visible={columns.visible} onToggle={columns.toggle} onReset={columns.reset} />
        </div>
        <BulkActions selection={selection.selection} filter={filter} onClear={selection.clear} />
        <InventoryGrid filter={filter} sort={sort} onSort={onSort} columns={shown} selection={selection} openedId={openedId} onOpen={setOpenedId} />
      </div>
      {openedId !== null && <AssetPanel id={openedId} onClose={() => setOpenedId(null)} />}
    </div>
  );
}
