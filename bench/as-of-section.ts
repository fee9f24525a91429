/**
 * The as-of section of `npm run bench -- audit` (goal: the workbook as it was answers in ≤ 2 s at
 * 100k assets). The parent builds the workbook a user has — `demarc new` + `demarc import` of a
 * generated 100k-resource `az resource list` + parties and owners (bench/user-path.ts) — then
 * writes a realistic log through the services: EDITS edits (RACI cells,
 * overrides, notes, owners of 100 assets, service models, sign-offs), one write each. A child
 * process opens the workbook as the app does (engine state loaded) and times, in the same run:
 *
 *   as-of      workbookAsOf (chain walked, later entries undone on a state of its own, findings
 *              computed) at the middle of the edits and before all of them;
 *   floor      a state built from the already-loaded input with its findings computed: the least
 *              any answer "the workbook with its findings" costs once the rows are in memory;
 *   load       the engine state read from the file (what opening costs, for scale).
 *
 * The child's peak RSS is the answering process's (it holds the live state and one as-of state).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildEngineState } from '@main/engine/state';
import { updateAssets } from '@main/services/asset-update';
import { workbookAsOf } from '@main/services/as-of';
import type { ServiceContext } from '@main/services/context';
import { setNote } from '@main/services/notes';
import { setOverride } from '@main/services/overrides';
import { setRaci } from '@main/services/raci-assign';
import { addSignOff } from '@main/services/sign-offs';
import { closeWorkbook, openWorkbook } from '@main/services/workbook-service';
import { listChanges } from '@main/store/repos/change-log';
import { buildWorkbook, flag, load, runChild, writeInventory, type Measured } from './user-path';

const ASSETS = Number(flag('asof-assets', '100000'));
const EDITS = Number(flag('asof-edits', '3000'));
const LAYERS = ['operating-system', 'applications', 'identities-and-users', 'network-controls', 'customer-data'];

/** A clock that moves one millisecond per call from now (the workbook was just built): every edit its own instant. */
function steppingClock(): () => string {
  let t = Date.now();
  return () => new Date((t += 1)).toISOString();
}

/** EDITS single edits through the services, one write and one change-log entry each. */
function writeLog(path: string): { middle: number; beforeEdits: number; entries: number } {
  const ctx: ServiceContext = { clock: steppingClock(), osUser: 'bench' };
  const wb = openWorkbook(ctx, path);
  const state = wb.engine.state(ctx);
  const ids = state.input.assets.map((a) => a.id);
  const people = state.input.parties.filter((p) => p.kind === 'person' || p.kind === 'team');
  const beforeEdits = listChanges(wb.db, { newestFirst: true, limit: 1 })[0]!.id;
  let middle = beforeEdits;
  let seed = 7;
  const pick = <T>(list: readonly T[]): T => list[(seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) % list.length]!;
  for (let n = 0; n < EDITS; n++) {
    const assetId = pick(ids);
    const layerId = pick(LAYERS);
    try {
      switch (n % 6) {
        case 0:
        case 1:
          setRaci(wb, ctx, { assetId, layerId, roles: { R: [pick(people).id] } });
          break;
        case 2:
          setOverride(wb, ctx, { assetId, layerId: 'network-controls', responsibility: 'shared', justification: `reviewed in change ${n}` });
          break;
        case 3:
          setNote(wb, ctx, { assetId, layerId, note: `checked on visit ${n}` });
          break;
        case 4: {
          const from = ids.indexOf(assetId);
          updateAssets(wb, ctx, { filter: { ids: ids.slice(from, from + 100) }, set: { ownerPartyId: pick(people).id } });
          break;
        }
        default:
          if (n % 60 === 5) addSignOff(wb, ctx, { scope: { kind: 'asset', assetId }, partyId: pick(people).id, statement: 'I confirm the RACI of these layers' });
          else updateAssets(wb, ctx, { filter: { ids: [assetId] }, set: { reviewed: true } });
      }
    } catch {
      // An edit the rules refuse (an override equal to the published cell) is what a user meets too: skipped.
    }
    if (n === Math.floor(EDITS / 2)) middle = listChanges(wb.db, { newestFirst: true, limit: 1 })[0]!.id;
  }
  const entries = listChanges(wb.db, { newestFirst: true, limit: 1 })[0]!.id;
  closeWorkbook(wb);
  return { middle, beforeEdits, entries };
}

