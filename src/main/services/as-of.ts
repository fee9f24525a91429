/**
 * The workbook as it was at a moment, rebuilt from the change log (as-of-plan.ts: the chain
 * walked, every later entry turned into what undoes it; as-of-pages.ts: that rewind laid over the
 * file's pages). `demarc report --as-of` and `demarc check --as-of` stream those pages; the app's
 * History view needs an engine state of its own (grid pages, facets, the asset panel): it is built
 * here the same way from the pages of the state the app has loaded (no second read of the file),
 * without touching that state, and kept on the OpenWorkbook until the next write.
 *
 * What the log cannot undo (an import's updates of existing assets, the service-model columns a
 * model change mapped, the sign-offs and models a merge carried, entries older than the way back
 * they now log) is named in `gaps`: those values are shown as they are now, and the answer says so.
 */
import type { EngineInput } from '@core/engine-input';
import type { AsOfInfo } from '@shared/as-of';
import type { SignOffItem } from '@shared/sign-off';
import { buildEngineState, type EngineState } from '../engine/state';
import { asOfPagesOfState } from './as-of-pages';
import type { OpenWorkbook, ServiceContext } from './context';

/** An as-of answer: the state as it was, and what it stands on. */
export interface AsOfAnswer {
  info: AsOfInfo;
  state: EngineState;
}

/** What an open workbook keeps of as-of answers: the last one and the chain walk, until the next write. */
export class AsOfMemo {
  chain: { revision: number; head: string } | null = null;
  answer: { revision: number; value: AsOfAnswer } | null = null;
}

/**
 * The workbook as it was at `requested` as an engine state (see the module comment), kept until
 * the next write.
 * @throws DemarcError BAD_FILE when the chain does not verify; NOT_FOUND before the workbook
 *   existed or for an unknown entry; INVALID_INPUT for a moment in the future
 */
export function workbookAsOf(wb: OpenWorkbook, ctx: ServiceContext, requested: string): AsOfAnswer {
  const then = asOfPagesOfState(wb, ctx, requested, wb.engine.state(ctx));
  const kept = wb.asOf.answer;
  if (kept !== null && kept.revision === wb.revision && kept.value.info.at === then.info.at && kept.value.info.entry.id === then.info.entry.id) return kept.value;
  const assets: EngineInput['assets'] = [];
  const overrides: EngineInput['overrides'] = [];
  const assignments: EngineInput['assignments'] = [];
  const notes: NonNullable<EngineInput['notes']> = [];
  const actions: NonNullable<EngineInput['actions']> = [];
  const items: SignOffItem[] = [];
  for (const page of then.pages()) {
    assets.push(...page.assets);
    overrides.push(...page.overrides);
    assignments.push(...page.assignments);
    notes.push(...(page.notes ?? []));
    actions.push(...(page.actions ?? []));
    items.push(...(page.signOffs?.items ?? []));
  }
  const input: EngineInput = { settings: then.settings, models: then.models, parties: then.parties, assets, overrides, assignments, notes, actions, signOffs: { records: then.signOffRecords, items }, now: then.info.at };
  const value: AsOfAnswer = { state: buildEngineState(input), info: then.info };
  wb.asOf.answer = { revision: wb.revision, value };
  return value;
}
