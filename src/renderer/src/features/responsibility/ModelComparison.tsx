import { useState } from 'react';
import type { ModelSummary } from '@shared/contract/engine';
import { QueryError } from '../../components/QueryError';
import { ResponsibilityBadge } from '../../components/ResponsibilityBadge';
import { DrawnComparison } from '../picture/DrawnComparison';
import { useModelComparison } from './queries';

/** Two models side by side, cells that differ marked (in words as well as colour). */
export function ModelComparison({ models }: { models: ModelSummary[] }) {
  // The workbook's default model against another of the same publisher (its other version), else the first other one.
  const defaultId = models.find((model) => model.isDefault)?.id ?? models[0]?.id ?? null;
  const publisher = (id: string | null) => id?.split('-')[0] ?? '';
  const others = models.filter((model) => model.id !== defaultId);
  const [a, setA] = useState<string | null>(() => defaultId);
  const [b, setB] = useState<string | null>(() => (others.find((model) => publisher(model.id) === publisher(defaultId)) ?? others[0])?.id ?? null);
  const comparison = useModelComparison(a, b);
  const [drawn, setDrawn] = useState(false);
  const data = comparison.data;
  // Every column of either model (the left one's order, then the right one's own), each with its label.
  const columns = data === undefined ? [] : [...data.a.serviceModels, ...data.b.serviceModels.filter((c) => !data.a.serviceModels.some((d) => d.id === c.id))];

  const select = (label: string, value: string | null, onChange: (value: string) => void) => (
    <label className="field field--inline">
      <span>{label}</span>
      <select value={value ?? ''} onChange={(event) => onChange(event.target.value)}>
        {models.map((model) => (
          <option key={model.id} value={model.id}>
            {model.name} ({model.version})
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section className="matrix-card" aria-labelledby="compare-title">
      <h3 id="compare-title">Compare two models</h3>
      <div className="compare__pickers">
        {select('Left model', a, setA)}
        {select('Right model', b, setB)}
        <button type="button" aria-pressed={drawn} onClick={() => setDrawn((d) => !d)}>
          {drawn ? 'Show as table' : 'Draw side by side'}
        </button>
      </div>
      {drawn && <DrawnComparison a={a} b={b} models={models} />}
      <QueryError error={comparison.error} />
      {data && !drawn && (
        <>
          <p role="status">
            {data.differenceCount === 0 ? 'The two models agree on every cell.' : `${data.differenceCount} cells differ.`}
          </p>
          <table className="matrix matrix--compare">
            <thead>
              <tr>
                <th scope="col">Layer (left / right)</th>
                {columns.map((column) => (
                  <th scope="col" key={column.id}>
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row, index) => (
                <tr key={`${row.aLayerId ?? ''}|${row.bLayerId ?? ''}|${index}`}>
                  <th scope="row">
                    {row.aTitle === row.bTitle ? row.aTitle : `${row.aTitle ?? '(none)'} / ${row.bTitle ?? '(none)'}`}
                  </th>
                  {columns.map(({ id: serviceModel }) => {
                    const cell = row.cells.find((candidate) => candidate.serviceModel === serviceModel);
                    return (
                      <td key={serviceModel} className={cell?.differs ? 'compare__cell is-different' : 'compare__cell'} data-differs={cell?.differs ? 'true' : undefined}>
                        {cell?.a ? <ResponsibilityBadge value={cell.a} /> : <span className="muted">—</span>}
                        <span className="compare__sep" aria-hidden="true">
                          {cell?.differs ? '≠' : '='}
                        </span>
                        {cell?.b ? <ResponsibilityBadge value={cell.b} /> : <span className="muted">—</span>}
                        {cell?.differs && <span className="visually-hidden"> (differs)</span>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
