import type { PartyHoldings } from '@shared/contract/engine';

/** Everything a party holds: assets it owns and roles on asset layers. */
export function HoldingsList({ holdings }: { holdings: PartyHoldings }) {
  const { ownerOf, assignments } = holdings;
  if (ownerOf.length === 0 && assignments.length === 0) return <p className="muted">{holdings.party.name} holds nothing.</p>;
  return (
    <div className="holdings">
      <p>
        <strong>{holdings.party.name}</strong> owns {ownerOf.length} {ownerOf.length === 1 ? 'asset' : 'assets'} and holds {assignments.length}{' '}
        {assignments.length === 1 ? 'role' : 'roles'}.
      </p>
      <ul className="holdings__list" aria-label={`Held by ${holdings.party.name}`}>
        {ownerOf.slice(0, 100).map((item) => (
          <li key={`o-${item.assetId}`}>Owner of {item.assetName}</li>
        ))}
        {assignments.slice(0, 100).map((item) => (
          <li key={`a-${item.assetId}-${item.layerId}-${item.role}`}>
            {item.role} on {item.assetName} · {item.layerTitle}
          </li>
        ))}
        {ownerOf.length + assignments.length > 200 && <li className="muted">…and more</li>}
      </ul>
    </div>
  );
}
