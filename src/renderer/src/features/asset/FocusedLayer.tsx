import type { AssetDetail } from '@shared/contract/engine';
import { ResponsibilityBadge } from '../../components/ResponsibilityBadge';

/**
 * The layer the user came for (a cell of the demarcation picture), summed up at the top of the
 * asset panel: who carries it, who is Accountable, how many findings it has. The layer's row below
 * is marked too.
 */
export function FocusedLayer({ detail, layerId }: { detail: AssetDetail; layerId: string }) {
  const layer = detail.layers.find((candidate) => candidate.layerId === layerId);
  if (layer === undefined) return null;
  const findings = detail.findings.filter((finding) => finding.layerId === layerId).length;
  const accountable = layer.names.A;
  return (
    <p className="note focused-layer" data-layer={layerId}>
      <strong>{layer.title}</strong> (the picture’s cell): <ResponsibilityBadge value={layer.responsibility} />
      {layer.overridden && ' overridden'}
      {layer.responsibility !== 'provider' && <> · Accountable: {accountable.length > 0 ? accountable.join(', ') : <strong>nobody</strong>}</>}
      {' · '}
      {findings === 0 ? 'no findings' : findings === 1 ? '1 finding' : `${findings} findings`}
    </p>
  );
}
