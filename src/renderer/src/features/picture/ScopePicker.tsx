import type { PictureScope } from '@shared/picture';
import { formatCount } from '../../lib/labels';
import { useFacets } from '../inventory/queries';
import { useSavedSets } from '../saved-sets/queries';

export type ScopeKind = 'all' | 'subscription' | 'resourceGroup' | 'serviceModel' | 'tag' | 'owner' | 'set';

export interface ScopeChoice {
  kind: ScopeKind;
  value: string;
}

const KINDS: { kind: ScopeKind; label: string }[] = [
  { kind: 'all', label: 'Whole workbook' },
  { kind: 'subscription', label: 'Subscription' },
  { kind: 'resourceGroup', label: 'Resource group' },
  { kind: 'serviceModel', label: 'Service model' },
  { kind: 'tag', label: 'Tag' },
  { kind: 'owner', label: 'Owner' },
  { kind: 'set', label: 'Saved set' }
];

/** The picture's scope from the picker's choice (a kind without a value yet counts everything). */
export function scopeOf(choice: ScopeChoice): PictureScope {
  if (choice.kind === 'all' || choice.value === '') return {};
  if (choice.kind === 'owner') return { owner: choice.value === 'none' ? 'none' : Number(choice.value) };
  if (choice.kind === 'set') return { set: Number(choice.value) };
  if (choice.kind === 'serviceModel') return { serviceModel: choice.value as NonNullable<PictureScope['serviceModel']> };
  return { [choice.kind]: choice.value };
}

/** Which assets the picture counts: the whole workbook, a subscription, a group, a service model, a tag, an owner, a saved set. */
export function ScopePicker({ choice, onChange }: { choice: ScopeChoice; onChange: (next: ScopeChoice) => void }) {
  const facets = useFacets().data;
  const sets = useSavedSets().data;
  const values: { value: string; label: string }[] =
    choice.kind === 'subscription'
      ? (facets?.subscriptions ?? []).map((f) => ({ value: f.value, label: `${f.value} (${formatCount(f.count)})` }))
      : choice.kind === 'resourceGroup'
        ? (facets?.resourceGroups ?? []).map((f) => ({ value: f.value, label: `${f.value} (${formatCount(f.count)})` }))
        : choice.kind === 'tag'
          ? (facets?.tagKeys ?? []).map((f) => ({ value: f.value, label: `${f.value} (${formatCount(f.count)})` }))
          : choice.kind === 'owner'
            ? (facets?.owners ?? []).map((o) => ({ value: String(o.partyId), label: `${o.partyId === 'none' ? 'No owner' : o.name} (${formatCount(o.count)})` }))
            : choice.kind === 'serviceModel'
              ? (facets?.serviceModels ?? []).map((f) => ({ value: f.value, label: `${f.value === 'none' ? 'Unclassified' : (f.label ?? f.value)} (${formatCount(f.count)})` }))
              : choice.kind === 'set'
                ? (sets ?? []).map((s) => ({ value: String(s.id), label: `${s.name} (${formatCount(s.assets)})` }))
                : [];
  return (
    <div className="scope-picker" role="group" aria-label="Scope">
      <label className="field field--inline">
        <span>Scope</span>
        <select value={choice.kind} onChange={(event) => onChange({ kind: event.target.value as ScopeKind, value: '' })}>
          {KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </label>
      {choice.kind !== 'all' && (
        <label className="field field--inline">
          <span>{KINDS.find((k) => k.kind === choice.kind)?.label}</span>
          <select value={choice.value} onChange={(event) => onChange({ ...choice, value: event.target.value })}>
            <option value="">Choose…</option>
            {values.map((v) => (
              <option key={v.value} value={v.value}>
                {v.label}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
