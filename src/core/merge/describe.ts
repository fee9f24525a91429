/** A merge's differences in words, as the Merge view and `demarc merge` show them. */
import type { MergeItem, MergeItemKind } from '@shared/contract/merge';
import { RACI_ROLE_NAMES } from '../raci';
import type { RaciRole } from '@shared/domain';
import type { DecidedDifference } from './decide';
import type { LayerLookup } from './rules';
import { recordWords } from './describe-records';
import { CONTROL_MAPPING, parseSlot, SLOT_SEPARATOR } from './slots';

/** Names a merge shows: an asset's name and model (merged), a party's name as spelt. */
export interface DescribeLookups {
  assetName: (key: string) => string;
  assetModel: (key: string) => string | null;
  partyName: (lowerName: string) => string;
  layerOf: LayerLookup;
  /** A saved set's name as spelt, by its key; a workshop's title by its key. */
  savedSetName: (nameKey: string) => string;
  workshopTitle: (key: string) => string;
}

const NONE = '—';

/** A field name in words: `resourceGroup` → "resource group". */
export function fieldWords(field: string): string {
  if (field === 'ownerPartyId') return 'owner';
  if (field === 'modelId') return 'responsibility model';
  return field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function settingWords(name: string): string {
  if (name.startsWith('defaultTeam.')) return `default team of ${name.slice('defaultTeam.'.length)}`;
  return { organisation: 'organisation', reviewPeriodDays: 'review period (days)', defaultModel: 'default model', [CONTROL_MAPPING]: 'control mapping (its control layers and model bindings)' }[name] ?? name;
}

/** A slot's value (canonical JSON or null) in words. */
function valueWords(kind: MergeItemKind, json: string | null, l: DescribeLookups): string {
  if (json === null) return NONE;
  const value = JSON.parse(json) as unknown;
  if (value === null || value === '') return NONE;
  switch (kind) {
    case 'asset':
      return 'present';
    case 'party':
      return 'present';
    case 'override': {
      const o = value as { responsibility: string; justification: string };
      return `${o.responsibility} (${o.justification})`;
    }
    case 'note':
      return `“${String(value as string)}”`;
    case 'raci':
      return (value as string[]).map(l.partyName).join(', ') || NONE;
    case 'model':
      return `version ${(value as { version: string }).version}`;
    default:
      break;
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value as string | number);
}

/** One difference as the contract's MergeItem. */
export function describeDifference(d: DecidedDifference, l: DescribeLookups): MergeItem {
  const p = parseSlot(d.slot);
  let kind: MergeItemKind;
  let subject: string;
  let detail: string;
  if (p.entity === 'asset') {
    subject = l.assetName(p.id);
    const layer = (id: string) => l.layerOf(l.assetModel(p.id), id)?.title ?? id;
    if (p.aspect === 'field') [kind, detail] = ['asset-field', fieldWords(p.name ?? '')];
    else if (p.aspect === 'override') [kind, detail] = ['override', `override of ${layer(p.name ?? '')}`];
    else if (p.aspect === 'note') [kind, detail] = ['note', `note on ${layer(p.name ?? '')}`];
    else if (p.aspect === 'raci') [kind, detail] = ['raci', `${RACI_ROLE_NAMES[p.role as RaciRole] ?? p.role} on ${layer(p.name ?? '')}`];
    else [kind, detail] = ['asset', d.ours === null ? 'added on their side' : 'added on our side'];
  } else if (p.entity === 'party') {
    subject = l.partyName(p.id);
    if (p.aspect === 'field') [kind, detail] = ['party-field', fieldWords(p.name ?? '')];
    else [kind, detail] = ['party', d.ours === null ? 'added on their side' : 'added on our side'];
  } else if (p.entity === 'model') {
    [kind, subject, detail] = ['model', `model ${p.id}`, 'imported responsibility model'];
  } else if (p.entity === 'savedSet') {
    [kind, subject, detail] = ['saved-set', l.savedSetName(p.id), d.ours === null ? 'saved set added on their side' : d.theirs === null ? 'saved set (not in their copy)' : 'saved set'];
  } else if (p.entity === 'workshop') {
    [kind, subject, detail] = ['workshop', l.workshopTitle(p.id), d.ours === null ? 'workshop held on their side' : 'workshop'];
  } else if (p.id.startsWith(`${CONTROL_MAPPING}${SLOT_SEPARATOR}`)) {
    const [, fw, id] = p.id.split(SLOT_SEPARATOR);
    [kind, subject, detail] = ['control', `${(fw ?? '').toUpperCase()} ${id ?? ''}`, 'control mapping'];
  } else {
    [kind, subject, detail] = ['setting', 'settings', settingWords(p.id)];
  }
  const words = (json: string | null): string => {
    if (kind === 'asset-field' && p.name === 'ownerPartyId' && json !== null) {
      const owner = JSON.parse(json) as string | null;
      return owner === null ? NONE : l.partyName(owner);
    }
    if (kind === 'setting' && p.id.startsWith('defaultTeam.') && json !== null) return l.partyName(JSON.parse(json) as string);
    if (kind === 'setting' && p.id === CONTROL_MAPPING) {
      const mapping = json === null ? null : (JSON.parse(json) as { id: string; version: string });
      return mapping === null ? NONE : `${mapping.id} version ${mapping.version}`;
    }
    if (kind === 'control' || kind === 'saved-set' || kind === 'workshop') return recordWords(kind, json, l.partyName);
    return valueWords(kind, json, l);
  };
  return {
    slot: d.slot,
    kind,
    subject,
    detail,
    ancestor: d.ancestorKnown ? words(d.ancestor) : null,
    ours: words(d.ours),
    theirs: words(d.theirs),
    oursBy: d.oursBy,
    theirsBy: d.theirsBy,
    outcome: d.outcome,
    choice: d.choice,
    decidedBy: d.decidedBy,
    rule: d.rule
  };
}
