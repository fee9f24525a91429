import type { PictureCell, PictureDrawing } from '@shared/picture';
import { formatCount } from '../../lib/labels';

/** What one cell means: the layer in words, what the model's source says, the workbook's facts. */
export function CellDetail({ drawing, cell }: { drawing: PictureDrawing; cell: PictureCell | null }) {
  if (cell === null) {
    return (
      <aside className="cell-detail" aria-label="Cell details">
        <p className="muted">Point at a cell, or move to it with the arrow keys, to read what it means.</p>
      </aside>
    );
  }
  const row = drawing.rows.find((r) => r.id === cell.layerId);
  const column = drawing.columns.find((c) => c.serviceModel === cell.serviceModel);
  const { source } = drawing.model;
  return (
    <aside className="cell-detail" aria-label="Cell details" aria-live="polite">
      <h3 className="cell-detail__title">
        {column?.label} · {row?.title}
      </h3>
      <p>{row?.description}</p>
      <p className="small">
        <strong>{drawing.model.name}</strong> publishes this cell as <strong>{cell.published}</strong>
        {cell.operatedBy === null ? '' : `, operated by ${cell.operatedBy}`}. Source: {source.title}, {source.date} ({source.url}).
      </p>
      {row?.permanentCustomer && <p className="small">This layer always stays with the customer, whatever was bought.</p>}
      <dl className="cell-detail__facts">
        <dt>Assets</dt>
        <dd>{formatCount(cell.assets)}</dd>
        {cell.customerSide && (
          <>
            <dt>Accountable</dt>
            <dd>
              {cell.accountable.length === 0
                ? 'nobody'
                : cell.accountable.map((a) => `${a.name}${a.active ? '' : ' (left)'} (${formatCount(a.assets)})`).join(', ')}
              {cell.accountableMore > 0 && ` and ${cell.accountableMore} more`}
            </dd>
          </>
        )}
        <dt>Without an Accountable</dt>
        <dd className={cell.noAccountable > 0 ? 'cell-detail__gap' : undefined}>{formatCount(cell.noAccountable)}</dd>
        <dt>Overrides</dt>
        <dd>{formatCount(cell.overrides)}</dd>
      </dl>
      {drawing.asset === null && <p className="muted small">Enter or a click shows these assets in the inventory.</p>}
    </aside>
  );
}
