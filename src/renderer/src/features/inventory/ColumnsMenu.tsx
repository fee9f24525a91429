import { memo } from 'react';
import { GRID_COLUMNS } from './columns';

/** Which columns the grid shows (remembered across sessions). Memoised: typing does not re-render it. */
export const ColumnsMenu = memo(function ColumnsMenu({ visible, onToggle, onReset }: { visible: string[]; onToggle: (id: string) => void; onReset: () => void }) {
  return (
    <details className="menu">
      <summary>Columns</summary>
      <fieldset className="menu__panel">
        <legend className="visually-hidden">Visible columns</legend>
        {GRID_COLUMNS.map((column) => (
          <label key={column.id} className="menu__item">
            <input type="checkbox" checked={column.fixed === true || visible.includes(column.id)} disabled={column.fixed} onChange={() => onToggle(column.id)} />
            {column.label}
          </label>
        ))}
        <button type="button" className="link" onClick={onReset}>
          Reset columns
        </button>
      </fieldset>
    </details>
  );
});
