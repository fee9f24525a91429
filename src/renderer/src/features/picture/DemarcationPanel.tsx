import './picture.css';
import { useCallback, useState } from 'react';
import type { PictureCell } from '@shared/picture';
import { ErrorBanner } from '../../components/ErrorBanner';
import { QueryError } from '../../components/QueryError';
import type { SectionProps } from '../../lib/navigation';
import { useModelList } from '../responsibility/queries';
import { CellDetail } from './CellDetail';
import { PictureCanvas } from './PictureCanvas';
import { PictureTable } from './PictureTable';
import { PresentOverlay } from './PresentOverlay';
import { ScopePicker, scopeOf, type ScopeChoice } from './ScopePicker';
import { usePicture, useSavePicture } from './queries';

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;

interface DemarcationPanelProps {
  navigate: SectionProps['navigate'];
  /** The Dashboard's smaller version: no model choice, fitted to the width. */
  compact?: boolean;
}

/**
 * The demarcation picture with its controls: scope, model, picture or table, zoom, presentation,
 * saving; a cell opens the inventory on its assets.
 */
export function DemarcationPanel({ navigate, compact = false }: DemarcationPanelProps) {
  const [choice, setChoice] = useState<ScopeChoice>({ kind: 'all', value: '' });
  const [modelId, setModelId] = useState<string | null>(null);
  const [asTable, setAsTable] = useState(false);
  const [zoom, setZoom] = useState<number | 'fit'>('fit');
  const [presenting, setPresenting] = useState(false);
  const [active, setActive] = useState<PictureCell | null>(null);
  const scope = scopeOf(choice);
  const picture = usePicture({ scope, modelId });
  const models = useModelList().data ?? [];
  const save = useSavePicture();
  const view = picture.data;

  const open = useCallback(
    (cell: PictureCell) => {
      const layer = view?.drawing.rows.find((r) => r.id === cell.layerId)?.title ?? cell.layerId;
      const column = view?.drawing.columns.find((c) => c.serviceModel === cell.serviceModel)?.label ?? cell.serviceModel;
      const params: Record<string, string> = { serviceModel: cell.serviceModel, layer: cell.layerId, fromPicture: `${column} × ${layer}` };
      if (choice.kind !== 'all' && choice.value !== '') params[choice.kind] = choice.value;
      navigate('inventory', params);
    },
    [navigate, view, choice]
  );
  const closePresent = useCallback(() => setPresenting(false), []);
  const step = (direction: 1 | -1) => {
    const current = zoom === 'fit' ? 1 : zoom;
    const index = ZOOMS.findIndex((z) => z >= current);
    const next = ZOOMS[Math.max(0, Math.min(ZOOMS.length - 1, (index < 0 ? ZOOMS.length - 1 : index) + direction))] ?? 1;
    setZoom(next);
  };
  const width = view === undefined ? '100%' : zoom === 'fit' ? '100%' : Math.round(view.drawing.width * zoom);

  return (
    <section className={compact ? 'demarcation demarcation--compact' : 'demarcation'} aria-labelledby="demarcation-title">
      <h3 id="demarcation-title" className={compact ? undefined : 'visually-hidden'}>
        The demarcation line
      </h3>
      <div className="demarcation__toolbar">
        <ScopePicker choice={choice} onChange={setChoice} />
        {!compact && models.length > 1 && (
          <label className="field field--inline">
            <span>Model</span>
            <select value={modelId ?? ''} onChange={(event) => setModelId(event.target.value === '' ? null : event.target.value)}>
              <option value="">The workbook’s model</option>
              {models.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name} ({m.assetCount.toLocaleString()} assets)
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" aria-pressed={asTable} onClick={() => setAsTable((t) => !t)}>
          {asTable ? 'Show as picture' : 'Show as table'}
        </button>
        {!asTable && !compact && (
          <div className="demarcation__zoom" role="group" aria-label="Zoom">
            <button type="button" onClick={() => step(-1)} aria-label="Zoom out">
              −
            </button>
            <button type="button" onClick={() => setZoom('fit')} aria-pressed={zoom === 'fit'}>
              {zoom === 'fit' ? 'Fit' : `${Math.round(zoom * 100)}%`}
            </button>
            <button type="button" onClick={() => step(1)} aria-label="Zoom in">
              +
            </button>
          </div>
        )}
        <button type="button" onClick={() => setPresenting(true)} disabled={view === undefined}>
          Present
        </button>
        {!compact && (
          <>
            <button type="button" disabled={view === undefined || save.isPending} onClick={() => save.mutate({ format: 'png', scope, modelId })}>
              Save PNG…
            </button>
            <button type="button" disabled={view === undefined || save.isPending} onClick={() => save.mutate({ format: 'svg', scope, modelId })}>
              Save SVG…
            </button>
          </>
        )}
      </div>
      {save.data && <p role="status">Saved {save.data.path}</p>}
      {save.error && <ErrorBanner message={save.error.message} />}
      <QueryError error={picture.error} />
      {view === undefined && picture.isPending && <p aria-busy="true">Drawing the line…</p>}
      {view !== undefined &&
        !presenting &&
        (asTable ? (
          <PictureTable drawing={view.drawing} onOpen={open} />
        ) : (
          <div className="demarcation__body">
            <div className="demarcation__scroll">
              <PictureCanvas view={view} width={width} onOpen={open} onActive={setActive} label={`${view.drawing.title}: ${view.drawing.scopeLabel}`} />
            </div>
            {!compact && <CellDetail drawing={view.drawing} cell={active} />}
          </div>
        ))}
      {presenting && view !== undefined && (
        <PresentOverlay onClose={closePresent}>
          <PictureCanvas view={view} width="100%" onOpen={open} onActive={setActive} label={`${view.drawing.title} (presentation)`} />
        </PresentOverlay>
      )}
    </section>
  );
}
