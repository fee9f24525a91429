/** A picture's scope in words, as its subtitle and the scope picker say it. */
import { ASSET_ATTRIBUTES, ATTRIBUTE_VOCABULARY, attributeLabel } from '@shared/asset-attributes';
import type { ResponsibilityModel } from '@shared/domain';
import type { PictureScope } from '@shared/picture';
import { columnLabel } from './describe';
import { plural } from './layout';

/**
 * "Whole workbook", "Resource group prod · Tag env=prod"...
 * @param ownerName the owner filter's party name (the scope holds its id)
 * @param setName the saved set's name (the scope holds its id; null: it was deleted since)
 */
export function scopeLabel(scope: PictureScope, model: ResponsibilityModel, ownerName?: string | null, setName?: string | null): string {
  const parts: string[] = [];
  if (scope.set !== undefined) parts.push(setName === undefined || setName === null ? `Saved set #${scope.set} (deleted)` : `Saved set “${setName}”`);
  if (scope.subscription !== undefined) parts.push(`Subscription ${scope.subscription}`);
  if (scope.resourceGroup !== undefined) parts.push(`Resource group ${scope.resourceGroup}`);
  if (scope.tag !== undefined) parts.push(`Tag ${scope.tag}`);
  if (scope.type !== undefined) parts.push(`Type ${scope.type}`);
  if (scope.serviceModel !== undefined) parts.push(scope.serviceModel === 'none' ? 'Unclassified assets' : `${columnLabel(model, scope.serviceModel)} assets`);
  if (scope.owner !== undefined) parts.push(scope.owner === 'none' ? 'No owner' : `Owner ${ownerName ?? `#${scope.owner}`}`);
  if (scope.seen !== undefined) parts.push(scope.seen ? 'Seen in the last import' : 'Not seen in the last import');
  for (const attribute of ASSET_ATTRIBUTES) {
    const value = scope[attribute];
    if (value !== undefined) parts.push(`${ATTRIBUTE_VOCABULARY[attribute].label} ${value === 'none' ? 'not stated' : attributeLabel(attribute, value)}`);
  }
  if (scope.text !== undefined) parts.push(`Matching “${scope.text}”`);
  if (scope.ids !== undefined) parts.push(`${plural(new Set(scope.ids).size, 'chosen asset')}`);
  return parts.length === 0 ? 'Whole workbook' : parts.join(' · ');
}
