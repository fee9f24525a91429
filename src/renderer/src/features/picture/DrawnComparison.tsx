import './picture.css';
import type { ModelSummary } from '@shared/contract/engine';
import { QueryError } from '../../components/QueryError';
import { SvgTree } from './SvgTree';
import { usePictureComparison } from './queries';

/**
 * Two models drawn side by side over the assets of the left one; the cells where the line moved
 * are outlined (dashed) in both, and listed in words.
 */
export function DrawnComparison({ a, b, models }: { a: string | null; b: string | null; models: ModelSummary[] }) {
  const comparison = usePictureComparison(a, b);
  const data = comparison.data;
  const name = (id: string | null) => models.find((m) => m.id === id)?.name ?? id ?? '';
  if (a === b) return <p className="muted">Choose two different models to draw them side by side.</p>;
  return (
    <div className="drawn-comparison">
      <QueryError error={comparison.error} />
      {data && (
        <>
          <p role="status">
            {data.diff.lineMovedCells === 0
              ? 'The line sits in the same place in both models.'
              : `The line moved in ${data.diff.lineMovedCells} cell${data.diff.lineMovedCells === 1 ? '' : 's'} (${data.diff.lineMovedIn
                  .map((sm) => data.a.drawing.columns.find((c) => c.serviceModel === sm)?.label ?? sm)
                  .join(', ')}): outlined in both pictures.`}
          </p>
          <div className="drawn-comparison__pair">
            <figure aria-label={`Left: ${name(a)}`}>
              <SvgTree svg={data.a.svg} width="100%" />
            </figure>
            <figure aria-label={`Right: ${name(b)}`}>
              <SvgTree svg={data.b.svg} width="100%" />
            </figure>
          </div>
        </>
      )}
    </div>
  );
}
