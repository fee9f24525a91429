/**
 * Merging copies edited offline, through the router over real workbooks: an HQ workbook, a copy
 * for Finance made with "Save a copy for…", one for HR made with a plain file copy, edits on all
 * three, then merges — in both orders, with a conflict decided each way, rules enforced, a second
 * merge changing nothing, undo, the other side's entries kept, unrelated files refused.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '@shared/report';
import { slot } from '@core/merge/slots';
import { sha256File } from '@tests/helpers/temp';
import { wholeReport } from '@tests/helpers/whole-report';
import { workbookReport } from '@main/services/report';
import { fileCopy, laptop, seededHq, type Laptop } from '@tests/helpers/merge-laptops';

const sm = (key: string) => slot.assetField(key, 'serviceModel');

/** The report's content without the file's own name and last change time. */
function content(l: Laptop): Promise<Omit<Report, 'workbook'>> {
  const { workbook: _workbook, ...rest } = wholeReport(workbookReport(l.session.require(), l.services));
  return Promise.resolve(rest);
}

/** HQ, Finance (a "copy for") and HR (a plain copy), each edited offline. */
async function threeLaptops() {
  const { hq, dir, ids, people } = await seededHq();
  const financeCopy = await hq.call('workbook.copy', { path: join(dir, 'finance.demarc'), label: 'Finance' });
  const hrPath = fileCopy(hq.path, join(dir, 'hr.demarc'));
  const keyOf = async (name: string) => (await hq.call('assets.get', { id: ids[name]! })).asset.key;
  const keys = Object.fromEntries(await Promise.all(['vm-1', 'vm-2', 'vm-3', 'vm-4', 'vm-5'].map(async (n) => [n, await keyOf(n)] as const)));

  const finance = await laptop(financeCopy!.path, 'finance', '2026-12-02T09:00:00.000Z');
  await finance.call('assets.update', { filter: { ids: [ids['vm-1']!] }, set: { ownerPartyId: people.Bob! } });
  await finance.call('assets.update', { filter: { ids: [ids['vm-2']!] }, set: { serviceModel: 'paas' } });
  await finance.call('raci.set', { assetId: ids['vm-3']!, layerId: 'applications', roles: { A: [people.Carol!] } });
  const dave = await finance.call('parties.add', { name: 'Dave', kind: 'person' });
  await finance.call('raci.set', { assetId: ids['vm-1']!, layerId: 'customer-data', roles: { R: [dave.id] } });
  finance.close();

  const hr = await laptop(hrPath, 'hr', '2026-12-03T09:00:00.000Z');
  await hr.call('assets.update', { filter: { ids: [ids['vm-4']!] }, set: { ownerPartyId: people.Carol! } });
  await hr.call('assets.update', { filter: { ids: [ids['vm-2']!] }, set: { serviceModel: 'saas' } });
  await hr.call('overrides.set', { assetId: ids['vm-5']!, layerId: 'applications', responsibility: 'shared', justification: 'HR runs the app with the vendor' });
  hr.close();

  await hq.call('assets.update', { filter: { ids: [ids['vm-3']!] }, set: { reviewed: true } });
  return { hq, dir, ids, people, keys, financePath: financeCopy!.path, hrPath };
}

