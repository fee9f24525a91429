/** Saved sets' contract methods, each bound to its service over the session's workbook. */
import type { savedSetMethods } from '@shared/contract/saved-sets';
import type { Handlers } from '../router';
import { deleteSavedSetById, listSavedSets, renameSavedSet, saveSavedSet, savedSetDetail } from '../services/saved-sets';

type SavedSetHandlers = Pick<Handlers, keyof typeof savedSetMethods>;

export const savedSetHandlers: SavedSetHandlers = {
  'savedSets.list': (_input, ctx) => listSavedSets(ctx.session.require(), ctx.services),
  'savedSets.get': (input, ctx) => savedSetDetail(ctx.session.require(), ctx.services, input.id),
  'savedSets.save': (input, ctx) => saveSavedSet(ctx.session.require(), ctx.services, input),
  'savedSets.rename': (input, ctx) => renameSavedSet(ctx.session.require(), ctx.services, input),
  'savedSets.delete': (input, ctx) => deleteSavedSetById(ctx.session.require(), ctx.services, input)
};
