import type { ModelChangeSummary } from '@shared/contract/engine';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Pending } from '../../components/Pending';

interface ModelChangeDialogProps {
  title: string;
  preview: ModelChangeSummary;
  confirmLabel: string;
  pending: boolean;
  error: Error | null;
  onConfirm: () => void;
  onClose: () => void;
}

/**
 * What moving assets to another responsibility model would do, before it is done: which assets,
 * the service models that take another column (or none), the layers whose responsibility moves,
 * the overrides and roles left without a layer. The default model, a provider's model and an
 * asset's own model all change through it.
 */
export function ModelChangeDialog({ title, preview, confirmLabel, pending, error, onConfirm, onClose }: ModelChangeDialogProps) {
  const facts: [string, number][] = [
    ['Assets affected', preview.assetsAffected],
    ['Layer changes', preview.layerChanges],
    ['Overrides left without a layer', preview.orphanedOverrides],
    ['RACI assignments left without a layer', preview.orphanedAssignments],
    ['Overrides the new model refuses', preview.refusedOverrides]
  ];
  return (
    <Dialog
      title={title}
      onClose={() => !pending && onClose()}
      wide
      actions={
        <>
          <button type="button" onClick={onClose} disabled={pending}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={pending} onClick={onConfirm}>
            {confirmLabel}
          </button>
        </>
      }
    >
      <p data-testid="model-change-scope">
        Moves {preview.assets} from <code>{preview.fromModelId}</code> to <code>{preview.toModelId}</code>. One step: undo puts everything back.
      </p>
      <dl className="facts">
        {facts.map(([label, value]) => (
          <div key={label} className="facts__row">
            <dt>{label}</dt>
            <dd>{value.toLocaleString()}</dd>
          </div>
        ))}
      </dl>
      {preview.serviceModelMoves.length > 0 && (
        <>
          <h3>Service models</h3>
          {/* Focusable: the list scrolls when long, and a keyboard user must reach it. */}
          <ul className="examples" data-testid="model-change-columns" tabIndex={0} aria-label="Service models that move">
            {preview.serviceModelMoves.map((move) => (
              <li key={`${move.from}|${move.to ?? ''}`}>
                {move.count.toLocaleString()} × {move.fromLabel} →{' '}
                {move.toLabel ?? <strong>no matching column: these assets become unclassified</strong>}
              </li>
            ))}
          </ul>
        </>
      )}
      {preview.examples.length > 0 && (
        <>
          <h3>Examples</h3>
          <ul className="examples" tabIndex={0} aria-label="Examples of what changes">
            {preview.examples.slice(0, 30).map((example, index) => (
              <li key={index}>{example}</li>
            ))}
          </ul>
        </>
      )}
      {pending && <Pending label="Changing the model…" />}
      {error && <ErrorBanner message={error.message} />}
    </Dialog>
  );
}
