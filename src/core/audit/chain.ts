/**
 * The change log's hash chain, as pure rules: the canonical form of an entry, the head as an
 * export prints it, and how a stored row is judged against the row before it. Hashing itself
 * (SHA-256) is I/O-free but lives in main (node:crypto); it is passed in where needed.
 */

import type { ChainHead } from '@shared/audit';

/** The action of the entry an upgrade to the chain (migration 0008) logs: a change of format, not of content. */
export const UPGRADE_ACTION = 'workbook.migrate';

/** The `prev_hash` of the workbook's first entry: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** A change-log row as stored: the fields the hash covers. `before`/`after` are the stored JSON texts. */
export interface ChainedEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  summary: string;
  before: string | null;
  after: string | null;
  /** Set on an entry brought in by a merge (format 12): its identity in the copy that wrote it. */
  origin?: string | null;
  /** Set with `origin`: what the entry changed, spelt by keys that hold across copies (JSON text). */
  originTouches?: string | null;
}

/**
 * The keys of the canonical JSON, in the order it spells them (code-point order). `origin` and
 * `originTouches` appear only on an entry a merge brought in. The store derives its SQL spelling
 * of the same form from this list (change-log-chain-sql.ts), tested equal to canonicalEntry.
 */
export const CANONICAL_KEYS = ['action', 'actor', 'after', 'at', 'before', 'entity', 'entityId', 'id', 'origin', 'originTouches', 'summary'] as const satisfies readonly (keyof ChainedEntry)[];

/**
 * The canonical JSON of an entry: its nine fields, keys in code-point order, no whitespace
 * (RFC 8785 for an object of strings, integers and nulls). `before` and `after` are hashed as the
 * exact JSON text stored, so any change to a stored byte changes the hash. An entry brought in by
 * a merge also carries `origin` and `originTouches` (in their code-point places); an entry written
 * here has neither key, so its hash is the same as before merges existed.
 */
export function canonicalEntry(entry: ChainedEntry): string {
  const merged = entry.origin === undefined || entry.origin === null ? {} : { origin: entry.origin, originTouches: entry.originTouches ?? null };
  return JSON.stringify({
    action: entry.action,
    actor: entry.actor,
    after: entry.after,
    at: entry.at,
    before: entry.before,
    entity: entry.entity,
    entityId: entry.entityId,
    id: entry.id,
    ...merged,
    summary: entry.summary
  });
}

/** The text an entry's hash is the SHA-256 of: the previous entry's hash, then the entry's canonical JSON. */
export function chainInput(prevHash: string, entry: ChainedEntry): string {
  return prevHash + canonicalEntry(entry);
}

/** The label of the line every export prints the head on (Cover, Introduction, Instructions). */
export const CHAIN_HEAD_ITEM = 'Change-log chain head';

/** The head as one line of text: `#<entry id> sha256:<hex>`. */
export function formatChainHead(head: ChainHead): string {
  return `#${head.id} sha256:${head.hash}`;
}

/** Reads a head printed by formatChainHead (as found in an export); null when the text is not one. */
export function parseChainHead(text: string): ChainHead | null {
  const match = /#(\d+) sha256:([0-9a-f]{64})/.exec(text);
  if (!match) return null;
  return { id: Number(match[1]), hash: match[2]! };
}
