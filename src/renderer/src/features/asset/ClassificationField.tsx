import type { AssetDetail } from '@shared/contract/engine';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ModelField } from './ModelField';
import type { useAssetMutations } from './useAssetMutations';

/** The service model, why the classifier chose it, and whether it needs a human look. */
export function ClassificationField({ detail, mutations }: { detail: AssetDetail; mutations: ReturnType<typeof useAssetMutations> }) {
  const { asset, classification } = detail;
  const { update } = mutations;
  return (
    <div className="classification">
      <ModelField detail={detail} />
      <label className="field">
        <span>Service model</span>
        <select
          value={asset.serviceModel ?? 'none'}
          disabled={update.isPending}
          onChange={(event) => update.mutate({ serviceModel: event.target.value === 'none' ? null : event.target.value })}
        >
          {detail.model.serviceModels.map((column) => (
            <option key={column.id} value={column.id} title={column.description ?? undefined}>
              {column.label}
            </option>
          ))}
          <option value="none">Unclassified</option>
        </select>
      </label>
      <p className="classification__reason">
        {asset.serviceModelSource === 'manual' ? 'Set by hand. ' : ''}
        {classification.reason ?? 'No reason recorded.'}
        {classification.confidence && classification.confidence !== 'none' && <span className="muted"> (confidence {classification.confidence})</span>}
      </p>
      {classification.needsReview && (
        <p className="review-flag">
          <strong>Needs review:</strong> this type is known to be ambiguous.{' '}
          <button type="button" onClick={() => update.mutate({ reviewed: true })} disabled={update.isPending}>
            Mark reviewed
          </button>
        </p>
      )}
      {update.error && <ErrorBanner message={update.error.message} />}
    </div>
  );
}
