/**
 * Decision groups: the assets of a workshop's scope that share their type, service model, model,
 * owner and current RACI (explicit assignments and overrides, layer by layer) make one group,
 * because the room decides them once. With the same owner, settings and model the defaults are the
 * same, so equal explicit rows mean an equal RACI in force. 100k assets become a few dozen groups.
 */
import type { Asset, LayerOverride, RaciAssignment, ResponsibilityModel } from '@shared/domain';
import type { GroupSplitField } from '@shared/workshop';
import type { RowsByAsset } from '../engine-index';
import { serviceModelLabel } from '../service-models';

export interface DecisionGroup {
  /** What the group's assets share, canonical: equal keys, same decision. */
  key: string;
  label: string;
  modelId: string;
  assetIds: number[];
}

export interface GroupingInput {
  /** The assets in scope, in any order. */
  assets: readonly Asset[];
  assignmentsByAsset: RowsByAsset<RaciAssignment>;
  overridesByAsset: RowsByAsset<LayerOverride>;
  /** The model an asset is read under (its own, its provider's, the workbook's default). */
  modelOf: (asset: Asset) => ResponsibilityModel;
  partyName: (partyId: number) => string;
}

const SEP = '\u001f';

function raciSignature(assignments: readonly RaciAssignment[] | undefined, overrides: readonly LayerOverride[] | undefined): string {
  if (assignments === undefined && overrides === undefined) return '';
  const parts: string[] = [];
  for (const a of assignments ?? []) parts.push(`${a.layerId}|${a.role}|${a.partyId}`);
  for (const o of overrides ?? []) parts.push(`${o.layerId}|=${o.responsibility}`);
  return parts.sort().join(',');
}

function describe(asset: Asset, model: ResponsibilityModel, signature: string, partyName: (id: number) => string): string {
  // The column's label as the asset's model declares it (AWS's "Container", a custom model's own).
  const column = asset.serviceModel === null ? 'no service model' : serviceModelLabel(model, asset.serviceModel);
  const owner = asset.ownerPartyId === null ? 'no owner' : `owner ${partyName(asset.ownerPartyId)}`;
  const own = signature === '' ? '' : ` · own RACI on ${new Set(signature.split(',').map((s) => s.split('|')[0])).size} layer(s)`;
  return `${asset.type ?? 'no type'} · ${column} · ${owner}${own}`;
}

/**
 * Groups the scope's assets for decision. The same inputs give the same groups in the same order:
 * largest first, then by label and key; asset ids ascending within a group.
 */
export function groupForDecisions(input: GroupingInput): DecisionGroup[] {
  const groups = new Map<string, DecisionGroup>();
  for (const asset of input.assets) {
    const signature = raciSignature(input.assignmentsByAsset.get(asset.id), input.overridesByAsset.get(asset.id));
    const model = input.modelOf(asset);
    const modelId = model.id;
    const key = [modelId, (asset.type ?? '').toLowerCase(), asset.serviceModel ?? '', asset.ownerPartyId ?? '', signature].join(SEP);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { key, label: describe(asset, model, signature, input.partyName), modelId, assetIds: [asset.id] });
    else group.assetIds.push(asset.id);
  }
  return orderGroups([...groups.values()]);
}

function orderGroups(groups: DecisionGroup[]): DecisionGroup[] {
  for (const g of groups) g.assetIds.sort((a, b) => a - b);
  return groups.sort((a, b) => b.assetIds.length - a.assetIds.length || compareText(a.label, b.label) || compareText(a.key, b.key));
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The value a split reads from an asset, as the group's label shows it. */
export function splitValue(asset: Asset, by: GroupSplitField): string {
  const value = asset[by];
  return value === null || value === '' ? '(none)' : value;
}

const SPLIT_LABELS: Record<GroupSplitField, string> = {
  subscription: 'subscription',
  resourceGroup: 'resource group',
  location: 'location',
  type: 'type'
};

/**
 * One group per distinct value of a field, largest first (then by value). A group whose assets
 * all share the value stays one group.
 */
export function splitGroup(group: DecisionGroup, assetById: (id: number) => Asset | undefined, by: GroupSplitField): DecisionGroup[] {
  const parts = new Map<string, number[]>();
  for (const id of group.assetIds) {
    const asset = assetById(id);
    const value = asset === undefined ? '(none)' : splitValue(asset, by);
    const ids = parts.get(value);
    if (ids === undefined) parts.set(value, [id]);
    else ids.push(id);
  }
  const split = [...parts.entries()].map(([value, assetIds]) => ({
    key: `${group.key}${SEP}${by}=${value}`,
    label: `${group.label} · ${SPLIT_LABELS[by]} ${value}`,
    modelId: group.modelId,
    assetIds
  }));
  return orderGroups(split);
}

/**
 * One group holding the assets of several (the first one's position in the walk). Groups of
 * different models cannot merge: the walk goes through one model's layers.
 * @returns the merged group, or a reason it cannot be made
 */
export function mergeGroups(groups: readonly DecisionGroup[]): DecisionGroup | string {
  const first = groups[0];
  if (first === undefined) return 'Choose the groups to merge.';
  const other = groups.find((g) => g.modelId !== first.modelId);
  if (other !== undefined) return `"${first.label}" and "${other.label}" use different responsibility models (${first.modelId}, ${other.modelId}); only groups of one model can be decided together.`;
  const assetIds = [...new Set(groups.flatMap((g) => g.assetIds))].sort((a, b) => a - b);
  return {
    key: groups.map((g) => g.key).join(`${SEP}+`),
    label: groups.length === 2 ? `${first.label} + 1 other group` : `${first.label} + ${groups.length - 1} other groups`,
    modelId: first.modelId,
    assetIds
  };
}
