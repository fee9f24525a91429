/**
 * The audit bench's comparison of two dates (issue 15): a workbook built as a user builds one
 * (`demarc new` + `demarc import` of a generated 100k-resource `az resource list`, parties, owners
 * — bench/user-path.ts), then 10,000 real edits made through the services in January 2027 (RACI
 * cells on distinct assets, a tenth of them as bulk owner changes of ten assets), dated by the
 * clock. Measured, each in a process of its own (peak RSS of that process):
 *   - `demarc diff <wb> --from 2027-01-01 --to 2027-01-31 --json` (stdout to a file);
 *   - `demarc export <wb> --out x.xlsx --since 2027-01-01` beside the plain export, to show what
 *     the Changes since sheet costs in time and memory;
 *   - the floor: the same answer's parts by the leanest means (floorDiff): the chain checked, the
 *     window's entries by one SQL statement, parsed, grouped per asset id in a Map, the assets'
 *     names and the assets added by one statement each, written as JSON — the least a diff can do.
 */
import { hash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { modelOf } from '@main/engine/state';
import { updateAssets } from '@main/services/asset-update';
import { setRaci } from '@main/services/raci-assign';
import { closeWorkbook, openWorkbook } from '@main/services/workbook-service';
import { parseEntry } from '@main/store/repos/change-log';
import { CHAIN_INPUT_SQL } from '@main/store/repos/change-log-chain-sql';
import { buildWorkbook, demarc, fastest, flag, load, mb, measureHere, runChild, s2, writeInventory, type Measured } from './user-path';

const FROM = '2027-01-01';
const TO = '2027-01-31';

/** 10k edits in the window: 9,000 RACI cells (one asset each) and 100 owner changes of 10 assets (1,000 asset changes). */
function editInWindow(workbook: string, changes: number): number {
  let now = Date.parse(`${FROM}T08:00:00.000Z`);
  const ctx = { clock: () => new Date((now += 200)).toISOString(), osUser: 'bench' };
  const wb = openWorkbook(ctx, workbook);
  try {
    const state = wb.engine.state(ctx);
    const assets = state.input.assets;
    const parties = state.input.parties.filter((p) => p.kind === 'person' || p.kind === 'team');
    let entries = 0;
    const raci = Math.round(changes * 0.9);
    // RACI cells on distinct assets, a layer each; a cell the rules refuse (a provider's layer) is skipped, as a user would.
    for (let i = 0; entries < raci && i < assets.length * 3; i++) {
      const asset = assets[(i * 7) % assets.length]!;
      const layer = modelOf(state, asset).layers[i % 4];
      if (layer === undefined) continue;
      try {
        setRaci(wb, ctx, { assetId: asset.id, layerId: layer.id, roles: { R: [parties[i % parties.length]!.id] } });
        entries += 1;
      } catch {
        // refused by the RACI rules: not a change
      }
    }
    for (let i = 0; entries < raci + (changes - raci) / 10; i++) {
      const ids = Array.from({ length: 10 }, (_, k) => assets[(i * 10 + k) * 3 + 1]!.id);
      updateAssets(wb, ctx, { filter: { ids }, set: { ownerPartyId: parties[i % parties.length]!.id } });
      entries += 1;
    }
    return entries;
  } finally {
    closeWorkbook(wb);
  }
}

/**
 * The floor's work: the same answer's parts by the leanest means at hand — the chain checked
 * (SQLite spelling each entry's chain input, node:crypto's one-shot hash, each linked to the one
 * before), the window's entries read with one SQL statement, their payloads parsed and grouped
 * per asset id in a Map, the names of those assets by one statement, the assets created in the
 * window by one statement (a scan: created_at has no index, for the product either), all written
 * as JSON.
 */
function floorDiff(workbook: string, out: string): string {
  const db = new Database(workbook, { readonly: true });
  try {
    let prev = '0'.repeat(64);
    const chain = db.prepare(CHAIN_INPUT_SQL).pluck().all({ from: Number.MIN_SAFE_INTEGER, to: Number.MAX_SAFE_INTEGER }) as string[];
    for (const text of chain) {
      if (text.slice(64, 128) !== prev || hash('sha256', text.slice(64), 'hex') !== text.slice(0, 64)) throw new Error('floor: the bench chain is broken');
      prev = text.slice(0, 64);
    }
    // The window's entries by the `at` index, each parsed from its stored text (cheaper than its generated columns).
    const rows = (
      db.prepare('SELECT chained FROM change_log WHERE at >= ? AND at < ? ORDER BY id').pluck().all(`${FROM}T00:00:00.000Z`, '2027-02-01T00:00:00.000Z') as string[]
    ).map((chained) => parseEntry(chained));
    const byAsset = new Map<number, unknown[]>();
    for (const r of rows) {
      const after = r.after === null ? null : (JSON.parse(r.after) as { ids?: number[] } | null);
      const before = r.before === null ? null : (JSON.parse(r.before) as unknown);
      const ids = r.entityId !== null ? [Number(r.entityId)] : (after?.ids ?? []);
      for (const id of ids) {
        const list = byAsset.get(id) ?? [];
        list.push({ entryId: r.id, at: r.at, actor: r.actor, action: r.action, summary: r.summary, before, after });
        byAsset.set(id, list);
      }
    }
    const names = new Map(
      (db.prepare('SELECT id, name FROM assets WHERE id IN (SELECT value FROM json_each(?))').raw().all(JSON.stringify([...byAsset.keys()])) as [number, string][])
    );
    const added = db.prepare('SELECT id, name FROM assets WHERE created_at >= ? AND created_at < ? ORDER BY id').all(`${FROM}T00:00:00.000Z`, '2027-02-01T00:00:00.000Z');
    const assets = [...byAsset].map(([assetId, changes]) => ({ assetId, name: names.get(assetId) ?? null, changes }));
    writeFileSync(out, JSON.stringify({ entries: chain.length, assets, added }, null, 2));
    return `${rows.length} entries, ${byAsset.size} assets, chain of ${chain.length} checked`;
  } finally {
    db.close();
  }
}

/** The child's side: one measurement. */
export async function diffChild(kind: string, args: readonly string[]): Promise<void> {
  const [workbook = '', out = ''] = args;
  if (kind === 'diff') await measureHere(kind, async () => (await demarc(['diff', workbook, '--from', FROM, '--to', TO, '--json'], out), 'demarc diff --json'));
  else if (kind === 'diff-floor') await measureHere(kind, () => Promise.resolve(floorDiff(workbook, out)));
  else if (kind === 'export-since') await measureHere(kind, () => demarc(['export', workbook, '--out', out, '--since', FROM]).then(() => 'demarc export --since'));
  else if (kind === 'export-plain') await measureHere(kind, () => demarc(['export', workbook, '--out', out]).then(() => 'demarc export'));
  else throw new Error(`unknown child ${kind}`);
}

const line = (m: Measured) => `${m.kind}: ${s2(m.seconds)} s, CPU ${s2(m.cpuSeconds)} s, peak RSS ${mb(m.maxRssMb)} MB (${m.note})`;

/** The parent's side: build, edit, measure. */
export async function diffBench(dir: string, resources: number, changes: number, reps: number): Promise<void> {
  // `-- --diff-keep=DIR` builds the edited workbook in DIR once and reuses it on later runs.
  const kept = flag('diff-keep', '');
  const workbook = join(kept === '' ? dir : kept, 'diff.demarc');
  if (kept !== '' && existsSync(workbook)) console.log(`diff: reusing ${workbook}`);
  else {
    let t = performance.now();
    await buildWorkbook(workbook, writeInventory(kept === '' ? dir : kept, resources));
    console.log(`diff: built ${resources.toLocaleString('en-GB')} resources by demarc new + import + parties + assign in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    const entries = editInWindow(workbook, changes);
    console.log(`diff: ${entries.toLocaleString('en-GB')} edits through the services in ${FROM}…${TO} (${changes.toLocaleString('en-GB')} asset changes) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  await demarc(['verify', workbook]);
  const runs = (kind: string, out: string) => Array.from({ length: reps }, () => runChild(kind, [workbook, join(dir, out)]));
  const diff = fastest(runs('diff', 'diff.json'));
  const floor = fastest(runs('diff-floor', 'floor.json'));
  console.log(line(diff));
  console.log(line(floor));
  console.log(`diff of two dates with ${changes.toLocaleString('en-GB')} changes at ${resources.toLocaleString('en-GB')} resources: ${s2(diff.seconds / floor.seconds)}× the floor's time, ${s2(diff.cpuSeconds / floor.cpuSeconds)}× its CPU; ${load()}`);
  // `-- --diff-export=no` leaves out the export comparison (two full exports of 100k assets).
  if (flag('diff-export', 'yes') === 'no') return;
  const since = runChild('export-since', [workbook, join(dir, 'since.xlsx')]);
  const plain = runChild('export-plain', [workbook, join(dir, 'plain.xlsx')]);
  console.log(line(since));
  console.log(line(plain));
  console.log(`export with the Changes since sheet: +${s2(since.seconds - plain.seconds)} s, peak RSS ${mb(since.maxRssMb)} MB vs ${mb(plain.maxRssMb)} MB without; ${load()}`);
}
