/** The values of a control, a saved set and a workshop in words, as a merge shows them (describe.ts). */
import type { MergeItemKind } from '@shared/contract/merge';

const NONE = '—';

/** A keyed filter (keyed-records.ts) in words: `type microsoft.compute/*, owner Alice`. */
function filterWords(filter: Record<string, unknown>, partyName: (lower: string) => string): string {
  const parts = Object.entries(filter).map(([field, value]) => {
    if (field === 'owner' && typeof value === 'object' && value !== null) return `owner ${partyName((value as { party: string }).party)}`;
    if (field === 'set' && typeof value === 'object' && value !== null) return `set ${(value as { set: string }).set}`;
    if (field === 'ids' && Array.isArray(value)) return `${value.length} chosen asset${value.length === 1 ? '' : 's'}`;
    return `${field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()} ${String(value as string)}`;
  });
  return parts.join(', ') || 'every asset';
}

export function recordWords(kind: Extract<MergeItemKind, 'control' | 'saved-set' | 'workshop'>, json: string | null, partyName: (lower: string) => string): string {
  if (json === null) return NONE;
  if (kind === 'control') {
    const line = JSON.parse(json) as { layers?: string[]; organisational?: true; reason: string };
    return `${line.organisational === true ? 'organisational' : `rests on ${(line.layers ?? []).join(', ')}`} (${line.reason})`;
  }
  if (kind === 'saved-set') {
    const set = JSON.parse(json) as { kind: string; filter?: Record<string, unknown>; assets?: string[] };
    return set.kind === 'filter' ? `filter: ${filterWords(set.filter ?? {}, partyName)}` : `${set.assets?.length ?? 0} chosen assets`;
  }
  const w = JSON.parse(json) as { heldOn: string; status: string; position: [number, number]; attendees: string[]; groups: unknown[] };
  const where = w.status === 'finished' ? 'finished' : `${w.status} at group ${w.position[0] + 1}, layer ${w.position[1] + 1}`;
  return `${w.heldOn}, ${where}; ${w.groups.length} group${w.groups.length === 1 ? '' : 's'}, attendees ${w.attendees.map(partyName).join(', ') || NONE}`;
}
