import type { Handlers } from '../router';
import type { RouterContext } from '../router-context';
import type { OpenWorkbook } from '../services/context';
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
 * Loads the engine state in slices right after the open is answered: the renderer draws the
 * workbench and gets the grid's first page meanwhile, instead of waiting for 100k assets.
 */
function warmUp(ctx: RouterContext, wb: OpenWorkbook): void {
  if (ctx.warmUp) wb.engine.startLoading(ctx.services, { waitForFirstPage: true });
}

function adopt(ctx: RouterContext, wb: OpenWorkbook) {
  ctx.session.replace(wb);
  // Tell the renderer what each write touched, so it refreshes only that.
  wb.onWrite((touched) => ctx.emit('workbook-changed', { touched }));
  warmUp(ctx, wb);
  ctx.recent.add(wb.path, ctx.services.clock());
  ctx.shell.workbookChanged({ name: workbookName(wb.path), path: wb.path });
  return workbookInfo(wb, ctx.services);
}

export const workbookHandlers: WorkbookHandlers = {
  'workbook.create': async (input, ctx) => {
    const path = input.path !== undefined ? ctx.files.require(input.path, 'workbook') : await ctx.dialogs.chooseNewWorkbookPath(input.organisation || 'Workbook');
    if (!path) return null;
    const organisation = input.organisation;
    return adopt(ctx, createWorkbook(ctx.services, organisation ? { path, organisation } : { path }));
  },
  'workbook.open': async (input, ctx) => {
    const path = input.path !== undefined ? ctx.files.require(input.path, 'workbook') : await ctx.dialogs.chooseWorkbookToOpen();
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
