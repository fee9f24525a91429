/** The audit trail's contract methods: verify, sign-offs. */
import type { auditMethods } from '@shared/contract/audit';
import type { signOffMethods } from '@shared/contract/sign-offs';
import type { Handlers } from '../router';
import { diffWorkbook } from '../services/audit-diff';
import { exportDiff } from '../services/audit-diff-export';
import { workbookName } from '../services/workbook-service';
import { verifyWorkbook } from '../services/audit-verify';
import { addSignOff, listSignOffs } from '../services/sign-offs';

type AuditHandlers = Pick<Handlers, keyof typeof auditMethods | keyof typeof signOffMethods>;

export const auditHandlers: AuditHandlers = {
  'audit.verify': async (input, ctx) => {
    const wb = ctx.session.require();
    if (input.chooseAgainst && input.againstPath === undefined) {
      const chosen = await ctx.dialogs.chooseExportToVerify();
      if (chosen === null) return null;
      return verifyWorkbook(wb, chosen, input.signerKeys);
    }
    return verifyWorkbook(wb, input.againstPath === undefined ? undefined : ctx.files.require(input.againstPath, 'read'), input.signerKeys);
  },
  'audit.diff': (input, ctx) =>
    diffWorkbook(ctx.session.require(), ctx.services, input.fromExport === undefined ? input : { ...input, fromExport: ctx.files.require(input.fromExport, 'read') }),
  'audit.exportDiff': async (input, ctx) => {
    const wb = ctx.session.require();
    const { format, path, ...window } = input;
    // The baseline must have been chosen to read; checked before the save dialog.
    const query = window.fromExport === undefined ? window : { ...window, fromExport: ctx.files.require(window.fromExport, 'read') };
    const chosen = path !== undefined ? ctx.files.require(path, 'write') : await ctx.dialogs.chooseExportPath(`${workbookName(wb.path)} changes`, format);
    if (chosen === null) return null;
    return exportDiff(wb, ctx.services, query, format, chosen);
  },
  'audit.chooseEarlierExport': async (_input, ctx) => {
    ctx.session.require();
    return ctx.dialogs.chooseExportToVerify();
  },
  'signOffs.add': (input, ctx) => addSignOff(ctx.session.require(), ctx.services, input),
  'signOffs.list': (input, ctx) => listSignOffs(ctx.session.require(), ctx.services, input)
};
