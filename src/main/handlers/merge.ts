/** Lineage and merge, bound to their services over the session's workbook. */
import type { mergeMethods } from '@shared/contract/merge';
import type { Handlers } from '../router';
import { copyWorkbook } from '../merge/copy-workbook';
import { prepareMerge } from '../merge/merge-plan';
import { applyMerge } from '../merge/merge-service';
import { workbookName } from '../services/workbook-service';

type MergeHandlers = Pick<Handlers, keyof typeof mergeMethods>;

export const mergeHandlers: MergeHandlers = {
  'workbook.copy': async (input, ctx) => {
    const wb = ctx.session.require();
    const path = input.path !== undefined ? ctx.files.require(input.path, 'workbook') : await ctx.dialogs.chooseNewWorkbookPath(`${workbookName(wb.path)} for ${input.label}`);
    return path === null ? null : copyWorkbook(wb, ctx.services, { path, label: input.label });
  },
  'merge.preview': async (input, ctx) => {
    const wb = ctx.session.require();
    // The other copy is chosen as a workbook (File › Merge Workbook…'s dialog grants it); the merge only reads it.
    const path = input.path !== undefined ? ctx.files.require(input.path, 'workbook') : await ctx.dialogs.chooseWorkbookToOpen();
    return path === null ? null : prepareMerge(wb, ctx.services, path, input.decisions).plan;
  },
  'merge.apply': (input, ctx) => applyMerge(ctx.session.require(), ctx.services, { ...input, path: ctx.files.require(input.path, 'workbook') })
};
