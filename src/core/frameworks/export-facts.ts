/**
 * What every framework export states about itself (pure): whose workbook, which scope, which
 * models and mapping, when and by whom, the ownership counts, and the change-log chain head. The CCM Introduction and FedRAMP Instructions sheets list these
 * lines; the OSCAL SSP carries them in its metadata.
 */
import type { ControlOwnership } from '@shared/frameworks';
import { CONTROL_OWNERSHIPS } from '@shared/frameworks';
import type { AssetFilter } from '@shared/filter';
import { ASSET_ATTRIBUTES, ATTRIBUTE_VOCABULARY } from '@shared/asset-attributes';
import { CHAIN_HEAD_ITEM } from '../audit/chain';
import type { DerivedControl } from './ownership';

export interface ExportFacts {
  organisation: string;
  workbookId: string;
  scope: AssetFilter;
  scopeLabel: string;
  assets: number;
  models: { id: string; name: string; version: string; providerName: string; sourceDate: string; assets: number }[];
  mapping: { id: string; name: string; version: string; source: string };
  exportedAt: string;
  exportedBy: string;
  /**
   * The head of the workbook's change-log hash chain, when the workbook has one (the audit-trail
   * work provides it; null until then). Shown when present so an export can be tied to the exact
   * history it was made from.
   */
  changeLogChainHead: string | null;
  counts: Record<ControlOwnership, number>;
  notes: string[];
}

/** Controls per ownership. */
export function ownershipCounts(controls: readonly DerivedControl[]): Record<ControlOwnership, number> {
  const counts = Object.fromEntries(CONTROL_OWNERSHIPS.map((o) => [o, 0])) as Record<ControlOwnership, number>;
  for (const c of controls) counts[c.ownership] += 1;
  return counts;
}

/** The scope in words: "the whole workbook", "subscription s1", "service model paas", "asset vm1"… */
export function describeScope(
  filter: AssetFilter,
  assetName: (id: number) => string | undefined,
  ownerName: (id: number) => string | undefined,
  setName: (id: number) => string | undefined = () => undefined
): string {
  const parts: string[] = [];
  if (filter.set !== undefined) parts.push(`saved set “${setName(filter.set) ?? `#${filter.set}`}”`);
  if (filter.ids !== undefined) {
    const names = filter.ids.slice(0, 5).map((id) => assetName(id) ?? `#${id}`);
    parts.push(filter.ids.length === 1 ? `asset ${names[0] ?? ''}` : `assets ${names.join(', ')}${filter.ids.length > 5 ? ` and ${filter.ids.length - 5} more` : ''}`);
  }
  if (filter.subscription !== undefined) parts.push(`subscription ${filter.subscription}`);
  if (filter.resourceGroup !== undefined) parts.push(`resource group ${filter.resourceGroup}`);
  if (filter.serviceModel !== undefined) parts.push(filter.serviceModel === 'none' ? 'unclassified assets' : `service model ${filter.serviceModel}`);
  if (filter.type !== undefined) parts.push(`type ${filter.type}`);
  if (filter.tag !== undefined) parts.push(`tag ${filter.tag}`);
  if (filter.owner !== undefined) parts.push(filter.owner === 'none' ? 'assets without an owner' : `owner ${ownerName(filter.owner) ?? `#${filter.owner}`}`);
  if (filter.findingCode !== undefined) parts.push(`finding ${filter.findingCode}`);
  if (filter.seen !== undefined) parts.push(filter.seen ? 'assets seen in the last import' : 'assets not seen in the last import');
  for (const attribute of ASSET_ATTRIBUTES) {
    const value = filter[attribute];
    if (value !== undefined) parts.push(`${ATTRIBUTE_VOCABULARY[attribute].label.toLowerCase()} ${value === 'none' ? 'not stated' : value}`);
  }
  if (filter.text !== undefined) parts.push(`matching "${filter.text}"`);
  return parts.length === 0 ? 'the whole workbook' : parts.join(', ');
}

/** A stable text key of a scope (sorted keys), for identifiers derived from it. */
export function scopeKey(filter: AssetFilter): string {
  const entries = Object.entries(filter)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify(Object.fromEntries(entries));
}

/** The facts as label/value lines (Introduction and Instructions sheets). */
export function factLines(facts: ExportFacts, ownershipWords: Record<ControlOwnership, string>): [string, string][] {
  const lines: [string, string][] = [
    ['Organisation', facts.organisation],
    ['Scope', `${facts.scopeLabel} (${facts.assets.toLocaleString('en-GB')} assets)`],
    ['Responsibility models', facts.models.map((m) => `${m.name} (${m.id}, version ${m.version}): ${m.assets.toLocaleString('en-GB')} assets`).join('\n') || 'none (no asset in scope)'],
    ['Control mapping', `${facts.mapping.name} (${facts.mapping.id}, version ${facts.mapping.version}), ${facts.mapping.source}`],
    ['Controls by ownership', CONTROL_OWNERSHIPS.filter((o) => facts.counts[o] > 0).map((o) => `${ownershipWords[o]}: ${facts.counts[o]}`).join('; ')],
    ['Exported at', facts.exportedAt],
    ['Exported by', facts.exportedBy],
    ['Workbook id', facts.workbookId]
  ];
  if (facts.changeLogChainHead !== null) lines.push([CHAIN_HEAD_ITEM, facts.changeLogChainHead]);
  for (const note of facts.notes) lines.push(['Note', note]);
  return lines;
}
