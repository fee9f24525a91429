import type { AssetLayerDetail } from '@shared/contract/engine';
import { RACI_ROLES } from '@shared/domain';
import { ResponsibilityBadge } from '../../components/ResponsibilityBadge';

interface LayerRowProps {
  layer: AssetLayerDetail;
  /** Marked as the layer the user came for. */
  focused: boolean;
  onOverride: () => void;
  onClear: () => void;
  onEditRaci: () => void;
  clearing: boolean;
  error: string | null;
}

/** One layer: who carries it (published vs in force), and the customer side's RACI. */
export function LayerRow({ layer, focused, onOverride, onClear, onEditRaci, clearing, error }: LayerRowProps) {
  const customerSide = layer.responsibility !== 'provider';
  return (
    <tr data-layer={layer.layerId} className={focused ? 'layers__row--focus' : undefined} aria-current={focused ? 'location' : undefined}>
      <th scope="row" className="layers__title">
        {layer.title}
        {layer.permanentCustomer && <span className="muted small"> · always customer</span>}
      </th>
      <td>
        <ResponsibilityBadge value={layer.responsibility} />
        {layer.overridden ? (
          <div className="small">
            <span className="overridden">Overridden</span> (published <ResponsibilityBadge value={layer.published} />)
            {layer.justification && <div className="muted">“{layer.justification}”</div>}
          </div>
        ) : (
          <div className="small muted">Published</div>
        )}
        {layer.operatedBy && <div className="small muted">Operated by {layer.operatedBy}</div>}
        <div className="layers__actions">
          <button type="button" className="small-button" onClick={onOverride} aria-label={`Override ${layer.title}`}>
            Override…
          </button>
          {layer.overridden && (
            <button type="button" className="small-button" onClick={onClear} disabled={clearing} aria-label={`Clear override of ${layer.title}`}>
              Clear
            </button>
          )}
        </div>
      </td>
      <td>
        {customerSide ? (
          <>
            <dl className="raci">
              {RACI_ROLES.map((role) => (
                <div key={role} className="raci__row">
                  <dt>{role}</dt>
                  <dd>
                    {layer.names[role].length > 0 ? layer.names[role].join(', ') : <span className="muted">—</span>}
                    {layer.raci.defaultRoles.includes(role) && layer.names[role].length > 0 && <em className="raci__default"> default</em>}
                  </dd>
                </div>
              ))}
            </dl>
            <button type="button" className="small-button" onClick={onEditRaci} aria-label={`Edit RACI of ${layer.title}`}>
              Edit RACI…
            </button>
          </>
        ) : (
          <span className="muted small">Provider’s layer</span>
        )}
        {layer.note && (
          <p className="small">
            <span className="muted">
              Note by {layer.note.by}, {layer.note.at.slice(0, 10)}:
            </span>{' '}
            {layer.note.text}
          </p>
        )}
        {layer.ruleErrors.map((ruleError) => (
          <p key={ruleError.rule} className="rule-error">
            {ruleError.message}
          </p>
        ))}
        {error && (
          <p role="alert" className="inline-error">
            {error}
          </p>
        )}
      </td>
    </tr>
  );
}
