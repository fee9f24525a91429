import { useId, useState } from 'react';
import type { AssetFilter } from '@shared/filter';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../lib/api';
import { assetKeys } from '../inventory/queries';


type ScopeKind = 'workbook' | 'subscription' | 'serviceModel' | 'asset';

const KINDS: { value: ScopeKind; label: string }[] = [
  { value: 'workbook', label: 'The whole workbook' },
  { value: 'subscription', label: 'One subscription' },
  { value: 'serviceModel', label: 'One service model' },
  { value: 'asset', label: 'One asset' }
];

/**
 * Which assets an export covers: the whole workbook, a subscription, a service model or one asset
 * (the same filter the inventory uses). Tells the parent the filter, or null while incomplete.
 */
export function ScopePicker({ disabled, onChange }: { disabled: boolean; onChange: (scope: AssetFilter | null) => void }) {
  const id = useId();
  const [kind, setKind] = useState<ScopeKind>('workbook');
  const [value, setValue] = useState('');
  const [search, setSearch] = useState('');
  const facets = useQuery({ queryKey: assetKeys.facets(), queryFn: () => call('assets.facets', {}), enabled: kind === 'subscription' || kind === 'serviceModel' });
  const matches = useQuery({
    queryKey: [...assetKeys.all, 'scope-search', search],
    queryFn: () => call('assets.list', { filter: { text: search }, limit: 20 }),
    enabled: kind === 'asset' && search.trim().length > 0
  });

  const choose = (next: ScopeKind, nextValue = '') => {
    setKind(next);
    setValue(nextValue);
    onChange(next === 'workbook' ? {} : null);
  };
  const pick = (nextValue: string) => {
    setValue(nextValue);
    if (nextValue === '') return onChange(null);
    if (kind === 'subscription') onChange({ subscription: nextValue });
    else if (kind === 'serviceModel') onChange({ serviceModel: nextValue });
    else if (kind === 'asset') onChange({ ids: [Number(nextValue)] });
  };
  const options =
    kind === 'subscription'
      ? (facets.data?.subscriptions ?? []).map((f) => ({ value: f.value, label: `${f.value} (${f.count.toLocaleString()})` }))
      : kind === 'serviceModel'
        ? (facets.data?.serviceModels ?? []).filter((f) => f.value !== 'none').map((f) => ({ value: f.value, label: `${f.label ?? f.value} (${f.count.toLocaleString()})` }))
        : (matches.data?.rows ?? []).map((row) => ({ value: String(row.id), label: `${row.name}${row.type ? ` — ${row.type}` : ''}` }));

  return (
    <fieldset disabled={disabled}>
      <legend>Scope</legend>
      {KINDS.map((option) => (
        <label key={option.value} className="export-form__choice">
          <input type="radio" name={`${id}-scope`} value={option.value} checked={kind === option.value} onChange={() => choose(option.value)} />
          <span>{option.label}</span>
        </label>
      ))}
      {kind === 'asset' && (
        <div className="export-form__field">
          <label htmlFor={`${id}-search`}>Find the asset</label>
          <input id={`${id}-search`} type="search" value={search} onChange={(event) => setSearch(event.target.value)} placeholder="Name, id, type…" />
        </div>
      )}
      {kind !== 'workbook' && (
        <div className="export-form__field">
          <label htmlFor={`${id}-value`}>{kind === 'subscription' ? 'Subscription' : kind === 'serviceModel' ? 'Service model' : 'Asset'}</label>
          <select id={`${id}-value`} value={value} onChange={(event) => pick(event.target.value)}>
            <option value="">Choose…</option>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      )}
    </fieldset>
  );
}
