/**
 * Contract of saved sets: save the grid's filter or selection under a name, list, show, rename and
 * delete them. Each write is one undoable edit with one change-log entry (entity 'saved-set').
 */
import { z } from 'zod';
import { AssetFilterSchema } from '../filter';
import type { SavedSet } from '../saved-set';
import { LIMITS, idSchema, line } from './bounds';

const name = line(LIMITS.name).trim().min(1);

export const savedSetMethods = {
  'savedSets.list': z.object({}).strict(),
  /** One set with the first assets in it (to recognise it). */
  'savedSets.get': z.object({ id: idSchema }).strict(),
  'savedSets.save': z
    .object({
      name,
      source: z.discriminatedUnion('kind', [
        /** The filter itself: the set follows the inventory. */
        z.object({ kind: z.literal('filter'), filter: AssetFilterSchema }).strict(),
        /** These assets, as chosen now. */
        z.object({ kind: z.literal('selection'), ids: z.array(idSchema).min(1).max(LIMITS.ids) }).strict()
      ])
    })
    .strict(),
  'savedSets.rename': z.object({ id: idSchema, name }).strict(),
  'savedSets.delete': z.object({ id: idSchema }).strict()
};

export interface SavedSetDetail extends SavedSet {
  /** The first assets in it (by name), at most SAVED_SET_EXAMPLES. */
  examples: string[];
}

export const SAVED_SET_EXAMPLES = 10;

export interface SavedSetOutputs {
  'savedSets.list': SavedSet[];
  'savedSets.get': SavedSetDetail;
  'savedSets.save': SavedSet;
  'savedSets.rename': SavedSet;
  'savedSets.delete': { id: number; name: string };
}
