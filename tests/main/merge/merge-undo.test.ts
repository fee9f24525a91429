/**
 * Undoing a merge is sound. The log is never edited, so the undone merge's entry, the entries it
 * brought and the undo all stay (the chain verifies); lineage reads the undo as switching the
 * merge off. Merging the same file again is then the first merge over again — same plan, same
 * workbook — and a third merge changes nothing. A copy of a workbook that undid a merge does not
 * hold that merge's entries either.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MergePlan } from '@shared/contract/merge';
import { slot } from '@core/merge/slots';
import Database from 'better-sqlite3';
import { applyOps, type EditOp } from '@main/services/edit-ops';
import { workbookReport } from '@main/services/report';
import { fileCopy, laptop, seededHq, type Laptop } from '@tests/helpers/merge-laptops';
import { wholeReport } from '@tests/helpers/whole-report';

function content(l: Laptop) {
  const { workbook: _workbook, ...rest } = wholeReport(workbookReport(l.session.require(), l.services));
  return rest;
}

/** What a plan says, without the heads and entry counts that grow with the log. */
function planShape(plan: MergePlan) {
  return { newEntries: plan.newEntries, ourEntries: plan.ourEntries, counts: plan.counts, conflicts: plan.conflicts, changes: plan.changes, ancestor: plan.ancestor };
}

/** HQ and a Finance copy: Finance changes two owners and adds Dave; HQ changes one of them too. */
async function hqAndFinance() {
  const { hq, dir, ids, people } = await seededHq();
  const financePath = fileCopy(hq.path, join(dir, 'finance.demarc'));
  const finance = await laptop(financePath, 'finance', '2026-12-02T09:00:00.000Z');
  await finance.call('assets.update', { filter: { ids: [ids['vm-1']!, ids['vm-2']!] }, set: { ownerPartyId: people.Bob! } });
  await finance.call('parties.add', { name: 'Dave', kind: 'person' });
  finance.close();
  await hq.call('assets.update', { filter: { ids: [ids['vm-1']!] }, set: { ownerPartyId: people.Carol! } });
  const vm1 = (await hq.call('assets.get', { id: ids['vm-1']! })).asset.key;
  return { hq, dir, financePath, decide: { items: { [slot.assetField(vm1, 'ownerPartyId')]: 'theirs' as const } } };
}

