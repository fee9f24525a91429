import type { Handlers } from '../router';
import type { RouterContext } from '../router-context';
import type { OpenWorkbook } from '../services/context';
import { engineState } from '../services/engine-state';
import {
  changes,
  createWorkbook,
  openWorkbook,
  updateSettings,
  workbookInfo,
  workbookName
} from '../services/workbook-service';

type WorkbookHandlers = Pick<
  Handlers,
  | 'workbook.create'
  | 'workbook.open'
  | 'workbook.close'
  | 'workbook.current'
  | 'workbook.recent'
  | 'workbook.forgetRecent'
  | 'settings.update'
  | 'changes.list'
>;

/**
 * The grid's first page needs the whole engine state (assets, findings). Loading it right after
 * the open is answered overlaps it with the renderer drawing the workbench.
 */
function warmUp(ctx: RouterContext, wb: OpenWorkbook): void {
  if (!ctx.warmUp) return;
  setTimeout(() => {
    if (ctx.session.workbook !== wb) return;
    try {
      void engineState(wb, ctx.services).findings;
    } catch {
      // The request that needs the state will report the problem.
    }
  }, 0).unref();
}

function adopt(ctx: RouterContext, wb: OpenWorkbook) {
  ctx.session.replace(wb);
  warmUp(ctx, wb);
  ctx.recent.add(wb.path, ctx.services.clock());
  ctx.shell.workbookChanged({ name: workbookName(wb.path), path: wb.path });
  return workbookInfo(wb, ctx.services);
}

export const workbookHandlers: WorkbookHandlers = {
  'workbook.create': async (input, ctx) => {
    const path = input.path ?? (await ctx.dialogs.chooseNewWorkbookPath(input.organisation || 'Workbook'));
    if (!path) return null;
    const organisation = input.organisation;
    return adopt(ctx, createWorkbook(ctx.services, organisation ? { path, organisation } : { path }));
  },
  'workbook.open': async (input, ctx) => {
    const path = input.path ?? (await ctx.dialogs.chooseWorkbookToOpen());
    if (!path) return null;
    // Open first, then swap: a refused file leaves the current workbook open.
    return adopt(ctx, openWorkbook(ctx.services, path));
  },
  'workbook.close': (_input, ctx) => {
    ctx.session.close();
    ctx.shell.workbookChanged(null);
    return null;
  },
  'workbook.current': (_input, ctx) => {
    const wb = ctx.session.workbook;
    return wb ? workbookInfo(wb, ctx.services) : null;
  },
  'workbook.recent': (_input, ctx) => ctx.recent.list(),
  'workbook.forgetRecent': (input, ctx) => ctx.recent.remove(input.path),
  'settings.update': (input, ctx) => {
    const wb = ctx.session.require();
    updateSettings(wb, ctx.services, input);
    return workbookInfo(wb, ctx.services);
  },
  'changes.list': (input, ctx) => changes(ctx.session.require(), input)
};
