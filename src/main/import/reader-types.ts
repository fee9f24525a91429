/**
 * What every reader receives and returns. `read-inventory.ts` adds format, encoding and the
 * collected warnings to make the public ReadResult.
 */
import type { AssetProvider, ColumnMapping, ImportRow, RowError } from '@shared/import';
import type { ReadWarnings } from './warnings';

/**
 * Portal exports carry display names ("Virtual machine", "West Europe"). The classifier owns
 * the catalogue that resolves them; readers take the resolvers as parameters. Return null when
 * the name is unknown: the reader keeps the value as read and warns.
 */
export type DisplayTypeResolver = (displayName: string) => string | null;
export type RegionResolver = (name: string) => string | null;
/** The ARM kind a portal display type implies ("Function App" → functionapp), or null. */
export type DisplayKindResolver = (displayName: string) => string | null;
/**
 * An ARN's service and resource part → its CloudFormation type and a display name (the classifier's
 * resolveArnResource); null when the service is unknown, and the reader says so.
 */
export type ArnResolver = (service: string, resource: string) => { type: string; name: string } | null;

export interface ReaderContext {
  warnings: ReadWarnings;
  mapping?: ColumnMapping;
  /** Default provider of generic CSV/xlsx rows that show no Azure trait. */
  provider?: AssetProvider;
  resolveDisplayType: DisplayTypeResolver;
  resolveRegion: RegionResolver;
  resolveDisplayKind: DisplayKindResolver;
  resolveArnResource: ArnResolver;
  /** CSV: a quote inside an unquoted field stops the read instead of being kept with a warning. */
  strictCsv?: boolean;
  signal?: AbortSignal;
  onProgress?: (rowsRead: number) => void;
}

export interface ReaderOutput {
  rows: ImportRow[];
  errors: RowError[];
  totalRecords: number;
  /** False when reading stopped early (a syntax error, an unusable mapping). */
  complete: boolean;
  delimiter?: string;
  columns?: string[];
  mapping?: ColumnMapping;
  sheets?: string[];
  sheet?: string;
}

/** A reader that could not start (unusable mapping, wrong shape): one error, no rows. */
export function failedRead(error: RowError, extra: Partial<ReaderOutput> = {}): ReaderOutput {
  return { rows: [], errors: [error], totalRecords: 0, complete: false, ...extra };
}

/** Let the event loop run (progress events, abort) during a long synchronous read. */
export function yieldToLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
