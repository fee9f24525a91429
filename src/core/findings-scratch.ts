/**
 * Allocation-free helpers for the findings loop: party facts as bit flags in a typed array,
 * and a reusable set of party ids for one role on one layer.
 */
import type { Party } from '@shared/domain';
import { canOwn } from './parties';

export const EXISTS = 1;
export const PROVIDER_KIND = 2;
/** An active person or team: someone who can watch a security tool. */
export const WATCHER = 4;
export const ACTIVE = 8;

/**
 * Facts per party id as bit flags. Party ids are small integers in practice, so a typed array
 * indexed by id beats a Map in the inner loop; huge or odd ids fall back to a Map.
 */
export class PartyFlags {
  private readonly dense: Uint8Array | null;
  private readonly sparse = new Map<number, number>();

  constructor(parties: readonly Party[]) {
    let max = 0;
    for (const p of parties) if (Number.isInteger(p.id) && p.id > max) max = p.id;
    this.dense = max <= 1 << 22 ? new Uint8Array(max + 1) : null;
    for (const p of parties) {
      const flags =
        EXISTS |
        (p.kind === 'provider' ? PROVIDER_KIND : 0) |
        (canOwn(p) ? WATCHER : 0) |
        (p.active ? ACTIVE : 0);
      if (this.dense !== null && Number.isInteger(p.id) && p.id >= 0) this.dense[p.id] = flags;
      else this.sparse.set(p.id, flags);
    }
  }

  /** The flags of a party id; 0 for null or a party that does not exist. */
  of(id: number | null): number {
    if (id === null) return 0;
    if (this.dense !== null && id >= 0 && id < this.dense.length) return this.dense[id] ?? 0;
    return this.sparse.get(id) ?? 0;
  }
}

/** A small set of party ids reused for every layer (no allocation per layer). */
export class RoleSet {
  private ids = new Float64Array(8);
  size = 0;
  /** Whether the layer has explicit assignments for this role (so defaults do not apply). */
  explicit = false;

  reset(): void {
    this.size = 0;
    this.explicit = false;
  }

  add(id: number | null): void {
    if (id === null) return;
    for (let i = 0; i < this.size; i++) if (this.ids[i] === id) return;
    if (this.size === this.ids.length) {
      const grown = new Float64Array(this.size * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.size++] = id;
  }

  /** True when every id has the flag (false for an empty set). */
  all(flags: PartyFlags, flag: number): boolean {
    if (this.size === 0) return false;
    for (let i = 0; i < this.size; i++) if ((flags.of(this.ids[i] ?? null) & flag) === 0) return false;
    return true;
  }

  any(flags: PartyFlags, flag: number): boolean {
    for (let i = 0; i < this.size; i++) if ((flags.of(this.ids[i] ?? null) & flag) !== 0) return true;
    return false;
  }

  toArray(): number[] {
    return Array.from(this.ids.subarray(0, this.size));
  }
}
