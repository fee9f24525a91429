/**
 * The control mapping as a merge compares it: per control. Its head (id, name, version, notice,
 * control layers, model bindings) is one slot, `settings|controlMapping`; each CCM and NIST control
 * line is its own, `settings|controlMapping|<fw>|<id>` (slots.ts). A control changed on one side
 * only takes that side's line; the same control changed differently on both is a conflict. The
 * built-in mapping counts as a mapping like any other, so a copy that imported none compares its
 * controls with the built-in ones. An import or a reset logs which of these it changed
 * (`mappingChanges`), which is what a merge counts as that side's change.
 */
import { MAPPED_FRAMEWORKS, type ControlLine, type ControlMapping, type MappedFramework } from '@shared/frameworks';
import { CONTROL_MAPPING, slot } from './slots';

/** What an import or reset of the mapping changed, as it logs it. */
export interface MappingChanges {
  /** The head (id, name, version, layers, bindings) changed. */
  head: boolean;
  ccm: string[];
  nist: string[];
}

const headOf = (m: ControlMapping): Omit<ControlMapping, MappedFramework> => {
  const { ccm: _ccm, nist: _nist, ...head } = m;
  return head;
};

/** The mapping's slots: its head, then each control (values canonical JSON). */
export function mappingSlots(mapping: ControlMapping): Map<string, string> {
  const out = new Map<string, string>([[slot.setting(CONTROL_MAPPING), JSON.stringify(headOf(mapping))]]);
  for (const fw of MAPPED_FRAMEWORKS) for (const line of mapping[fw] as ControlLine[]) out.set(slot.control(fw, line.id), JSON.stringify(line));
  return out;
}

/** What changes between two mappings: the head, and the controls whose lines differ (added or dropped included). */
export function mappingChanges(before: ControlMapping, after: ControlMapping): MappingChanges {
  const a = mappingSlots(before);
  const b = mappingSlots(after);
  const changes: MappingChanges = { head: a.get(slot.setting(CONTROL_MAPPING)) !== b.get(slot.setting(CONTROL_MAPPING)), ccm: [], nist: [] };
  for (const fw of MAPPED_FRAMEWORKS) {
    const ids = new Set([...(before[fw] as ControlLine[]), ...(after[fw] as ControlLine[])].map((l) => l.id));
    for (const id of ids) if (a.get(slot.control(fw, id)) !== b.get(slot.control(fw, id))) changes[fw].push(id);
  }
  return changes;
}

/** What the controls an import or reset changed were before it, by slot (null: absent then): what it logs as `before.lines`. */
export function mappingLinesBefore(before: ControlMapping, changes: MappingChanges): Record<string, string | null> {
  const slots = mappingSlots(before);
  const out: Record<string, string | null> = {};
  for (const name of mappingChangeSlots(changes)) out[name] = slots.get(name) ?? null;
  return out;
}

/** A mapping entry's logged value of a slot before it (undefined: it does not say). */
export function mappingBeforeOf(entry: { action: string; before: unknown }, slotName: string): string | null | undefined {
  if (!entry.action.startsWith('mapping.') || typeof entry.before !== 'object' || entry.before === null) return undefined;
  const lines = (entry.before as { lines?: unknown }).lines;
  if (typeof lines !== 'object' || lines === null || !(slotName in lines)) return undefined;
  const value = (lines as Record<string, unknown>)[slotName];
  return typeof value === 'string' || value === null ? value : undefined;
}

/** The slots an entry's logged changes name. */
export function mappingChangeSlots(changes: MappingChanges): string[] {
  return [...(changes.head ? [slot.setting(CONTROL_MAPPING)] : []), ...MAPPED_FRAMEWORKS.flatMap((fw) => changes[fw].map((id) => slot.control(fw, id)))];
}

/** Whether a slot is part of the control mapping. */
export const isMappingSlot = (name: string): boolean => name === slot.setting(CONTROL_MAPPING) || name.startsWith(`${slot.setting(CONTROL_MAPPING)}|`);

/**
 * The mapping a merge makes: each slot's merged value (`valueOf`, null: the control is in neither
 * merged line), controls in our order then theirs' new ones in their order. Not checked here: the
 * caller parses it (a head taken from one side may not declare a layer a control of the other rests on).
 */
export function mergedMapping(valueOf: (slotName: string) => string | null, ours: ControlMapping, theirs: ControlMapping): unknown {
  const head = JSON.parse(valueOf(slot.setting(CONTROL_MAPPING)) ?? JSON.stringify(headOf(ours))) as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...head };
  for (const fw of MAPPED_FRAMEWORKS) {
    const ids = [...new Set([...(ours[fw] as ControlLine[]), ...(theirs[fw] as ControlLine[])].map((l) => l.id))];
    merged[fw] = ids.flatMap((id) => {
      const value = valueOf(slot.control(fw, id));
      return value === null ? [] : [JSON.parse(value) as unknown];
    });
  }
  return merged;
}
