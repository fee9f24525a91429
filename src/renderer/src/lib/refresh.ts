/**
 * How a feature says which of its queries a write makes stale. Main tells the renderer what each
 * committed write touched (the 'workbook-changed' event); each feature's queries.ts maps that to
 * its own query keys, and the shell invalidates exactly those (React Query refetches the ones
 * on screen).
 */
import type { InvalidateQueryFilters } from '@tanstack/react-query';
import type { Touched } from '@shared/contract';

/** The queries a write made stale, as React Query filters (a key prefix, and a predicate where needed). */
export type RefreshRule = (touched: Touched) => readonly InvalidateQueryFilters[];

/** Every workbook query key starts with this, so closing a workbook drops them all at once. */
export const WORKBOOK = 'workbook';

/** Whether a write touched any of these kinds. `assets` counts whichever assets it names. */
export function touches(touched: Touched, ...kinds: (keyof Touched)[]): boolean {
  return kinds.some((kind) => (kind === 'assets' ? touched.assets !== undefined : touched[kind] === true));
}

/** Whether a write may have changed one asset (itself, or what every asset shows). */
export function touchesAsset(touched: Touched, id: number): boolean {
  if (touches(touched, 'parties', 'settings', 'models', 'inventory')) return true;
  return touched.assets === 'all' || (touched.assets?.includes(id) ?? false);
}
