import { useState } from 'react';
import { SERVICE_MODELS } from '@shared/domain';
import type { ModelSummary } from '@shared/contract/engine';
import { QueryError } from '../../components/QueryError';
import { ResponsibilityBadge } from '../../components/ResponsibilityBadge';
import { serviceModelLabel } from '../../lib/labels';
import { DrawnComparison } from '../picture/DrawnComparison';
import { useModelComparison } from './useModels';

const DEFAULT_A = 'microsoft-2026-01';
const DEFAULT_B = 'microsoft-classic-2023';

/** Two models side by side, cells that differ marked (in words as well as colour). */
export function ModelComparison({ models }: { models: ModelSummary[] }) {
  const pick = (preferred: string, fallback: number) => (models.some((model) => model.id === preferred) ? preferred : (models[fallback]?.id ?? null));
  const [a, setA] = useState<string | null>(() => pick(DEFAULT_A, 0));
  const [b, setB] = useState<string | null>(() => pick(DEFAULT_B, 1));
  const comparison = useModelComparison(a, b);
  const [drawn, setDrawn] = useState(false);
  const data = comparison.data;

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
                {SERVICE_MODELS.map((serviceModel) => (
                  <th scope="col" key={serviceModel}>
                    {serviceModelLabel(serviceModel)}
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
                  {SERVICE_MODELS.map((serviceModel) => {
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
