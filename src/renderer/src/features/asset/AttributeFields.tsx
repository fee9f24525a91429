import { ASSET_ATTRIBUTES, ATTRIBUTE_VOCABULARY, attributeLabel } from '@shared/asset-attributes';
import type { AssetDetail } from '@shared/contract/engine';
import type { useAssetMutations } from './useAssetMutations';

/** The asset's criticality, data classification and environment, each a choice of its vocabulary or "Not stated". */
export function AttributeFields({ detail, mutations }: { detail: AssetDetail; mutations: ReturnType<typeof useAssetMutations> }) {
  const { update } = mutations;
  return (
    <div className="asset-attributes">
      {ASSET_ATTRIBUTES.map((attribute) => {
        const vocabulary = ATTRIBUTE_VOCABULARY[attribute];
        const current = detail.asset[attribute];
        const values: readonly string[] = vocabulary.values;
        return (
          <label key={attribute} className="field">
            <span>{vocabulary.label}</span>
            <select
              value={current ?? ''}
              disabled={update.isPending}
              onChange={(event) => update.mutate({ [attribute]: event.target.value === '' ? null : event.target.value })}
            >
              <option value="">Not stated</option>
              {/* A value outside the vocabulary (a hand-edited file) stays visible until changed. */}
              {current !== null && !values.includes(current) && (
                <option value={current} disabled>
                  {current}
                </option>
              )}
              {values.map((value) => (
                <option key={value} value={value}>
                  {attributeLabel(attribute, value)}
                </option>
              ))}
            </select>
          </label>
        );
      })}
    </div>
  );
}
