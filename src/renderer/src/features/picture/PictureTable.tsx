import type { PictureCell, PictureDrawing } from '@shared/picture';
import { formatCount } from '../../lib/labels';

/** The picture as a table: the same cells in words, each with a button to its assets. */
export function PictureTable({ drawing, onOpen }: { drawing: PictureDrawing; onOpen?: (cell: PictureCell) => void }) {
  const cellAt = (serviceModel: string, layerId: string) => drawing.cells.find((c) => c.serviceModel === serviceModel && c.layerId === layerId);
  return (
    <table className="matrix picture-table">
      <caption>
        {drawing.title} — {drawing.scopeLabel}
      </caption>
      <thead>
        <tr>
          <th scope="col">Layer</th>
          {drawing.columns.map((column) => (
            <th scope="col" key={column.serviceModel}>
              {column.label}
              {drawing.asset === null && <span className="muted small"> ({formatCount(column.assets)} assets)</span>}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {drawing.rows.map((row) => (
          <tr key={row.id}>
            <th scope="row">{row.title}</th>
            {drawing.columns.map((column) => {
              const cell = cellAt(column.serviceModel, row.id);
              if (cell === undefined) return <td key={column.serviceModel} />;
              const below = drawing.rows.findIndex((r) => r.id === row.id) >= column.lineAfter;
              return (
                <td key={column.serviceModel} data-cell={cell.id} className={`picture-table__cell resp--${cell.responsibility}`}>
                  <strong>{cell.label}</strong>
                  {below && drawing.rows[column.lineAfter]?.id === row.id && <span className="small"> — below the line</span>}
                  {cell.customerSide && cell.accountable.length > 0 && (
                    <div className="small">
                      A: {cell.accountable.map((a) => `${a.name}${a.active ? '' : ' (left)'}`).join(', ')}
                      {cell.accountableMore > 0 && ` +${cell.accountableMore} more`}
                    </div>
                  )}
                  {cell.noAccountable > 0 && <div className="small picture-table__gap">{formatCount(cell.noAccountable)} without an Accountable</div>}
                  {cell.overrides > 0 && <div className="small">{formatCount(cell.overrides)} overridden</div>}
                  {onOpen && (
                    <button type="button" className="link small" onClick={() => onOpen(cell)} aria-label={`Show the assets: ${cell.accessibleName}`}>
                      Show assets
                    </button>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
