import { RACI_ROLES } from '@shared/domain';
import { QueryError } from '../../components/QueryError';
import { ResponsibilityBadge } from '../../components/ResponsibilityBadge';
import { useAsOfAsset } from './queries';

/** One asset as it was: owner, service model, each layer's responsibility, override, R/A/C/I and note, its findings. Read only. */
export function AsOfAssetPanel({ moment, id }: { moment: string; id: number }) {
  const detail = useAsOfAsset(moment, id);
  const data = detail.data;
  return (
    <section className="card" aria-label={data ? `${data.asset.name} as of ${moment}` : 'Asset as it was'}>
      <QueryError error={detail.error} />
      {data && (
        <>
          <h3>
            {data.asset.name} <span className="muted">as of {moment}</span>
          </h3>
          <dl className="as-of-facts">
            <dt>Owner</dt>
            <dd>{data.owner?.name ?? 'No owner'}</dd>
            <dt>Service model</dt>
            <dd>{data.model.serviceModels.find((c) => c.id === data.asset.serviceModel)?.label ?? 'Unclassified'}</dd>
            <dt>Responsibility model</dt>
            <dd>
              {data.model.name} ({data.model.version})
            </dd>
          </dl>
          <table className="as-of-table">
            <caption>Layers then</caption>
            <thead>
              <tr>
                <th scope="col">Layer</th>
                <th scope="col">Responsibility</th>
                {RACI_ROLES.map((role) => (
                  <th scope="col" key={role}>
                    {role}
                  </th>
                ))}
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {data.layers.map((layer) => (
                <tr key={layer.layerId}>
                  <th scope="row">{layer.title}</th>
                  <td>
                    <ResponsibilityBadge value={layer.responsibility} />
                    {layer.overridden && <span> overridden: {layer.justification}</span>}
                  </td>
                  {RACI_ROLES.map((role) => (
                    <td key={role}>{layer.names[role].join(', ') || '—'}</td>
                  ))}
                  <td>{layer.note?.text ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h4>Findings then</h4>
          {data.findings.length === 0 ? (
            <p className="muted">None.</p>
          ) : (
            <ul>
              {data.findings.map((f, i) => (
                <li key={`${f.code}-${f.layerId ?? ''}-${i}`}>
                  {f.severity}: {f.message}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
