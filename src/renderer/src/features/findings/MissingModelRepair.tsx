import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { FindingGroup } from '@shared/contract/engine';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call } from '../../lib/api';
import { ModelChangeDialog } from '../responsibility/ModelChangeDialog';
import { useModelChoices } from '../responsibility/queries';

const filter = { findingCode: 'MODEL_MISSING' } as const;

/**
 * The explicit repair of MODEL_MISSING: the assets naming a model the workbook does not hold are
 * read under another meanwhile, and nothing changes until the user chooses a model for them here
 * (previewed, then one logged, undoable edit). Until then the workbook is left exactly as it is.
 */
export function MissingModelRepair({ group }: { group: FindingGroup }) {
  const models = useModelChoices().data ?? [];
  const [chosen, setChosen] = useState('');
  const preview = useMutation({ mutationFn: (modelId: string) => call('assets.previewModel', { filter, modelId }) });
  const apply = useMutation({ mutationFn: (modelId: string) => call('assets.update', { filter, expectedCount: group.assets, set: { modelId } }) });
  const target = models.find((m) => m.id === chosen);
  const close = () => {
    preview.reset();
    apply.reset();
  };
  return (
    <section className="missing-model-repair" aria-labelledby="missing-model-repair-title">
      <h2 id="missing-model-repair-title">Choose a model for the {group.assets.toLocaleString()} assets whose model is missing</h2>
      <p className="muted">
        They name a responsibility model this workbook does not hold, and are read under another one until you choose. Nothing has been
        changed. Assets that follow a missing default or provider model get a model of their own here; to keep them following the setting,
        choose the default or the provider’s model under Responsibility instead.
      </p>
      <div className="missing-model-repair__form">
        <label className="field field--inline">
          <span>Read them under</span>
          <select value={chosen} onChange={(event) => setChosen(event.target.value)}>
            <option value="">Choose…</option>
            {models.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} ({m.version}){m.fallback ? ' — read under now' : ''}
              </option>
            ))}
          </select>
        </label>
        <button type="button" disabled={chosen === '' || preview.isPending} onClick={() => preview.mutate(chosen)}>
          Preview…
        </button>
      </div>
      {preview.error && <ErrorBanner message={preview.error.message} />}
      {preview.data && target && preview.data.toModelId === target.id && (
        <ModelChangeDialog
          title={`Read the ${group.assets.toLocaleString()} assets under ${target.name}?`}
          preview={preview.data}
          confirmLabel="Set the model"
          pending={apply.isPending}
          error={apply.error}
          onConfirm={() => apply.mutate(target.id, { onSuccess: () => preview.reset() })}
          onClose={close}
        />
      )}
    </section>
  );
}
