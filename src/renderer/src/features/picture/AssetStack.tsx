import './picture.css';
import { QueryError } from '../../components/QueryError';
import { SvgTree } from './SvgTree';
import { usePicture } from './queries';

/** One asset's stack: its single column of layers after its overrides, and where its line sits. */
export function AssetStack({ assetId }: { assetId: number }) {
  const picture = usePicture({ assetId, interactive: false, idPrefix: 'asset-stack' });
  const overridden = picture.data?.drawing.cells.filter((c) => c.overrides > 0).length ?? 0;
  return (
    <figure className="asset-stack">
      <QueryError error={picture.error} />
      {picture.data && (
        <>
          <SvgTree svg={picture.data.svg} width="100%" />
          <figcaption className="muted small">
            {picture.data.drawing.line === null
              ? 'No line: the asset has no service model yet.'
              : `The line under ${picture.data.drawing.columns[0]?.lineAfter ?? 0} of ${picture.data.drawing.rows.length} layers${overridden > 0 ? `; ${overridden} layer${overridden === 1 ? '' : 's'} overridden (marked “was …”)` : ''}.`}
          </figcaption>
        </>
      )}
    </figure>
  );
}
