/** Workshop mode's contract methods, each bound to its service over the session's workbook. */
import type { workshopMethods } from '@shared/contract/workshop';
import { DemarcError } from '@shared/errors';
import type { Handlers } from '../router';
import { runExport } from './export';
import { workbookName } from '../services/workbook-service';
import { closeAction, decide } from '../services/workshop/workshop-decide';
import { saveMinutes, workshopMinutes } from '../services/workshop/workshop-minutes';
import { workshopStep } from '../services/workshop/workshop-step';
import { listWorkshopSummaries, workshopDetail } from '../services/workshop/workshop-view';
import { finishWorkshop, mergeWorkshopGroups, pauseWorkshop, previewWorkshop, resumeWorkshop, splitWorkshopGroup, startWorkshop } from '../services/workshop/workshops';

type WorkshopHandlers = Pick<Handlers, keyof typeof workshopMethods>;

export const workshopHandlers: WorkshopHandlers = {
  'workshops.list': (_input, ctx) => listWorkshopSummaries(ctx.session.require(), ctx.services),
  'workshops.preview': (input, ctx) => previewWorkshop(ctx.session.require(), ctx.services, input),
  'workshops.start': (input, ctx) => startWorkshop(ctx.session.require(), ctx.services, input),
  'workshops.get': (input, ctx) => workshopDetail(ctx.session.require(), ctx.services, input.id),
  'workshops.splitGroup': (input, ctx) => splitWorkshopGroup(ctx.session.require(), ctx.services, input),
  'workshops.mergeGroups': (input, ctx) => mergeWorkshopGroups(ctx.session.require(), ctx.services, input),
  'workshops.step': (input, ctx) => workshopStep(ctx.session.require(), ctx.services, input),
  'workshops.decide': (input, ctx) => decide(ctx.session.require(), ctx.services, input),
  'workshops.pause': (input, ctx) => pauseWorkshop(ctx.session.require(), ctx.services, input),
  'workshops.resume': (input, ctx) => resumeWorkshop(ctx.session.require(), ctx.services, input),
  'workshops.finish': (input, ctx) => finishWorkshop(ctx.session.require(), ctx.services, input),
  'workshops.closeAction': (input, ctx) => closeAction(ctx.session.require(), ctx.services, input),
  'workshops.minutes': (input, ctx) => workshopMinutes(ctx.session.require(), ctx.services, input.id),
  'workshops.saveMinutes': async (input, ctx) => {
    const wb = ctx.session.require();
    if (ctx.session.running.export) throw new DemarcError('INVALID_INPUT', 'An export is already running: wait for it or cancel it.');
    // A path from the renderer is written only when the user chose it in a save dialog (file-grants.ts).
    const path = input.path !== undefined ? ctx.files.require(input.path, 'write') : await ctx.dialogs.chooseExportPath(`${workbookName(wb.path)} workshop minutes`, input.format);
    if (path === null) return null;
    // The session's one export: cancellable (export.cancel), and the file may be shown in its folder.
    return runExport(ctx, (signal) => saveMinutes(wb, ctx.services, { ...input, path }, ctx.printPdf, signal));
  }
};
