/**
 * The control mapping a merge makes, control by control (core/merge/mapping-slots.ts): each
 * control's line from the side the merge decided, the head likewise. When the result is one
 * copy's mapping as it is, that copy's record is written (its file name, who imported it and
 * when); otherwise a mapping made of both, recorded as the merge's. A result the mapping's own
 * checks refuse (a control resting on a control layer the chosen head does not declare) is a rule
 * break: those items become conflicts to decide, never written.
 */
import { BUILTIN_MAPPING, MappingError, parseMapping } from '@core/frameworks/mapping';
import type { DecidedDifference } from '@core/merge/decide';
import { isMappingSlot, mergedMapping } from '@core/merge/mapping-slots';
import type { ControlMapping } from '@shared/frameworks';
import type { EditOp } from '../services/edit-ops';
import type { StoredMapping } from '../store/repos/control-mapping';
import type { ReadSide } from './read-side';

/** The merged mapping's JSON, or null when the merge takes nothing of theirs in it. */
function mergedJson(decided: readonly DecidedDifference[], ours: ReadSide, theirs: ReadSide): unknown {
  const items = new Map(decided.filter((d) => isMappingSlot(d.slot)).map((d) => [d.slot, d]));
  if (![...items.values()].some((d) => d.choice === 'theirs' && d.theirs !== d.ours)) return null;
  const valueOf = (name: string): string | null => {
    const d = items.get(name);
    if (d !== undefined) return d.choice === 'theirs' ? d.theirs : d.ours;
    return ours.slots.get(name) ?? null;
  };
  return mergedMapping(valueOf, ours.controlMapping, theirs.controlMapping);
}

/** Why the merged mapping is refused by the mapping's own checks (null: it is valid, or nothing of theirs is taken). */
export function mappingBreak(decided: readonly DecidedDifference[], ours: ReadSide, theirs: ReadSide): string | null {
  const json = mergedJson(decided, ours, theirs);
  if (json === null) return null;
  try {
    parseMapping(json, 'the merged control mapping');
    return null;
  } catch (error) {
    if (!(error instanceof MappingError)) throw error;
    const first = error.problems.slice(0, 2).map((p) => `${p.path}: ${p.message}`);
    return `The control mapping made of both copies would not be valid (${first.join('; ')}). Keep ours, or take theirs for its layers too.`;
  }
}

const same = (a: unknown, b: ControlMapping): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The operation writing the merged mapping and the one putting ours back; null when nothing of theirs is taken. */
export function mappingOps(decided: readonly DecidedDifference[], ours: ReadSide, theirs: ReadSide, at: string, actor: string): { forward: EditOp; backward: EditOp } | null {
  const json = mergedJson(decided, ours, theirs);
  if (json === null) return null;
  const mapping = parseMapping(json, 'the merged control mapping');
  let stored: StoredMapping | null;
  if (same(mapping, theirs.controlMapping)) stored = theirs.mapping;
  else if (same(mapping, BUILTIN_MAPPING)) stored = null;
  else {
    const names = [ours.mapping?.fileName ?? 'the built-in mapping', theirs.mapping?.fileName ?? 'the built-in mapping'];
    stored = { mappingId: mapping.id, version: mapping.version, json: JSON.stringify(mapping), fileName: `merged: ${names.join(' + ')}`, importedAt: at, importedBy: actor };
  }
  return { forward: { op: 'putMapping', mapping: stored }, backward: { op: 'putMapping', mapping: ours.mapping } };
}
