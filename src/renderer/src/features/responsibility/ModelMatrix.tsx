import type { ModelCell, ResponsibilityModel } from '@shared/domain';
import { ResponsibilityBadge } from '../../components/ResponsibilityBadge';
import { serviceModelColumns } from '@core/service-models';

function cellValue(cell: ModelCell | undefined) {
  if (!cell) return null;
  return typeof cell === 'string' ? { responsibility: cell, operatedBy: null } : cell;
}

/** A model as published: layers × service models, its row titles, its source and how it was read. */
export function ModelMatrix({ model }: { model: ResponsibilityModel }) {
  const partyName = (id: string) => model.parties.find((party) => party.id === id)?.name ?? id;
  return (
    <section className="matrix-card" aria-labelledby={`matrix-${model.id}`}>
      <h3 id={`matrix-${model.id}`}>
        {model.name} <span className="muted small">version {model.version}</span>
      </h3>
      <p className="muted small">
        Source: {model.source.title}, {model.source.date} — <span className="source-url">{model.source.url}</span>
      </p>
      {model.source.note && <p className="muted small model-source-note">{model.source.note}</p>}
      <table className="matrix">
        <thead>
          <tr>
            <th scope="col">Responsibility</th>
            {serviceModelColumns(model).map((column) => (
              <th scope="col" key={column.id} title={column.description ?? undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {model.layers.map((layer) => (
            <tr key={layer.id}>
              <th scope="row" title={layer.description}>
                {layer.title}
              </th>
              {model.serviceModels.map((serviceModel) => {
                const cell = cellValue(model.cells[layer.id]?.[serviceModel]);
                return (
                  <td key={serviceModel} className={cell ? `matrix__cell resp-cell--${cell.responsibility}` : 'matrix__cell'}>
                    {cell ? <ResponsibilityBadge value={cell.responsibility} /> : '—'}
                    {cell?.operatedBy && <div className="small">operated by {partyName(cell.operatedBy)}</div>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
