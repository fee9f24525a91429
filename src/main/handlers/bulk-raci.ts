/** Bulk RACI's contract methods, each bound to its service over the session's workbook. */
import type { bulkRaciMethods } from '@shared/contract/bulk-raci';
import type { Handlers } from '../router';
import { modelsOfSelection, setRaciMany } from '../services/raci-bulk';

type BulkRaciHandlers = Pick<Handlers, keyof typeof bulkRaciMethods>;

export const bulkRaciHandlers: BulkRaciHandlers = {
  'assets.modelsOf': (input, ctx) => modelsOfSelection(ctx.session.require(), ctx.services, input.filter),
  'raci.setMany': (input, ctx) => setRaciMany(ctx.session.require(), ctx.services, input)
};