describe('merging copies edited offline', () => {
  it('merges three laptops: their changes apply, the conflict is shown with ancestor, ours and theirs, and decided by a person', async () => {
    const { hq, ids, people, keys, financePath, hrPath } = await threeLaptops();
    const before = await hq.call('changes.list', {});

    const finance = await hq.call('merge.preview', { path: financePath });
    expect(finance!.counts).toMatchObject({ conflicts: 0, undecided: 0 });
    expect(finance!.changes.map((c) => `${c.subject} · ${c.detail}: ${c.ours} → ${c.theirs}`)).toEqual(
      expect.arrayContaining(['vm-1 · owner: Alice → Bob', 'vm-2 · service model: iaas → paas', 'Dave · added on their side: — → present'])
    );
    const merged = await hq.call('merge.apply', { path: financePath, expectedHead: finance!.theirs.head! });
    expect(merged).toMatchObject({ merged: true });
    expect(merged.summary).toMatch(/^Merged finance\.demarc \(workbook [0-9a-f-]{36}\): \d+ changes of theirs applied, 0 conflicts decided/);

    const hr = await hq.call('merge.preview', { path: hrPath });
    expect(hr!.conflicts).toEqual([
      expect.objectContaining({
        slot: sm(keys['vm-2']!),
        subject: 'vm-2',
        detail: 'service model',
        ours: 'paas',
        theirs: 'saas',
        // Ours first touched it by Finance's entry (merged: its row ids are Finance's); HR's own edit recorded it.
        ancestor: 'iaas',
        outcome: 'conflict',
        choice: null,
        oursBy: expect.objectContaining({ actor: 'finance' }),
        theirsBy: expect.objectContaining({ actor: 'hr' })
      })
    ]);
    const undecided = await hq.refused('merge.apply', { path: hrPath });
    expect(undecided).toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringMatching(/^1 conflict still to decide: vm-2 \(service model\)\. Nothing was changed\.$/) });
    await hq.call('merge.apply', { path: hrPath, decisions: { items: { [sm(keys['vm-2']!)]: 'theirs' } } });

    const assets = (await hq.call('assets.list', { limit: 100 })).rows;
    const by = Object.fromEntries(assets.map((a) => [a.name, a]));
    expect([by['vm-1']!.owner, by['vm-2']!.serviceModel, by['vm-4']!.owner]).toEqual(['Bob', 'saas', 'Carol']);
    expect(by['vm-3']!.lastReviewedAt).not.toBeNull();
    const vm3 = await hq.call('assets.get', { id: ids['vm-3']! });
    expect(vm3.layers.find((l) => l.layerId === 'applications')!.raci.A).toEqual([people.Carol]);
    const vm5 = await hq.call('assets.get', { id: ids['vm-5']! });
    expect(vm5.layers.find((l) => l.layerId === 'applications')).toMatchObject({ responsibility: 'shared', overridden: true });

    // Their entries are kept, with their authors and times, marked merged; one entry per merge.
    const after = await hq.call('changes.list', {});
    const added = after.slice(before.length);
    expect(added.filter((e) => !e.merged).map((e) => e.action)).toEqual(['workbook.merge', 'workbook.merge']);
    // The Finance copy begins with the entry "Copy for Finance", written by HQ when it made it.
    expect(added.filter((e) => e.merged).map((e) => `${e.actor}: ${e.action}`)).toEqual([
      'hq: workbook.copy',
      ...['assets.update', 'assets.update', 'raci.set', 'parties.add', 'raci.set'].map((a) => `finance: ${a}`),
      ...['assets.update', 'assets.update', 'overrides.set'].map((a) => `hr: ${a}`)
    ]);
    expect(added[0]!.summary).toBe('Copy for Finance, made from hq.demarc');
    expect(added.find((e) => e.actor === 'hr' && e.action === 'overrides.set')!.at).toMatch(/^2026-12-03T09:00:/);
    hq.close();
  });

  it('gives the same workbook whichever order the copies merge in', async () => {
    const { hq, dir, keys, financePath, hrPath } = await threeLaptops();
    hq.close();
    const otherPath = fileCopy(hq.path, join(dir, 'hq-other-order.demarc'));
    const a = await laptop(hq.path, 'hq', '2026-12-04T09:00:00.000Z');
    await a.call('merge.apply', { path: financePath });
    await a.call('merge.apply', { path: hrPath, decisions: { items: { [sm(keys['vm-2']!)]: 'theirs' } } });
    const b = await laptop(otherPath, 'hq', '2026-12-04T09:00:00.000Z');
    await b.call('merge.apply', { path: hrPath });
    const plan = await b.call('merge.preview', { path: financePath });
    expect(plan!.conflicts.map((c) => [c.ours, c.theirs])).toEqual([['saas', 'paas']]);
    await b.call('merge.apply', { path: financePath, decisions: { items: { [sm(keys['vm-2']!)]: 'ours' } } });
    expect(await content(b)).toEqual(await content(a));
    a.close();
    b.close();
  });

  it('decides a conflict for ours, or by rule for a subscription', async () => {
    const { hq, keys, financePath, hrPath } = await threeLaptops();
    await hq.call('merge.apply', { path: financePath });
    const ruled = await hq.call('merge.preview', { path: hrPath, decisions: { rules: [{ side: 'theirs', where: { field: 'subscription', value: 'HR' } }] } });
    expect(ruled!.counts.undecided).toBe(1);
    const finance = await hq.call('merge.preview', { path: hrPath, decisions: { rules: [{ side: 'ours', where: { field: 'subscription', value: 'finance' } }] } });
    expect(finance!.conflicts[0]).toMatchObject({ choice: 'ours', decidedBy: 'rule' });
    await hq.call('merge.apply', { path: hrPath, decisions: { items: { [sm(keys['vm-2']!)]: 'ours' } } });
    const vm2 = (await hq.call('assets.list', { filter: { text: 'vm-2' } })).rows[0]!;
    expect(vm2.serviceModel).toBe('paas');
    hq.close();
  });

  it('merging the same file twice changes nothing, and the merge undoes as one step', async () => {
    const { hq, financePath } = await threeLaptops();
    const before = await content(hq);
    await hq.call('merge.apply', { path: financePath });
    const merged = await content(hq);
    expect(merged).not.toEqual(before);
    const count = (await hq.call('changes.list', {})).length;
    const again = await hq.call('merge.apply', { path: financePath });
    expect(again).toMatchObject({ merged: false, entryId: null, summary: 'Nothing to merge: every change in finance.demarc is already in this workbook.' });
    expect(again.plan.newEntries).toBe(0);
    expect((await hq.call('changes.list', {})).length).toBe(count);
    expect(await hq.call('history.state', {})).toMatchObject({ undoLabel: expect.stringMatching(/^Undo: Merged finance\.demarc/) });
    await hq.call('history.undo', {});
    expect(await content(hq)).toEqual(before);
    await hq.call('history.redo', {});
    expect(await content(hq)).toEqual(merged);
    hq.close();
  });

  it('shows a merge that would break a rule as a conflict and never writes it', async () => {
    const { hq, people, keys, financePath } = await threeLaptops();
    // Bob left HQ while Finance made him the owner of vm-1.
    await hq.call('parties.leave', { id: people.Bob!, leftAt: '2026-12-04' });
    const plan = await hq.call('merge.preview', { path: financePath });
    const owner = plan!.conflicts.find((c) => c.slot === slot.assetField(keys['vm-1']!, 'ownerPartyId'))!;
    expect(owner).toMatchObject({ ours: 'Alice', theirs: 'Bob', choice: null, rule: expect.stringMatching(/vm-1: Bob cannot own it \(no longer active\)/) });
    const bytes = sha256File(hq.path);
    const refused = await hq.refused('merge.apply', { path: financePath, decisions: { items: { [owner.slot]: 'theirs' } } });
    expect(refused).toMatchObject({ code: 'RULE_VIOLATION', message: expect.stringMatching(/Taking theirs would break the workbook's rules: vm-1: Bob cannot own it/) });
    expect(sha256File(hq.path)).toBe(bytes);
    await hq.call('merge.apply', { path: financePath, decisions: { items: { [owner.slot]: 'ours' } } });
    expect((await hq.call('assets.list', { filter: { text: 'vm-1' } })).rows[0]!.owner).toBe('Alice');
    hq.close();
  });

  it('refuses a workbook that shares no history, and the workbook open here', async () => {
    const { hq, dir } = await seededHq();
    const other = await laptop(join(dir, 'other.demarc'), 'someone', '2026-12-01T09:00:00.000Z', true);
    other.close();
    const bytes = sha256File(hq.path);
    expect(await hq.refused('merge.preview', { path: other.path })).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/^other\.demarc is not a copy of this workbook: the two share no history .* Nothing was changed\.$/)
    });
    expect(await hq.refused('merge.apply', { path: hq.path })).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/is the workbook open here/) });
    expect(await hq.refused('merge.apply', { path: join(dir, 'missing.demarc') })).toMatchObject({ code: 'NOT_FOUND' });
    expect(sha256File(hq.path)).toBe(bytes);
    hq.close();
  });

  it('never changes the other file, even when merging from it', async () => {
    const { hq, financePath } = await threeLaptops();
    const bytes = sha256File(financePath);
    await hq.call('merge.apply', { path: financePath });
    expect(sha256File(financePath)).toBe(bytes);
    hq.close();
  });
});
