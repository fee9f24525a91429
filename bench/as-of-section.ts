/**
 * The as-of section of `npm run bench -- audit` (goal: the workbook as it was answers in ≤ 2 s at
 * 100k assets). The parent builds the workbook a user has — `demarc new` + `demarc import` of a
 * generated 100k-resource `az resource list` + parties and owners (bench/user-path.ts) — then
 * writes a realistic log through the services: EDITS edits (RACI cells,
 * overrides, notes, owners of 100 assets, service models, sign-offs), one write each. Then each
 * measurement runs in a child process of its own (so its peak RSS is the one of the process doing
 * the work), in the same run:
 *
 *   as-of      `demarc report --as-of #ENTRY --json` to a file, as the bin runs it (chain walked,
 *              the file's pages streamed with the later entries undone, findings per page), at
 *              the middle of the edits and before all of them;
 *   floor      `demarc report --json` to a file: the same stream of the same pages without a
 *              rewind — the least any report of this workbook costs;
 *   state      the app's History view: open, workbookAsOf (an engine state built from the as-of
 *              pages) and its findings.
 *
 * `-- --reps=N` repeats the three (default once); `--asof-keep=PATH` keeps the built workbook.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { updateAssets } from '@main/services/asset-update';
import { workbookAsOf } from '@main/services/as-of';
import type { ServiceContext } from '@main/services/context';
import { setNote } from '@main/services/notes';
import { setOverride } from '@main/services/overrides';
import { setRaci } from '@main/services/raci-assign';
import { addSignOff } from '@main/services/sign-offs';
import { closeWorkbook, openWorkbook } from '@main/services/workbook-service';
import { listChanges } from '@main/store/repos/change-log';
import { buildWorkbook, demarc, flag, load, mb, measureHere, runChild, s2, writeInventory, type Measured } from './user-path';

const ASSETS = Number(flag('asof-assets', '100000'));
const EDITS = Number(flag('asof-edits', '3000'));
const REPS = Number(flag('reps', '1'));
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

/**
 * In a child of its own, one measurement: `report-asof` (`demarc report --as-of MOMENT --json`, the
 * user's path), `report-now` (`demarc report --json`, the floor: the same stream without the
 * rewind) or `state-asof` (the History view's state: workbookAsOf with its findings, the app's path).
 */
export async function asOfChild(kind: string, path: string, moment: string, out: string): Promise<void> {
  if (kind === 'state-asof') {
    const ctx: ServiceContext = { clock: () => new Date().toISOString(), osUser: 'bench' };
    await measureHere(kind, async () => {
      const wb = openWorkbook(ctx, path);
      const answer = workbookAsOf(wb, ctx, moment);
      const note = JSON.stringify({ moment, undone: answer.info.undone, gaps: answer.info.gaps.length, assets: answer.state.input.assets.length, findings: answer.state.findings.length });
      closeWorkbook(wb);
      return Promise.resolve(note);
    });
    return;
  }
  const args = kind === 'report-asof' ? ['report', path, '--as-of', moment, '--json'] : ['report', path, '--json'];
  await measureHere(kind, async () => {
    await demarc(args, out);
    return JSON.stringify({ moment: kind === 'report-asof' ? moment : 'now', bytes: statSync(out).size });
  });
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
  const out = join(dir, 'report.json');
  const line = (m: Measured) => `${s2(m.seconds)} s wall, ${s2(m.cpuSeconds)} s CPU, peak RSS ${mb(m.maxRssMb)} MB`;
  for (let run = 1; run <= REPS; run++) {
    const floor = runChild('asof', ['report-now', path, '', out]);
    console.log(`as-of floor run ${run}: demarc report --json (now, the same stream without a rewind): ${line(floor)} — ${floor.note}`);
    for (const [label, moment] of [['middle of the edits', `#${log.middle}`], ['before every edit', `#${log.beforeEdits}`]] as const) {
      const m = runChild('asof', ['report-asof', path, moment, out]);
      console.log(`as-of ${label} run ${run}: demarc report --as-of ${moment} --json: ${line(m)} = ${s2(m.seconds / floor.seconds)}× wall, ${s2(m.cpuSeconds / floor.cpuSeconds)}× CPU of the floor — ${m.note}`);
      const state = runChild('asof', ['state-asof', path, moment, out]);
      console.log(`as-of ${label} run ${run}: the History view's state (open + workbookAsOf + findings): ${line(state)} — ${state.note}`);
    }
  }
  console.log(`as-of goal: ≤ 2000 ms at 100k assets. ${load()}`);
}
