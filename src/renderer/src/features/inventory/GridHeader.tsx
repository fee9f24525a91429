import type { AssetSortColumn } from '@shared/contract/engine';
import { formatCount } from '../../lib/labels';
import type { AssetSort } from './queries';
import type { GridColumn } from './columns';

interface GridHeaderProps {
  columns: GridColumn[];
  template: string;
  minWidth: number;
  sort: AssetSort | null;
  onSort: (column: AssetSortColumn) => void;
  total: number | null;
  selectedCount: number;
  allMatching: boolean;
  selectingAll: boolean;
  onSelectAll: (select: boolean) => void;
}

/** Sticky header row: "select all N matching" and sortable column headers. */
export function GridHeader({ columns, template, minWidth, sort, onSort, total, selectedCount, allMatching, selectingAll, onSelectAll }: GridHeaderProps) {
  // Checked from the click on while the matching ids load, so the box does not snap back and then tick.
  const all = selectingAll || allMatching || (total !== null && total > 0 && selectedCount === total);
  return (
    <div role="rowgroup" className="grid__head" style={{ minWidth }}>
      <div role="row" aria-rowindex={1} className="grid__row grid__row--head" style={{ gridTemplateColumns: template, minWidth }}>
        <div role="columnheader" className="grid__cell grid__cell--check">
          <input
            type="checkbox"
            aria-label={`Select all ${total === null ? '' : formatCount(total)} matching`}
            title={`Select all ${total === null ? '' : formatCount(total)} matching`}
            checked={all}
            disabled={!total || selectingAll}
            ref={(element) => {
              if (element) element.indeterminate = !all && selectedCount > 0;
            }}
            onChange={(event) => onSelectAll(event.target.checked)}
          />
        </div>
        {columns.map((column) => {
          const direction = sort && column.sort && sort.column === column.sort ? sort.direction : null;
          return (
            <div
              key={column.id}
              role="columnheader"
              className="grid__cell"
              aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : column.sort ? 'none' : undefined}
            >
              {column.sort ? (
                <button type="button" className="grid__sort" onClick={() => column.sort && onSort(column.sort)} title={`Sort by ${column.label}`}>
                  {column.label}
                  <span aria-hidden="true" className="grid__sort-mark">
                    {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : ''}
                  </span>
                </button>
              ) : (
                column.label
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
