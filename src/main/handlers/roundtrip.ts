/** The round-trip methods: detect an export, review its changes (native dialog without a path), apply. */
import type { roundTripMethods } from '@shared/contract/roundtrip';
import { DemarcError } from '@shared/errors';
import type { Handlers } from '../router';
import { applyRoundTrip, detectRoundTrip, previewRoundTrip } from '../services/roundtrip';

type RoundTripHandlers = Pick<Handlers, keyof typeof roundTripMethods>;

export const roundTripHandlers: RoundTripHandlers = {
  'roundtrip.detect': (input, ctx) => detectRoundTrip(ctx.session.require(), ctx.files.require(input.path, 'read')),
  'roundtrip.preview': async (input, ctx) => {
    const wb = ctx.session.require();
    // A path is one the user chose (the import dialog, a drop): granted, or refused.
    const path = input.path !== undefined ? ctx.files.require(input.path, 'read') : (await ctx.dialogs.chooseImportFiles())[0];
    if (path === undefined) return null;
    const entry = { token: null, controller: new AbortController() };
    ctx.session.running.imports.add(entry);
    try {
      return await previewRoundTrip(wb, ctx.services, { ...input, path }, {
        signal: entry.controller.signal,
        onRows: (done) => ctx.emit('progress', { operation: 'import', phase: 'reading', done, total: null })
      });
    } catch (error) {
      if (entry.controller.signal.aborted && !(error instanceof DemarcError)) throw new DemarcError('CANCELLED', 'Cancelled: nothing was read.');
      throw error;
    } finally {
      ctx.session.running.imports.delete(entry);
    }
  },
  'roundtrip.apply': (input, ctx) => applyRoundTrip(ctx.session.require(), ctx.services, input)
};
