import { useState } from 'react';
import type { AssetDetail } from '@shared/contract/engine';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useModelChoices } from '../responsibility/queries';
import { ModelChangeDialog } from '../responsibility/ModelChangeDialog';
import { useAssetModelChange } from './useAssetModelChange';

const FOLLOW = '';

/**
 * The responsibility model the asset is read under: its own choice, or its provider's (else the
 * workbook's default). Choosing another previews what moves, in a dialog, before anything changes.
 */
export function ModelField({ detail }: { detail: AssetDetail }) {
  const { asset, model } = detail;
  const models = useModelChoices().data ?? [];
  const { preview, apply } = useAssetModelChange(asset.id);
  const [asked, setAsked] = useState<string | null | undefined>(undefined);
  const choose = (value: string) => {
    const modelId = value === FOLLOW ? null : value;
    setAsked(modelId);
    apply.reset();
    preview.mutate(modelId);
  };
  const close = () => {
    setAsked(undefined);
    preview.reset();
  };
  const nameOf = (id: string | null) => (id === null ? 'its provider’s or the default model' : (models.find((m) => m.id === id)?.name ?? id));
  return (
    <>
      <label className="field">
        <span>Responsibility model</span>
        <select value={asset.modelId ?? FOLLOW} disabled={preview.isPending || apply.isPending} onChange={(event) => choose(event.target.value)}>
          <option value={FOLLOW}>{asset.modelId === null ? `${model.name} (its provider’s or the default)` : 'Its provider’s or the default model'}</option>
          {models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name} ({m.version})
            </option>
          ))}
        </select>
      </label>
      {preview.error && <ErrorBanner message={preview.error.message} />}
      {asked !== undefined && preview.data && (
        <ModelChangeDialog
          title={`Read ${asset.name} under ${nameOf(asked)}?`}
          preview={preview.data}
          confirmLabel="Change the model"
          pending={apply.isPending}
          error={apply.error}
          onConfirm={() => apply.mutate(asked, { onSuccess: close })}
          onClose={close}
        />
      )}
    </>
  );
}
