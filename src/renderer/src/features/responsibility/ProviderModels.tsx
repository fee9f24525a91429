import { useState } from 'react';
import type { ModelSummary } from '@shared/contract/engine';
import { ASSET_PROVIDERS, type AssetProvider } from '@shared/import';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ModelChangeDialog } from './ModelChangeDialog';
import type { useModelMutations } from './useModels';

const DEFAULT = '';

/**
 * Which model each provider's assets are read under (those without a model of their own): AWS's
 * under AWS's model, Google Cloud's under Google's, the rest under the workbook's default. A change
 * is previewed in a dialog first.
 */
export function ProviderModels({
  models,
  modelByProvider,
  mutations
}: {
  models: ModelSummary[];
  modelByProvider: Record<string, string>;
  mutations: ReturnType<typeof useModelMutations>;
}) {
  const { previewProvider, setProvider } = mutations;
  const [asked, setAsked] = useState<{ provider: AssetProvider; modelId: string | null } | null>(null);
  const defaultModel = models.find((m) => m.isDefault) ?? models.find((m) => m.fallback);
  const held = (id: string) => models.some((m) => m.id === id);
  const nameOf = (id: string | null) => (id === null ? `the default model (${defaultModel?.name ?? '?'})` : (models.find((m) => m.id === id)?.name ?? id));
  const choose = (provider: AssetProvider, value: string) => {
    const modelId = value === DEFAULT ? null : value;
    setAsked({ provider, modelId });
    setProvider.reset();
    previewProvider.mutate({ provider, modelId });
  };
  const shown = asked !== null && previewProvider.data !== undefined && !previewProvider.isPending ? previewProvider.data : null;
  return (
    <section className="provider-models" aria-labelledby="provider-models-title">
      <h2 id="provider-models-title">Model per provider</h2>
      <p className="muted">An asset without a model of its own is read under its provider’s model; a provider not set here follows the default model.</p>
      <table className="provider-models__table">
        <thead>
          <tr>
            <th scope="col">Provider</th>
            <th scope="col">Model its assets are read under</th>
          </tr>
        </thead>
        <tbody>
          {ASSET_PROVIDERS.map((provider) => (
            <tr key={provider}>
              <th scope="row">{provider}</th>
              <td>
                <select
                  aria-label={`Model for ${provider} assets`}
                  value={modelByProvider[provider] ?? DEFAULT}
                  disabled={previewProvider.isPending || setProvider.isPending}
                  onChange={(event) => choose(provider, event.target.value)}
                >
                  <option value={DEFAULT}>Default model{defaultModel ? ` (${defaultModel.name})` : ''}</option>
                  {models.length > 0 && modelByProvider[provider] !== undefined && !held(modelByProvider[provider]) && (
                    <option value={modelByProvider[provider]} disabled>
                      “{modelByProvider[provider]}” — not in this workbook (its assets are read under {defaultModel?.name ?? 'the default model'})
                    </option>
                  )}
                  {models.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.name} ({m.version})
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {previewProvider.error && <ErrorBanner message={previewProvider.error.message} />}
      {shown && asked && (
        <ModelChangeDialog
          title={`Read ${asked.provider} assets under ${nameOf(asked.modelId)}?`}
          preview={shown}
          confirmLabel="Change the model"
          pending={setProvider.isPending}
          error={setProvider.error}
          onConfirm={() => setProvider.mutate(asked, { onSuccess: () => setAsked(null) })}
          onClose={() => {
            setAsked(null);
            previewProvider.reset();
          }}
        />
      )}
    </section>
  );
}
