/**
 * The as-of section of `npm run bench -- audit` (goal: the workbook as it was answers in ≤ 2 s at
 * 100k assets). The parent builds the workbook a user has — `demarc new` + `demarc import` of a
 * generated 100k-resource `az resource list` + parties and owners (bench/user-path.ts) — then
 * writes a realistic log through the services: EDITS edits (RACI cells,
 * overrides, notes, owners of 100 assets, service models, sign-offs), one write each. Then each
 * measurement runs in a child process of its own (so its peak RSS is the one of the process doing
 * the work), in the same run:
 *
 *   check      `node demarc.cjs check --as-of #ENTRY --json` (the findings as they were: the file's
 *              pages streamed with the later entries undone) at the middle of the edits and before
 *              all of them, against `demarc check --json` (the same stream without a rewind) — the
 *              CLI as a user runs it, timed from spawn to exit, its CPU from its start (Node's
 *              start-up and module loading included; `demarc --version` is printed beside as the
 *              start-up alone);
 *   report     `demarc report --as-of #ENTRY --json` to a file against `demarc report --json`;
 *   state      the app's History view: the state loaded as the app does after an open (timed
 *              apart), then workbookAsOf with its findings, against a state built from the
 *              loaded rows with its findings (the least "the workbook with its findings" costs).
 *
 * `-- --reps=N` repeats them (default once), `--asof-paths=check,state` picks; `--asof-keep=PATH`
 * keeps the built workbook.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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
import { buildWorkbook, demarcProcess, flag, load, mb, measureHere, runChild, s2, writeInventory, type Measured } from './user-path';

const ASSETS = Number(flag('asof-assets', '100000'));
const EDITS = Number(flag('asof-edits', '3000'));
const REPS = Number(flag('reps', '1'));
/** `--asof-paths=check,report,state`: which answers to measure. */
const PATHS = flag('asof-paths', 'check,report,state').split(',');
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
 * In a child of its own, the History view's answer (`state-asof`): the workbook opened and its
 * state loaded as the app does (timed apart), then workbookAsOf with its findings, against the
 * floor measured in the same child: a state built from the already-loaded rows with its findings.
 */
export async function asOfChild(path: string, moment: string): Promise<void> {
  const ctx: ServiceContext = { clock: () => new Date().toISOString(), osUser: 'bench' };
  const wb = openWorkbook(ctx, path);
  const t0 = performance.now();
  const live = wb.engine.state(ctx);
  void live.findings.length;
  const loadMs = performance.now() - t0;
  const c1 = process.cpuUsage();
  const t1 = performance.now();
  const floorFindings = buildEngineState({ ...live.input, now: ctx.clock() }).findings.length;
  const floorMs = performance.now() - t1;
  const floorCpu = process.cpuUsage(c1);
  (globalThis as { gc?: () => void }).gc?.();
  await measureHere('state-asof', () => {
    const answer = workbookAsOf(wb, ctx, moment);
    const cpu = ((floorCpu.user + floorCpu.system) / 1e6).toFixed(2);
    return Promise.resolve(JSON.stringify({ moment, undone: answer.info.undone, gaps: answer.info.gaps.length, assets: answer.state.input.assets.length, findings: answer.state.findings.length, floorFindings, floorMs: Math.round(floorMs), floorCpuS: Number(cpu), loadMs: Math.round(loadMs) }));
  });
  closeWorkbook(wb);
}

/** `demarc check|report [--as-of MOMENT] --json` as a user runs it, stdout to `out` (check exits 1 on an error finding: answered all the same). */
function cliAnswer(command: string, path: string, moment: string | null, out: string): Measured {
  const args = moment === null ? [command, path, '--json'] : [command, path, '--as-of', moment, '--json'];
  const m = demarcProcess(`${command}-${moment === null ? 'now' : 'asof'}`, args, out, command === 'check' ? [0, 1] : [0]);
  return { ...m, note: JSON.stringify({ moment: moment ?? 'now', bytes: statSync(out).size }) };
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
  const out = join(dir, 'answer.json');
  const line = (m: Measured) => `${s2(m.seconds)} s wall, ${s2(m.cpuSeconds)} s CPU, peak RSS ${mb(m.maxRssMb)} MB`;
  const moments = [['middle of the edits', `#${log.middle}`], ['before every edit', `#${log.beforeEdits}`]] as const;
  for (let run = 1; run <= REPS; run++) {
    const start = demarcProcess('version', ['--version'], out);
    console.log(`as-of start-up run ${run}: demarc --version: ${line(start)}`);
    for (const command of PATHS.filter((p) => p !== 'state')) {
      const floor = cliAnswer(command, path, null, out);
      console.log(`as-of floor run ${run}: demarc ${command} --json (now: the same stream without a rewind): ${line(floor)} — ${floor.note}`);
      for (const [label, moment] of moments) {
        const m = cliAnswer(command, path, moment, out);
        console.log(`as-of ${label} run ${run}: demarc ${command} --as-of ${moment} --json: ${line(m)} = ${s2(m.seconds / floor.seconds)}× wall, ${s2(m.cpuSeconds / floor.cpuSeconds)}× CPU of the floor — ${m.note}`);
      }
    }
    if (!PATHS.includes('state')) continue;
    for (const [label, moment] of moments) {
      const m = runChild('asof', [path, moment]);
      const note = JSON.parse(m.note) as { floorMs: number; floorCpuS: number };
      console.log(`as-of ${label} run ${run}: History (workbookAsOf over the loaded state + findings): ${line(m)} vs floor ${s2(note.floorMs / 1000)} s wall, ${s2(note.floorCpuS)} s CPU (a state from the loaded rows + findings) = ${s2(m.seconds / (note.floorMs / 1000))}× wall, ${s2(m.cpuSeconds / note.floorCpuS)}× CPU — ${m.note}`);
    }
  }
  console.log(`as-of goal: ≤ 2000 ms at 100k assets. ${load()}`);
}
