import { QueryError } from '../../components/QueryError';
import { ReferenceDamageItem } from './ReferenceDamageItem';
import { useReferenceDamage } from './queries';

/**
 * The explicit repair of damaged references (PARTY_MISSING, NO_OWNER naming a missing id,
 * LAYER_MISSING): each missing party and unknown layer with what names it, and what can be done
 * with its rows — previewed, then one logged, undoable edit. For the workbook under Findings, for
 * one asset in its panel. Nothing changes until the user chooses.
 */
export function ReferenceRepair({ assetId }: { assetId?: number }) {
  const damage = useReferenceDamage(assetId);
  const data = damage.data;
  const titleId = assetId === undefined ? 'reference-repair-title' : `reference-repair-title-${assetId}`;
  if (damage.error) return <QueryError error={damage.error} />;
  if (data === undefined || (data.missingParties.length === 0 && data.unknownLayers.length === 0)) return null;
  return (
    <section className="reference-repair" aria-labelledby={titleId} data-testid="reference-repair">
      <h2 id={titleId}>{assetId === undefined ? 'Repair rows naming what the workbook does not hold' : 'Damaged rows'}</h2>
      <p className="muted">
        These rows name a party that is no longer in the parties list, or a layer the model does not have (a file edited by hand, an older
        version, a bad merge). They hold nothing until you decide; nothing has been changed. Each repair is previewed first and is one step
        that Undo takes back.
      </p>
      <ul className="reference-repair__list">
        {data.missingParties.map((party) => (
          <ReferenceDamageItem key={`party-${party.partyId}`} assetId={assetId} damage={{ kind: 'party', ...party }} />
        ))}
        {data.unknownLayers.map((layer) => (
          <ReferenceDamageItem key={`layer-${layer.layerId}`} assetId={assetId} damage={{ kind: 'layer', ...layer }} />
        ))}
      </ul>
    </section>
  );
}
