/** The History view's methods: the workbook as it was, read from one as-of state (services/as-of.ts). */
import type { asOfMethods } from '@shared/contract/as-of';
import { assetPageOf } from '../engine/query';
import { assetDetailOf } from '../engine/asset-detail';
import { resolveSavedSet } from '../services/saved-set-filter';
import type { Handlers } from '../router';
import { workbookAsOf } from '../services/as-of';
import { findingGroupsOf } from '../services/findings';

type AsOfHandlers = Pick<Handlers, keyof typeof asOfMethods>;

export const asOfHandlers: AsOfHandlers = {
  'asOf.summary': (input, ctx) => {
    const { info, state } = workbookAsOf(ctx.session.require(), ctx.services, input.moment);
    return { info, assets: state.input.assets.length, findings: findingGroupsOf(state) };
  },
  'asOf.assets': (input, ctx) => {
    const wb = ctx.session.require();
    const { state } = workbookAsOf(wb, ctx.services, input.moment);
    // A saved set in the filter is the set as it is now (sets are not part of the as-of state).
    return assetPageOf(state, { filter: resolveSavedSet(wb.db, input.filter), offset: input.offset, limit: input.limit });
  },
  'asOf.asset': (input, ctx) => assetDetailOf(workbookAsOf(ctx.session.require(), ctx.services, input.moment).state, input.id)
};
