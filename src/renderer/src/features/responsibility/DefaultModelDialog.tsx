import type { ModelChangeSummary } from '@shared/contract/engine';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Pending } from '../../components/Pending';
import type { useModelMutations } from './useModels';

/** What changing the workbook's model would do, before it is done. */
export function DefaultModelDialog({
  modelName,
  preview,
  mutations,
  onClose
}: {
  modelName: string;
  preview: ModelChangeSummary;
  mutations: ReturnType<typeof useModelMutations>;
  onClose: () => void;
}) {
  const { setDefault } = mutations;
  const facts: [string, number][] = [
    ['Assets affected', preview.assetsAffected],
    ['Layer changes', preview.layerChanges],
    ['Overrides left without a layer', preview.orphanedOverrides],
    ['RACI assignments left without a layer', preview.orphanedAssignments],
    ['Overrides the new model refuses', preview.refusedOverrides]
  ];
  return (
    <Dialog
      title={`Use “${modelName}” for this workbook?`}
      onClose={onClose}
      wide
      actions={
        <>
          <button type="button" onClick={onClose} disabled={setDefault.isPending}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={setDefault.isPending} onClick={() => setDefault.mutate(preview.toModelId, { onSuccess: onClose })}>
            Change the model
          </button>
        </>
      }
    >
      <dl className="facts">
        {facts.map(([label, value]) => (
          <div key={label} className="facts__row">
            <dt>{label}</dt>
            <dd>{value.toLocaleString()}</dd>
          </div>
        ))}
      </dl>
      {preview.examples.length > 0 && (
        <>
          <h3>Examples</h3>
          <ul className="examples">
            {preview.examples.slice(0, 30).map((example, index) => (
              <li key={index}>{example}</li>
            ))}
          </ul>
        </>
      )}
      {setDefault.isPending && <Pending label="Changing the model…" />}
      {setDefault.error && <ErrorBanner message={setDefault.error.message} />}
    </Dialog>
  );
}
