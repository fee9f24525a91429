import { useState } from 'react';
import type { Facet } from '@shared/contract/engine';
import type { SignOffFilter, SignOffScope } from '@shared/sign-off';
import { SignOffDialog } from './SignOffDialog';

const FIELDS = [
  { key: 'subscription', label: 'Subscription' },
  { key: 'resourceGroup', label: 'Resource group' },
  { key: 'tag', label: 'Tag (key or key=value)' },
  { key: 'type', label: 'Type' }
] as const;
type FieldKey = (typeof FIELDS)[number]['key'];

/**
 * Signs off the whole workbook, or the assets matching a filter (subscription, resource group,
 * tag, type, service model). The service models offered are the columns the workbook's assets are
 * in, labelled by their models (the inventory's facets).
 */
export function NewScopeSignOff({ serviceModels, today }: { serviceModels: readonly Facet[]; today: string }) {
  const [kind, setKind] = useState<'workbook' | 'filter'>('workbook');
  const [values, setValues] = useState<Record<FieldKey, string>>({ subscription: '', resourceGroup: '', tag: '', type: '' });
  const [serviceModel, setServiceModel] = useState('');
  const [scope, setScope] = useState<{ scope: SignOffScope; label: string } | null>(null);
  const filter: SignOffFilter = {};
  for (const f of FIELDS) if (values[f.key].trim() !== '') filter[f.key] = values[f.key].trim();
  const chosenModel = serviceModels.find((sm) => sm.value === serviceModel);
  if (chosenModel !== undefined) filter.serviceModel = chosenModel.value;
  const words = [
    ...FIELDS.filter((f) => filter[f.key] !== undefined).map((f) => `${f.label.replace(/ \(.*\)$/, '')} ${filter[f.key]}`),
    ...(chosenModel ? [chosenModel.value === 'none' ? 'Unclassified assets' : `${chosenModel.label ?? chosenModel.value} assets`] : [])
  ];
  const empty = words.length === 0;
  const open = () => {
    if (kind === 'workbook') setScope({ scope: { kind: 'workbook' }, label: 'Whole workbook' });
    else setScope({ scope: { kind: 'filter', filter }, label: words.join(' · ') });
  };
  return (
    <section className="card" aria-labelledby="new-sign-off-title">
      <h3 id="new-sign-off-title">Sign off a scope</h3>
      <fieldset className="sign-off-scope">
        <legend>Scope</legend>
        <label>
          <input type="radio" name="sign-off-kind" checked={kind === 'workbook'} onChange={() => setKind('workbook')} /> Whole workbook
        </label>
        <label>
          <input type="radio" name="sign-off-kind" checked={kind === 'filter'} onChange={() => setKind('filter')} /> Assets matching
        </label>
        {kind === 'filter' && (
          <div className="sign-off-filter">
            {FIELDS.map((f) => (
              <label key={f.key}>
                {f.label}
                <input value={values[f.key]} onChange={(e) => setValues({ ...values, [f.key]: e.target.value })} />
              </label>
            ))}
            <label>
              Service model
              <select value={serviceModel} onChange={(e) => setServiceModel(e.target.value)}>
                <option value="">any</option>
                {serviceModels.map((sm) => (
                  <option key={sm.value} value={sm.value}>
                    {sm.value === 'none' ? 'Unclassified' : (sm.label ?? sm.value)}
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
      </fieldset>
      <button type="button" className="primary" onClick={open} disabled={kind === 'filter' && empty}>
        Sign off…
      </button>
      {scope && <SignOffDialog scope={scope.scope} scopeLabel={scope.label} today={today} onClose={() => setScope(null)} />}
    </section>
  );
}