/** In the child: the three timings on one open workbook. */
export async function asOfChild(path: string, moment: string): Promise<void> {
  const ctx: ServiceContext = { clock: () => new Date().toISOString(), osUser: 'bench' };
  const wb = openWorkbook(ctx, path);
  const t0 = performance.now();
  const live = wb.engine.state(ctx);
  void live.findings.length;
  const loadMs = performance.now() - t0;
  // The floor's state is dropped before the as-of answer, so the peak RSS is the answering process's: live + as-of.
  const t1 = performance.now();
  const floorFindings = buildEngineState({ ...live.input, now: ctx.clock() }).findings.length;
  const floorMs = performance.now() - t1;
  (globalThis as { gc?: () => void }).gc?.();
  const t2 = performance.now();
  const answer = workbookAsOf(wb, ctx, moment);
  const asOfFindings = answer.state.findings.length;
  const asOfMs = performance.now() - t2;
  const result: Measured = {
    kind: 'asof',
    seconds: asOfMs / 1000,
    cpuSeconds: 0,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    note: JSON.stringify({ moment, undone: answer.info.undone, gaps: answer.info.gaps.length, assets: answer.state.input.assets.length, asOfFindings, floorFindings, asOfMs: Math.round(asOfMs), floorMs: Math.round(floorMs), loadMs: Math.round(loadMs) })
  };
  closeWorkbook(wb);
  await Promise.resolve();
  console.log(`BENCH_RESULT ${JSON.stringify(result)}`);
}

/** The section, run by the parent: build, log, then two moments measured twice each in a child. */
export async function asOfSection(dir: string): Promise<void> {
  // `--asof-keep=PATH`: build the workbook and its log once, and reuse them (with the moments) on later runs.
  const keep = flag('asof-keep', '');
  const path = keep === '' ? join(dir, 'as-of.demarc') : keep;
  let log: { middle: number; beforeEdits: number; entries: number };
  if (keep !== '' && existsSync(`${keep}.moments.json`)) {
    log = JSON.parse(readFileSync(`${keep}.moments.json`, 'utf8')) as typeof log;
    console.log(`as-of: reusing ${keep} (change log #1–#${log.entries})`);
  } else {
    let t = performance.now();
    await buildWorkbook(path, writeInventory(dir, ASSETS));
    console.log(`as-of: built ${ASSETS.toLocaleString('en-GB')} assets with demarc new/import/parties/assign in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    log = writeLog(path);
    console.log(`as-of: ${EDITS.toLocaleString('en-GB')} edits through the services in ${((performance.now() - t) / 1000).toFixed(1)} s; change log #1–#${log.entries}`);
    if (keep !== '') writeFileSync(`${keep}.moments.json`, JSON.stringify(log));
  }
  for (const [label, moment] of [['middle of the edits', `#${log.middle}`], ['before every edit', `#${log.beforeEdits}`]] as const) {
    for (let run = 1; run <= 2; run++) {
      const m = runChild('asof', [path, moment]);
      const note = JSON.parse(m.note) as { asOfMs: number; floorMs: number; loadMs: number; undone: number; gaps: number };
      console.log(`as-of ${label} (${moment}) run ${run}: as-of ${note.asOfMs} ms (${note.undone} entries undone, ${note.gaps} gaps) vs floor ${note.floorMs} ms = ${(note.asOfMs / note.floorMs).toFixed(2)}×; engine load from the file ${note.loadMs} ms; child peak RSS ${m.maxRssMb.toFixed(0)} MB — ${m.note}`);
    }
  }
  console.log(`as-of goal: ≤ 2000 ms at 100k assets. ${load()}`);
}
