/** The export's contract methods: run (with the native save dialog), cancel, show in folder. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { exportMethods } from '@shared/contract/export';
import { DemarcError } from '@shared/errors';
import type { Handlers } from '../router';
import type { RouterContext } from '../router-context';
import { exportWorkbook, type ExportPhase } from '../services/export-service';
import { workbookName } from '../services/workbook-service';

type ExportHandlers = Pick<Handlers, keyof typeof exportMethods>;

/** Milliseconds between two 'writing' progress events: enough for a smooth bar, few IPC messages. */
const PROGRESS_INTERVAL_MS = 100;

export function progressEmitter(ctx: RouterContext): (phase: ExportPhase, done: number, total: number | null) => void {
  let last = 0;
  return (phase, done, total) => {
    const now = Date.now();
    if (phase === 'writing' && now - last < PROGRESS_INTERVAL_MS && done !== total) return;
    last = now;
    ctx.emit('progress', { operation: 'export', phase, done, total });
  };
}

/**
 * Runs an export as the session's one running export (cancellable through export.cancel) and
 * remembers the file it wrote (show in folder takes only those).
 */
export async function runExport<R extends { path: string }>(ctx: RouterContext, run: (signal: AbortSignal) => Promise<R>): Promise<R> {
  const state = ctx.session.running;
  const controller = new AbortController();
  state.export = controller;
  try {
    const result = await run(controller.signal);
    state.exported.add(result.path);
    return result;
  } finally {
    state.export = null;
  }
}

export const exportHandlers: ExportHandlers = {
  'export.run': async (input, ctx) => {
    const wb = ctx.session.require();
    const state = ctx.session.running;
    if (state.export) throw new DemarcError('INVALID_INPUT', 'An export is already running: wait for it or cancel it.');
    // A baseline export is read: it must have been chosen to read (checked before the save dialog).
    const since = input.since === undefined || !('fromExport' in input.since) ? input.since : { fromExport: ctx.files.require(input.since.fromExport, 'read') };
    const chosen = input.path !== undefined ? ctx.files.require(input.path, 'write') : await ctx.dialogs.chooseExportPath(`${workbookName(wb.path)} RACI`, input.format);
    if (!chosen) return null;
    return runExport(ctx, (signal) =>
      exportWorkbook(wb, ctx.services, {
        format: input.format,
        path: chosen,
        exportedAt: input.exportedAt,
        ...(since === undefined ? {} : { since }),
        signal,
        onProgress: progressEmitter(ctx)
      })
    );
  },
  'export.cancel': (_input, ctx) => {
    const running = ctx.session.running.export;
    running?.abort(new DemarcError('CANCELLED', 'Export cancelled: no file was written.'));
    return { cancelled: running !== null };
  },
  'export.showInFolder': (input, ctx) => {
    // Only files this window exported: the renderer cannot point the file manager anywhere else.
    const path = resolve(input.path);
    if (!ctx.session.running.exported.has(path) || !existsSync(path)) {
      throw new DemarcError('NOT_FOUND', `${path} is not a file exported in this session.`);
    }
    ctx.shell.showItemInFolder(path);
    return null;
  }
};
