import { memo } from 'react';
import { ASSET_ATTRIBUTES, ATTRIBUTE_VOCABULARY, attributeLabel, type AssetAttribute } from '@shared/asset-attributes';
import { FINDING_CODES } from '@shared/domain';
import type { AssetFilter } from '@shared/filter';
import { findingCodeLabel, formatCount } from '../../lib/labels';
import { FacetSelect } from './FacetSelect';
import { useFacets } from './queries';

/** The facet menus' choices ('' = any); the search text is kept apart (SearchBox). */
export interface FilterDraft {
  type: string;
  serviceModel: string;
  owner: string;
  subscription: string;
  resourceGroup: string;
  tag: string;
  findingCode: string;
  /** 'seen', 'not-seen' or '' (any): the last import of the asset's scope. */
  seen: string;
  /** A level, 'none' or '' (any). */
  criticality: string;
  dataClassification: string;
  environment: string;
}

export const EMPTY_DRAFT: FilterDraft = {
  type: '',
  serviceModel: '',
  owner: '',
  subscription: '',
  resourceGroup: '',
  tag: '',
  findingCode: '',
  seen: '',
  criticality: '',
  dataClassification: '',
  environment: ''
};

/** The contract's filter from the search text and the menus ('' = any). */
export function toAssetFilter(draft: FilterDraft, text: string): AssetFilter {
  const filter: AssetFilter = {};
  if (text.trim()) filter.text = text.trim();
  if (draft.type) filter.type = draft.type;
  if (draft.serviceModel) filter.serviceModel = draft.serviceModel as AssetFilter['serviceModel'];
  if (draft.owner) filter.owner = draft.owner === 'none' ? 'none' : Number(draft.owner);
  if (draft.subscription) filter.subscription = draft.subscription;
  if (draft.resourceGroup) filter.resourceGroup = draft.resourceGroup;
  if (draft.tag) filter.tag = draft.tag;
  if (draft.findingCode) filter.findingCode = draft.findingCode as AssetFilter['findingCode'];
  if (draft.seen) filter.seen = draft.seen === 'seen';
  for (const attribute of ASSET_ATTRIBUTES) if (draft[attribute]) (filter as Record<AssetAttribute, string>)[attribute] = draft[attribute];
  return filter;
}

/** The menus and search text showing a filter, or null when it holds what the menus cannot show (ids, a saved set). */
export function draftOf(filter: AssetFilter): { draft: FilterDraft; text: string } | null {
  if (filter.ids !== undefined || filter.set !== undefined) return null;
  const draft: FilterDraft = { ...EMPTY_DRAFT };
  for (const key of ['type', 'serviceModel', 'subscription', 'resourceGroup', 'tag', 'findingCode'] as const) draft[key] = filter[key] ?? '';
  if (filter.owner !== undefined) draft.owner = String(filter.owner);
  if (filter.seen !== undefined) draft.seen = filter.seen ? 'seen' : 'not-seen';
  return { draft, text: filter.text ?? '' };
}

const withCount = (label: string, n: number | undefined) => (n === undefined ? label : `${label} (${formatCount(n)})`);

interface InventoryFiltersProps {
  draft: FilterDraft;
  onChange: (next: FilterDraft) => void;
}

/** Whether a draft sets any menu. */
export const draftIsActive = (draft: FilterDraft): boolean => Object.values(draft).some((value) => value !== '');

/**
 * The facet menus above the grid. Memoised, and nothing in them depends on the search text:
 * typing in the search box never re-renders the menus' hundreds of options.
 */
export const InventoryFilters = memo(function InventoryFilters({ draft, onChange }: InventoryFiltersProps) {
  const facets = useFacets().data;
  const set = (key: keyof FilterDraft) => (value: string) => onChange({ ...draft, [key]: value });

  return (
    <>
      <FacetSelect label="Type" value={draft.type} onChange={set('type')}>
        {facets?.types.map((facet) => (
          <option key={facet.value} value={facet.value}>
            {withCount(facet.value, facet.count)}
          </option>
        ))}
      </FacetSelect>
      <FacetSelect label="Service model" value={draft.serviceModel} onChange={set('serviceModel')}>
        {!facets?.serviceModels.some((f) => f.value === 'none') && <option value="none">Unclassified</option>}
        {facets?.serviceModels.map((facet) => (
          <option key={facet.value} value={facet.value}>
            {withCount(facet.label ?? facet.value, facet.count)}
          </option>
        ))}
      </FacetSelect>
      <FacetSelect label="Owner" value={draft.owner} onChange={set('owner')}>
        {!facets?.owners.some((owner) => owner.partyId === 'none') && <option value="none">No owner</option>}
        {facets?.owners.map((owner) => (
          <option key={String(owner.partyId)} value={String(owner.partyId)}>
            {withCount(owner.partyId === 'none' ? 'No owner' : owner.name, owner.count)}
          </option>
        ))}
      </FacetSelect>
      <FacetSelect label="Subscription" value={draft.subscription} onChange={set('subscription')}>
        {facets?.subscriptions.map((facet) => (
          <option key={facet.value} value={facet.value}>
            {withCount(facet.value, facet.count)}
          </option>
        ))}
      </FacetSelect>
      <FacetSelect label="Resource group" value={draft.resourceGroup} onChange={set('resourceGroup')}>
        {facets?.resourceGroups.map((facet) => (
          <option key={facet.value} value={facet.value}>
            {withCount(facet.value, facet.count)}
          </option>
        ))}
      </FacetSelect>
      <FacetSelect label="Tag" value={draft.tag} onChange={set('tag')}>
        {facets?.tagKeys.map((facet) => (
          <option key={facet.value} value={facet.value}>
            {withCount(facet.value, facet.count)}
          </option>
        ))}
      </FacetSelect>
      <FacetSelect label="Finding" value={draft.findingCode} onChange={set('findingCode')}>
        {FINDING_CODES.map((code) => (
          <option key={code} value={code}>
            {findingCodeLabel(code)}
          </option>
        ))}
      </FacetSelect>
      <FacetSelect label="Last import" value={draft.seen} onChange={set('seen')}>
        <option value="not-seen">Not seen</option>
        <option value="seen">Seen</option>
      </FacetSelect>
      {ASSET_ATTRIBUTES.map((attribute) => (
        <FacetSelect key={attribute} label={ATTRIBUTE_VOCABULARY[attribute].label} value={draft[attribute]} onChange={set(attribute)}>
          {facets?.attributes[attribute].map((facet) => (
            <option key={facet.value} value={facet.value}>
              {withCount(facet.value === 'none' ? 'Not stated' : attributeLabel(attribute, facet.value), facet.count)}
            </option>
          ))}
        </FacetSelect>
      ))}
    </>
  );
});
