import { memo } from 'react';
import type { AssetListRow } from '@shared/contract/engine';
import type { GridColumn } from './columns';

interface GridRowProps {
  index: number;
  row: AssetListRow | undefined;
  columns: GridColumn[];
  template: string;
  minWidth: number;
  top: number;
  height: number;
  selected: boolean;
  active: boolean;
  opened: boolean;
  onRowClick: (index: number, row: AssetListRow, event: React.MouseEvent) => void;
  onRowOpen: (row: AssetListRow) => void;
  onToggle: (index: number, row: AssetListRow) => void;
}

/** One virtual row; a placeholder while its page is being fetched. */
export const GridRow = memo(function GridRow({ index, row, columns, template, minWidth, top, height, selected, active, opened, onRowClick, onRowOpen, onToggle }: GridRowProps) {
  const classes = ['grid__row', selected && 'is-selected', active && 'is-active', opened && 'is-opened', !row && 'is-loading'].filter(Boolean).join(' ');
  return (
    <div
      id={`asset-row-${index}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={row ? selected : undefined}
      data-loaded={row ? 'true' : 'false'}
      className={classes}
      style={{ gridTemplateColumns: template, minWidth, transform: `translateY(${top}px)`, height }}
      onClick={row ? (event) => onRowClick(index, row, event) : undefined}
      onDoubleClick={row ? () => onRowOpen(row) : undefined}
    >
      <div role="gridcell" className="grid__cell grid__cell--check">
        {row && (
          <input
            type="checkbox"
            tabIndex={-1}
            aria-label={`Select ${row.name}`}
            checked={selected}
            onClick={(event) => event.stopPropagation()}
            onChange={() => onToggle(index, row)}
          />
        )}
      </div>
      {columns.map((column) => (
        <div key={column.id} role="gridcell" className="grid__cell">
          {row ? column.render(row) : column.fixed ? <span className="muted">Loading…</span> : null}
        </div>
      ))}
    </div>
  );
});
