/** The audit trail's plain types, shared by core, main, the CLI and the renderer. */

/** The chain's last entry: what exports print and `verify --against` checks. */
export interface ChainHead {
  id: number;
  hash: string;
}

/** How a chain can be broken, named for the auditor. */
export const CHAIN_BREAK_KINDS = ['edited', 'deleted', 'reordered', 'forged', 'unchained'] as const;
export type ChainBreakKind = (typeof CHAIN_BREAK_KINDS)[number];

export interface ChainBreak {
  /** The first entry that does not match (for entries removed from the end: the last one left). */
  entryId: number;
  kind: ChainBreakKind;
  message: string;
}
