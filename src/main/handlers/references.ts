/** Damaged references: what the workbook holds of them, and their repair. */
import type { referenceMethods } from '@shared/contract/references';
import type { Handlers } from '../router';
import { referenceDamage, repairReferences } from '../services/reference-repair';

type ReferenceHandlers = Pick<Handlers, keyof typeof referenceMethods>;

export const referenceHandlers: ReferenceHandlers = {
  'references.damage': (input, ctx) => referenceDamage(ctx.session.require(), ctx.services, input),
  'references.repair': (input, ctx) => repairReferences(ctx.session.require(), ctx.services, input)
};
