import { useState } from 'react';
import type { AssetDetail } from '@shared/contract/engine';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useModelChoices } from '../responsibility/queries';
import { ModelChangeDialog } from '../responsibility/ModelChangeDialog';
import { MissingModelNotice } from './MissingModelNotice';
import { useAssetModelChange } from './useAssetModelChange';

const FOLLOW = '';

/**
 * The responsibility model the asset is read under: its own choice, or its provider's (else the
 * workbook's default). Choosing another previews what moves, in a dialog, before anything changes.
 * A model the asset names but the workbook does not hold is said above it, with the repair.
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
  const { missing } = model;
  return (
    <>
      {missing && <MissingModelNotice missing={missing} readUnder={model.name} busy={preview.isPending || apply.isPending} onKeep={() => choose(model.id)} />}
      <label className="field">
        <span>Responsibility model</span>
        <select value={asset.modelId ?? FOLLOW} disabled={preview.isPending || apply.isPending} onChange={(event) => choose(event.target.value)}>
          <option value={FOLLOW}>
            {asset.modelId !== null
              ? 'Its provider’s or the default model'
              : missing
                ? `${model.name} (in place of the missing “${missing.id}”)`
                : `${model.name} (its provider’s or the default)`}
          </option>
          {missing?.source === 'asset' && (
            <option value={missing.id} disabled>
              “{missing.id}” — not in this workbook
            </option>
          )}
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
