import { useState } from 'react';
import { ErrorBanner } from '../../components/ErrorBanner';
import { QueryError } from '../../components/QueryError';
import type { SectionProps } from '../../lib/navigation';
import { ModelChangeDialog } from './ModelChangeDialog';
import { ModelComparison } from './ModelComparison';
import { ModelMatrix } from './ModelMatrix';
import { ProviderModels } from './ProviderModels';
import { useModel, useModelList } from './queries';
import { useModelMutations } from './useModels';

/** The responsibility models: the one in use, any other, a comparison, and changing the default. */
export function ResponsibilityView({ info }: SectionProps) {
  const list = useModelList();
  const models = list.data ?? [];
  const [viewed, setViewed] = useState<string | null>(null);
  const [candidate, setCandidate] = useState('');
  const mutations = useModelMutations();
  const { preview, setDefault, importModel } = mutations;
  const inUse = models.find((summary) => summary.isDefault);
  // A default the workbook does not hold (MODEL_MISSING): its assets are read under the fallback.
  const fallback = list.isSuccess && inUse === undefined ? models.find((summary) => summary.fallback) : undefined;
  const shownId = viewed ?? fallback?.id ?? info.defaultModelId;
  const model = useModel(list.isSuccess ? shownId : null);
  const candidateSummary = models.find((summary) => summary.id === candidate);

  return (
    <div className="responsibility">
      <QueryError error={list.error} />
      <section className="model-bar" aria-label="Model in use">
        {fallback ? (
          <p className="missing-model" data-testid="missing-default-model">
            The default model “{info.defaultModelId}” is not in this workbook: the assets following it are read under{' '}
            <strong>
              {fallback.name} ({fallback.version})
            </strong>{' '}
            until you choose a default model below. Nothing has been changed.
          </p>
        ) : (
          <p>
            This workbook uses <strong>{inUse ? `${inUse.name} (${inUse.version})` : info.defaultModelId}</strong>
            {inUse && <span className="muted"> — {inUse.assetCount.toLocaleString()} assets</span>}.
          </p>
        )}
        <div className="model-bar__actions">
          <label className="field field--inline">
            <span>Show model</span>
            <select value={shownId} onChange={(event) => setViewed(event.target.value)}>
              {models.map((summary) => (
                <option key={summary.id} value={summary.id}>
                  {summary.name} ({summary.version}){summary.isDefault ? ' — in use' : ''}
                </option>
              ))}
            </select>
          </label>
          <label className="field field--inline">
            <span>Change model to</span>
            <select value={candidate} onChange={(event) => setCandidate(event.target.value)}>
              <option value="">Choose…</option>
              {models
                .filter((summary) => !summary.isDefault)
                .map((summary) => (
                  <option key={summary.id} value={summary.id}>
                    {summary.name} ({summary.version})
                  </option>
                ))}
            </select>
          </label>
          <button type="button" disabled={!candidate || preview.isPending} onClick={() => preview.mutate(candidate)}>
            Preview change…
          </button>
          <button type="button" disabled={importModel.isPending} onClick={() => importModel.mutate()}>
            Import a custom model…
          </button>
        </div>
        {importModel.data && <p role="status">Imported {importModel.data.name} ({importModel.data.version}).</p>}
        {importModel.error && <ErrorBanner message={importModel.error.message} />}
        {preview.error && <ErrorBanner message={preview.error.message} />}
      </section>
      <QueryError error={model.error} />
      {model.data && <ModelMatrix model={model.data} />}
      {models.length >= 2 && <ModelComparison models={models} />}
      <ProviderModels models={models} modelByProvider={info.modelByProvider} mutations={mutations} />
      {preview.data && candidateSummary && preview.data.toModelId === candidate && (
        <ModelChangeDialog
          title={`Use “${candidateSummary.name}” as the default model?`}
          preview={preview.data}
          confirmLabel="Change the model"
          pending={setDefault.isPending}
          error={setDefault.error}
          onConfirm={() => setDefault.mutate(preview.data.toModelId, { onSuccess: () => preview.reset() })}
          onClose={() => preview.reset()}
        />
      )}
    </div>
  );
}
