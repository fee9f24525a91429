/** The import methods: preview (native dialog when no paths), apply, cancel; progress as events. */
import type { importMethods } from '@shared/contract/import';
import type { Handlers } from '../router';
import type { RouterContext } from '../router-context';
import { startLoading } from '../services/engine-state';
import {
  applyImport,
  applyImportToken,
  cancelledError,
  previewImport,
  type ImportRequest,
  type ImportRunOptions
} from '../services/import-service';

type ImportHandlers = Pick<Handlers, keyof typeof importMethods>;

/** Running previews and applies, so import.cancel can stop them (token null: not yet known). */
const running = new Set<{ token: string | null; controller: AbortController }>();

async function withCancel<T>(
  ctx: RouterContext,
  token: string | null,
  body: (options: ImportRunOptions) => Promise<T>
): Promise<T> {
  const entry = { token, controller: new AbortController() };
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

function requestOf(input: Omit<ImportRequest, 'paths'>, paths: string[]): ImportRequest {
  return {
    paths,
    ...(input.format ? { format: input.format } : {}),
    ...(input.encoding ? { encoding: input.encoding } : {}),
    ...(input.mapping ? { mapping: input.mapping } : {}),
    ...(input.sheet ? { sheet: input.sheet } : {}),
    ...(input.provider ? { provider: input.provider } : {})
  };
}

export const importHandlers: ImportHandlers = {
  'import.preview': async (input, ctx) => {
    const wb = ctx.session.require();
    const paths = input.paths ?? (await ctx.dialogs.chooseImportFiles());
    if (paths.length === 0) return null;
    return withCancel(ctx, null, (options) => previewImport(wb, requestOf(input, paths), options));
  },
  'import.apply': async (input, ctx) => {
    const wb = ctx.session.require();
    const token = input.token;
    const result = await (token !== undefined
      ? withCancel(ctx, token, (options) => applyImportToken(wb, ctx.services, token, options))
      : withCancel(ctx, null, (options) =>
          applyImport(wb, ctx.services, requestOf(input, input.paths ?? []), options)
        ));
    // The import changed the inventory: reload it in slices while the grid shows its first page.
    if (ctx.warmUp && ctx.session.workbook === wb) startLoading(wb, ctx.services, { waitForFirstPage: true });
    return result;
  },
  'import.cancel': (input) => {
    let cancelled = false;
    for (const entry of running) {
      if (input.token === undefined || entry.token === input.token || entry.token === null) {
        entry.controller.abort(new Error('cancelled'));
        cancelled = true;
      }
    }
    return { cancelled };
  }
};