describe('undoing a merge', () => {
  it('merge, undo, merge again gives the first merge’s plan and workbook; the log keeps everything and verifies', async () => {
    const { hq, financePath, decide } = await hqAndFinance();
    const before = content(hq);
    const firstPlan = (await hq.call('merge.preview', { path: financePath, decisions: decide }))!;
    expect(firstPlan.counts).toMatchObject({ conflicts: 1, undecided: 0 });
    expect(firstPlan.newEntries).toBe(2);
    await hq.call('merge.apply', { path: financePath, decisions: decide });
    const merged = content(hq);
    const afterFirst = (await hq.call('changes.list', {})).length;

    await hq.call('history.undo', {});
    expect(content(hq)).toEqual(before);
    const log = await hq.call('changes.list', {});
    // Nothing deleted: their entries, the merge and the undo are all there.
    expect(log.length).toBe(afterFirst + 1);
    expect(log.at(-1)).toMatchObject({ action: 'history.undo', summary: expect.stringMatching(/^Undo: Merged finance\.demarc/) });

    const again = (await hq.call('merge.preview', { path: financePath, decisions: decide }))!;
    expect(planShape(again)).toEqual(planShape(firstPlan));
    const result = await hq.call('merge.apply', { path: financePath, decisions: decide });
    expect(result).toMatchObject({ merged: true });
    expect(content(hq)).toEqual(merged);
    // Their entries are held already (from the first merge): only the new merge's entry is written.
    const afterSecond = await hq.call('changes.list', {});
    expect(afterSecond.length).toBe(log.length + 1);
    expect(afterSecond.at(-1)!.action).toBe('workbook.merge');
    expect(afterSecond.at(-1)!.merged).toBeUndefined();

    const third = await hq.call('merge.apply', { path: financePath, decisions: decide });
    expect(third).toMatchObject({ merged: false, summary: expect.stringMatching(/^Nothing to merge/) });
    expect((await hq.call('changes.list', {})).length).toBe(afterSecond.length);
    expect(await hq.call('audit.verify', {})).toMatchObject({ ok: true, firstBreak: null });
    hq.close();
  });

  it('redo puts the merge back in effect: merging again then changes nothing', async () => {
    const { hq, financePath, decide } = await hqAndFinance();
    await hq.call('merge.apply', { path: financePath, decisions: decide });
    const merged = content(hq);
    await hq.call('history.undo', {});
    await hq.call('history.redo', {});
    expect(content(hq)).toEqual(merged);
    expect(await hq.call('merge.apply', { path: financePath, decisions: decide })).toMatchObject({ merged: false });
    expect(await hq.call('audit.verify', {})).toMatchObject({ ok: true });
    hq.close();
  });

  it('a copy of a workbook that undid a merge does not hold the undone entries: it merges the file as new', async () => {
    const { hq, dir, financePath, decide } = await hqAndFinance();
    await hq.call('merge.apply', { path: financePath, decisions: decide });
    await hq.call('history.undo', {});
    hq.close();
    const elsewhere = await laptop(fileCopy(hq.path, join(dir, 'elsewhere.demarc')), 'elsewhere', '2026-12-05T09:00:00.000Z');
    const plan = (await elsewhere.call('merge.preview', { path: financePath, decisions: decide }))!;
    expect(plan).toMatchObject({ newEntries: 2, counts: { conflicts: 1 } });
    expect(plan.changes.map((c) => `${c.subject} · ${c.detail}: ${c.ours} → ${c.theirs}`)).toEqual(
      expect.arrayContaining(['vm-2 · owner: Alice → Bob', 'Dave · added on their side: — → present'])
    );
    elsewhere.close();
  });

  it('the merge entry logs the operations that put the workbook back: applied to the merged file, they give the workbook before the merge', async () => {
    const { hq, dir, financePath, decide } = await hqAndFinance();
    // A workshop, a saved set and a mapping control on their side too, so every kind of operation is in the entry.
    const finance = await laptop(financePath, 'finance', '2026-12-02T11:00:00.000Z');
    const alice = (await finance.call('parties.list', {})).find((p) => p.name === 'Alice')!.id;
    const w = await finance.call('workshops.start', { title: 'Away review', heldOn: '2026-12-02', attendees: [alice], scope: {} });
    await finance.call('workshops.decide', { id: w.id, group: 0, layerId: 'applications', decision: { kind: 'override', responsibility: 'customer', justification: 'Ours' } });
    await finance.call('savedSets.save', { name: 'Finance', source: { kind: 'filter', filter: { subscription: 'finance' } } });
    finance.close();
    const before = content(hq);
    const sets = await hq.call('savedSets.list', {});
    await hq.call('merge.apply', { path: financePath, decisions: decide });
    const entry = (await hq.call('changes.list', {})).at(-1)!;
    expect(entry.action).toBe('workbook.merge');
    const ops = entry.before as EditOp[];
    expect(new Set(ops.map((op) => op.op))).toEqual(new Set(['deleteParty', 'mergeAssetFields', 'deleteOverride', 'deleteDecision', 'deleteWorkshop', 'deleteSavedSet']));
    hq.close();
    // Rewound by hand on a copy of the merged file: the workbook before the merge.
    const rewound = fileCopy(hq.path, join(dir, 'rewound.demarc'));
    const db = new Database(rewound);
    db.transaction(() => applyOps(db, ops, '2026-12-09T00:00:00.000Z'))();
    db.close();
    const again = await laptop(rewound, 'hq', '2026-12-09T00:00:00.000Z');
    expect(content(again)).toEqual(before);
    expect(await again.call('savedSets.list', {})).toEqual(sets);
    expect(await again.call('workshops.list', {})).toEqual([]);
    again.close();
  });
});
