import type { AssetDetail } from '@shared/contract/engine';
import { useActivePeopleAndTeams } from '../parties/queries';
import type { useAssetMutations } from './useAssetMutations';

/** The asset's owner: an active person or team. A departed owner stays visible until changed. */
export function OwnerField({ detail, mutations }: { detail: AssetDetail; mutations: ReturnType<typeof useAssetMutations> }) {
  const people = useActivePeopleAndTeams();
  const { update } = mutations;
  const owner = detail.owner;
  return (
    <label className="field">
      <span>Owner</span>
      <select
        value={owner ? String(owner.id) : 'none'}
        disabled={update.isPending}
        onChange={(event) => update.mutate({ ownerPartyId: event.target.value === 'none' ? null : Number(event.target.value) })}
      >
        <option value="none">No owner</option>
        {owner && !owner.active && (
          <option value={owner.id} disabled>
            {owner.name} (left)
          </option>
        )}
        {people.map((party) => (
          <option key={party.id} value={party.id}>
            {party.name}
          </option>
        ))}
      </select>
    </label>
  );
}
