/**
 * The places a merge compares, each named by keys that hold across copies of a workbook (an
 * asset's key — its ARM id —, a party's name, a layer id), never by row ids, which two copies
 * hand out independently. A slot holds one value; two copies agree on a slot when its canonical
 * JSON is the same text.
 *
 *   asset|<key>                          the asset exists (a new asset is one item)
 *   asset|<key>|field|<field>            one field of an asset (the owner by party name)
 *   asset|<key>|override|<layer>         an override { responsibility, justification }
 *   asset|<key>|note|<layer>             the layer's note (its text)
 *   asset|<key>|raci|<layer>|<role>      the explicit parties of one role, names sorted
 *   party|<name>                         the party exists
 *   party|<name>|field|<field>           kind, email, active, leftAt, notes
 *   model|<id>                           an imported responsibility model { version, json }
 *   settings|<name>                      organisation, reviewPeriodDays, defaultModel, defaultTeam.<layer>
 *   settings|controlMapping              the control mapping in use without its controls (id, name,
 *                                        version, control layers, model bindings)
 *   settings|controlMapping|<fw>|<id>    one control of it (`ccm` or `nist`): the layers it rests on
 *   savedSet|<name>                      a saved set by its name's key: its filter (owner by party
 *                                        name) or chosen assets (by key)
 *   workshop|<key>                       a workshop (key: when, by whom and with what title it was
 *                                        started): its state, attendees and decision groups
 *
 * A touch names the slots a change-log entry changed; `*` in a part stands for every value
 * there (`asset|*|field|name`: the name of every asset, as an import does) and a trailing `*`
 * for everything below (`asset|<key>|*`).
 */

export const SLOT_SEPARATOR = '|';

/** The setting slot of the imported control mapping (absent: the built-in one). */
export const CONTROL_MAPPING = 'controlMapping';

/** Slot names, built in one place. Keys and names are kept as given (party names lower-cased by the caller). */
export const slot = {
  asset: (key: string): string => `asset|${key}`,
  assetField: (key: string, field: string): string => `asset|${key}|field|${field}`,
  override: (key: string, layer: string): string => `asset|${key}|override|${layer}`,
  note: (key: string, layer: string): string => `asset|${key}|note|${layer}`,
  raci: (key: string, layer: string, role: string): string => `asset|${key}|raci|${layer}|${role}`,
  party: (name: string): string => `party|${name}`,
  partyField: (name: string, field: string): string => `party|${name}|field|${field}`,
  model: (id: string): string => `model|${id}`,
  setting: (name: string): string => `settings|${name}`,
  /** One control of the control mapping in use (`fw`: ccm or nist). */
  control: (fw: string, id: string): string => `settings|${CONTROL_MAPPING}|${fw}|${id}`,
  savedSet: (nameKey: string): string => `savedSet|${nameKey}`,
  workshop: (key: string): string => `workshop|${key}`
};

/** Entities whose id is the whole rest of the slot name (nothing below them). */
const WHOLE_ID: ReadonlySet<string> = new Set(['model', 'settings', 'savedSet', 'workshop']);

/** What a slot is about, read back from its name (asset keys may themselves contain `|`? no: ARM ids use `/`). */
export interface SlotParts {
  entity: 'asset' | 'party' | 'model' | 'settings' | 'savedSet' | 'workshop';
  /** The asset key, party name, model id or setting name. */
  id: string;
  /** 'field', 'override', 'note' or 'raci' below an asset or party; undefined for the entity itself. */
  aspect?: 'field' | 'override' | 'note' | 'raci';
  /** The field name or layer id. */
  name?: string;
  /** The RACI role. */
  role?: string;
}

/**
 * Splits a slot name. An asset key containing `|` would be ambiguous, so the parts are read from
 * both ends: entity first, aspect and names last.
 */
export function parseSlot(name: string): SlotParts {
  const parts = name.split(SLOT_SEPARATOR);
  const entity = parts[0] as SlotParts['entity'];
  const aspectAt = parts.findIndex((p, i) => i >= 2 && (p === 'field' || p === 'override' || p === 'note' || p === 'raci'));
  if (WHOLE_ID.has(entity) || aspectAt < 0) return { entity, id: parts.slice(1).join(SLOT_SEPARATOR) };
  const aspect = parts[aspectAt] as SlotParts['aspect'];
  const id = parts.slice(1, aspectAt).join(SLOT_SEPARATOR);
  const rest = parts.slice(aspectAt + 1);
  return aspect === 'raci' ? { entity, id, aspect, name: rest[0] ?? '', role: rest[1] ?? '' } : { entity, id, aspect, name: rest.join(SLOT_SEPARATOR) };
}

/** Who made a change: the author and time of the last change-log entry that touched a slot. */
export interface ChangeAuthor {
  actor: string;
  at: string;
  summary: string;
}

/** A set of touches, each with the last entry that made it, asked whether it covers a slot. */
export class Touches {
  private readonly patterns = new Map<string, ChangeAuthor | null>();

  constructor(patterns: Iterable<string> = []) {
    for (const p of patterns) this.patterns.set(p, null);
  }

  /** Adds a touch; a later entry's author replaces an earlier one's. */
  add(pattern: string, by: ChangeAuthor | null = null): void {
    this.patterns.set(pattern, by ?? this.patterns.get(pattern) ?? null);
  }

  get size(): number {
    return this.patterns.size;
  }

  list(): string[] {
    return [...this.patterns.keys()].sort();
  }

  /** Whether any touch covers the slot. */
  covers(slotName: string): boolean {
    return this.match(slotName) !== null;
  }

  /** Who last changed the slot, when the entry is known. */
  authorOf(slotName: string): ChangeAuthor | null {
    const pattern = this.match(slotName);
    return pattern === null ? null : (this.patterns.get(pattern) ?? null);
  }

  /**
   * The touch covering a slot: the slot itself, a prefix of it followed by `*`, or the same with
   * the entity's id replaced by `*`; null when none does.
   */
  private match(slotName: string): string | null {
    if (this.patterns.size === 0) return null;
    if (this.patterns.has(slotName)) return slotName;
    const p = parseSlot(slotName);
    const tails: string[] = [];
    if (p.aspect !== undefined) {
      tails.push(p.aspect);
      if (p.name !== undefined) tails.push(p.name);
      if (p.role !== undefined) tails.push(p.role);
    }
    // A setting below another (a control of the mapping): `settings|controlMapping|*` covers it.
    if (p.aspect === undefined && p.id.includes(SLOT_SEPARATOR)) {
      const ids = p.id.split(SLOT_SEPARATOR);
      for (let i = ids.length - 1; i >= 1; i--) {
        const pattern = [p.entity, ...ids.slice(0, i), '*'].join(SLOT_SEPARATOR);
        if (this.patterns.has(pattern)) return pattern;
      }
    }
    for (const id of [p.id, '*']) {
      const parts = [p.entity, id, ...tails];
      const full = parts.join(SLOT_SEPARATOR);
      if (this.patterns.has(full)) return full;
      for (let i = parts.length - 1; i >= 1; i--) {
        const pattern = [...parts.slice(0, i), '*'].join(SLOT_SEPARATOR);
        if (this.patterns.has(pattern)) return pattern;
      }
    }
    return this.patterns.has('*') ? '*' : null;
  }
}
