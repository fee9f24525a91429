/** The audit trail's contract methods. */
import type { auditMethods } from '@shared/contract/audit';
import type { Handlers } from '../router';
import { verifyWorkbook } from '../services/audit-verify';

type AuditHandlers = Pick<Handlers, keyof typeof auditMethods>;

export const auditHandlers: AuditHandlers = {
  'audit.verify': async (input, ctx) => {
    const wb = ctx.session.require();
    if (input.chooseAgainst && input.againstPath === undefined) {
      const chosen = await ctx.dialogs.chooseExportToVerify();
      if (chosen === null) return null;
      return verifyWorkbook(wb, chosen);
    }
    return verifyWorkbook(wb, input.againstPath === undefined ? undefined : ctx.files.require(input.againstPath, 'read'));
  }
};
