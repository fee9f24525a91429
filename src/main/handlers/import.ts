/** The import methods: preview (native dialog when no paths), apply, cancel; progress as events. */
import { basename } from 'node:path';
import type { importMethods } from '@shared/contract/import';
import { DemarcError } from '@shared/errors';
import type { Handlers } from '../router';
import type { RouterContext } from '../router-context';
import {
  applyImport,
  applyImportToken,
  cancelledError,
  previewImport,
  type ImportRequest,
  type ImportRunOptions
} from '../import/import-service';
import { detectRoundTrip } from '../services/roundtrip';

type ImportHandlers = Pick<Handlers, keyof typeof importMethods>;

async function withCancel<T>(
  ctx: RouterContext,
  token: string | null,
  body: (options: ImportRunOptions) => Promise<T>
): Promise<T> {
  const entry = { token, controller: new AbortController() };
  const running = ctx.session.running.imports;
  running.add(entry);
  const signal = entry.controller.signal;
  try {
    return await body({ signal, onProgress: (event) => ctx.emit('progress', event) });
  } catch (error) {
    throw cancelledError(error, signal);
  } finally {
    running.delete(entry);
  }
}

/** The read options of a preview or apply, with the files chosen (a token is not a read option). */
function requestOf(input: Omit<ImportRequest, 'paths'> & { token?: string }, paths: string[]): ImportRequest {
  const { token: _token, ...options } = input;
  return { ...options, paths };
}

export const importHandlers: ImportHandlers = {
  'import.preview': async (input, ctx) => {
    const wb = ctx.session.require();
    const paths = input.paths !== undefined ? input.paths.map((path) => ctx.files.require(path, 'read')) : await ctx.dialogs.chooseImportFiles();
    if (paths.length === 0) return null;
    const [only] = paths;
    if (paths.length === 1 && only !== undefined && input.format === undefined && /\.(xlsx|csv)$/i.test(only) && (await detectRoundTrip(wb, only)).isExport) {
      // Demarc's own export, edited and brought back: the renderer opens Review changes on it.
      throw new DemarcError('INVALID_INPUT', `${basename(only)} is a RACI workbook Demarc exported: its changes are reviewed, not imported as an inventory.`, { roundTripPath: only });
    }
    return withCancel(ctx, null, (options) => previewImport(wb, requestOf(input, paths), options));
  },
  'import.apply': async (input, ctx) => {
    const wb = ctx.session.require();
    const token = input.token;
    for (const path of input.paths ?? []) ctx.files.require(path, 'read');
    const result = await (token !== undefined
      ? withCancel(ctx, token, (options) => applyImportToken(wb, ctx.services, token, options))
      : withCancel(ctx, null, (options) =>
          applyImport(wb, ctx.services, requestOf(input, input.paths ?? []), options)
        ));
    // The import changed the inventory: reload it in slices while the grid shows its first page.
    if (ctx.warmUp && ctx.session.workbook === wb) wb.engine.startLoading(ctx.services, { waitForFirstPage: true });
    return result;
  },
  'import.cancel': (input, ctx) => {
    let cancelled = false;
    for (const entry of ctx.session.running.imports) {
      if (input.token === undefined || entry.token === input.token || entry.token === null) {
        entry.controller.abort(new Error('cancelled'));
        cancelled = true;
      }
    }
    return { cancelled };
  }
};
