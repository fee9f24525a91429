import { OWNERSHIP_LABELS, type Baseline } from '@shared/contract/frameworks';
import { CONTROL_OWNERSHIPS, type MappedFramework } from '@shared/frameworks';
import type { AssetFilter } from '@shared/filter';
import { useOwnership } from './queries';

/** What the export will say for this scope: controls per ownership, before writing anything. */
export function OwnershipPreview({ framework, scope, baseline }: { framework: MappedFramework; scope: AssetFilter; baseline: Baseline }) {
  const ownership = useOwnership(framework, scope, baseline);
  if (ownership.isPending) return <p className="muted">Deriving ownership…</p>;
  if (ownership.isError) return <p className="muted">Ownership could not be derived: {ownership.error.message}</p>;
  const { counts, assets, controls } = ownership.data;
  const parts = CONTROL_OWNERSHIPS.filter((o) => counts[o] > 0).map((o) => `${OWNERSHIP_LABELS[o]} ${counts[o]}`);
  return (
    <p className="muted" data-testid="ownership-preview">
      {assets.toLocaleString()} {assets === 1 ? 'asset' : 'assets'} in scope · {controls.length} {framework === 'ccm' ? 'CCM controls' : 'NIST controls'}: {parts.join(' · ')}
    </p>
  );
}
