import { memo, useEffect, useRef } from 'react';
import { REFERENCE_FINDINGS } from '@core/reference-damage';
import { QueryError } from '../../components/QueryError';
import { ReferenceRepair } from '../findings/ReferenceRepair';
import { AssetStack } from '../picture/AssetStack';
import { AssetSignOffs } from '../sign-offs/AssetSignOffs';
import { todayIso } from '../../lib/labels';
import { AssetFacts } from './AssetFacts';
import { AttributeFields } from './AttributeFields';
import { AssetFindings } from './AssetFindings';
import { AssetHistory } from './AssetHistory';
import { ClassificationField } from './ClassificationField';
import { FocusedLayer } from './FocusedLayer';
import { LayerTable } from './LayerTable';
import { OwnerField } from './OwnerField';
import { useAsset } from './queries';
import { useAssetMutations } from './useAssetMutations';

/**
 * Everything about one asset beside the grid: facts, classification, owner, layers, RACI,
 * history. Memoised: typing in the search box beside it does not re-render it.
 */
interface AssetPanelProps {
  id: number;
  onClose: () => void;
  /** A layer to show first (the demarcation picture's cell the user came from). */
  focusLayer?: string | undefined;
}

export const AssetPanel = memo(function AssetPanel({ id, onClose, focusLayer }: AssetPanelProps) {
  const asset = useAsset(id);
  const mutations = useAssetMutations(id);
  const heading = useRef<HTMLHeadingElement>(null);
  const detail = asset.data;
  const loaded = detail !== undefined;

  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [id, loaded]);

  return (
    <aside className="asset-panel" aria-label="Asset details">
      <div className="asset-panel__head">
        <h3 ref={heading} tabIndex={-1} className="asset-panel__title">
          {detail?.asset.name ?? 'Loading…'}
        </h3>
        <button type="button" onClick={onClose} aria-label="Close asset panel">
          Close
        </button>
      </div>
      <QueryError error={asset.error} />
      {detail && (
        <div className="asset-panel__body">
          {focusLayer !== undefined && <FocusedLayer detail={detail} layerId={focusLayer} />}
          <ClassificationField detail={detail} mutations={mutations} />
          <OwnerField detail={detail} mutations={mutations} />
          <AttributeFields detail={detail} mutations={mutations} />
          <h4>Layers</h4>
          <AssetStack assetId={id} />
          <LayerTable detail={detail} mutations={mutations} focusLayer={focusLayer} />
          <AssetSignOffs detail={detail} today={todayIso()} />
          <h4>Findings</h4>
          {detail.findings.some((f) => REFERENCE_FINDINGS.has(f.code)) && <ReferenceRepair assetId={id} />}
          <AssetFindings findings={detail.findings} focusLayer={focusLayer} />
          <h4>Details</h4>
          <AssetFacts detail={detail} />
          <AssetHistory id={id} />
        </div>
      )}
    </aside>
  );
});
