import { useState } from 'react';
import type { AssetDetail } from '@shared/contract/engine';
import { LayerRow } from './LayerRow';
import { OverrideDialog } from './OverrideDialog';
import { RaciDialog } from './RaciDialog';
import type { useAssetMutations } from './useAssetMutations';

/** Every layer of the asset's model, with override and RACI editing. */
interface LayerTableProps {
  detail: AssetDetail;
  mutations: ReturnType<typeof useAssetMutations>;
  /** The layer marked and scrolled to (the picture's cell the user came from). */
  focusLayer?: string | undefined;
}

export function LayerTable({ detail, mutations, focusLayer }: LayerTableProps) {
  const [editing, setEditing] = useState<{ kind: 'override' | 'raci'; layerId: string } | null>(null);
  const [clearingLayer, setClearingLayer] = useState<string | null>(null);
  const layer = editing ? detail.layers.find((candidate) => candidate.layerId === editing.layerId) : undefined;
  const { clearOverride } = mutations;

  return (
    <>
      <table className="layers">
        <caption className="visually-hidden">Responsibility and RACI per layer</caption>
        <thead>
          <tr>
            <th scope="col">Layer</th>
            <th scope="col">Responsibility</th>
            <th scope="col">RACI (customer side)</th>
          </tr>
        </thead>
        <tbody>
          {detail.layers.map((candidate) => (
            <LayerRow
              key={candidate.layerId}
              layer={candidate}
              focused={candidate.layerId === focusLayer}
              onOverride={() => setEditing({ kind: 'override', layerId: candidate.layerId })}
              onEditRaci={() => setEditing({ kind: 'raci', layerId: candidate.layerId })}
              onClear={() => {
                setClearingLayer(candidate.layerId);
                clearOverride.mutate(candidate.layerId);
              }}
              clearing={clearOverride.isPending}
              error={clearingLayer === candidate.layerId && clearOverride.error ? clearOverride.error.message : null}
            />
          ))}
        </tbody>
      </table>
      {editing?.kind === 'override' && layer && <OverrideDialog layer={layer} mutations={mutations} onClose={() => setEditing(null)} />}
      {editing?.kind === 'raci' && layer && <RaciDialog layer={layer} mutations={mutations} onClose={() => setEditing(null)} />}
    </>
  );
}
