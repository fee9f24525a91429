/**
 * Two laptops each run their own workshop and save sets, then come back. Their workshops arrive
 * with their decisions and actions (own authors and times); the RACI and overrides the decisions
 * applied merge field by field like any edit; saved sets are matched by name — the same on both
 * is one, the same name with different filters is a conflict a person decides. Merged in either
 * order the workbook is the same; merging again writes nothing; the chain verifies; undo takes it
 * all away.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { slot } from '@core/merge/slots';
import { workbookReport } from '@main/services/report';
import { fileCopy, laptop, seededHq, type Laptop } from '@tests/helpers/merge-laptops';
import { wholeReport } from '@tests/helpers/whole-report';

function content(l: Laptop) {
  const { workbook: _workbook, ...rest } = wholeReport(workbookReport(l.session.require(), l.services));
  return rest;
}

async function records(l: Laptop) {
  const workshops = await Promise.all(
    (await l.call('workshops.list', {})).map(async (w) => {
      const minutes = await l.call('workshops.minutes', { id: w.id });
      return { title: w.title, status: w.status, groups: w.groups, assets: w.assets, decisions: minutes.decisions.map((d) => [d.summary, d.by, d.at]), actions: minutes.actions.map((a) => [a.title, a.owner, a.closedAt]) };
    })
  );
  // (Who saved a set is not compared: “Same”, saved alike on both, is the one held first.)
  const sets = (await l.call('savedSets.list', {})).map((s) => ({ name: s.name, kind: s.kind, label: s.label, assets: s.assets }));
  return { workshops: workshops.sort((a, b) => (a.title < b.title ? -1 : 1)), sets };
}

/** HQ and two copies: Finance and HR each run a workshop and save sets; both save “Shared”, differently. */
async function twoWorkshops() {
  const { hq, dir, people } = await seededHq();
  const financePath = fileCopy(hq.path, join(dir, 'finance.demarc'));
  const hrPath = fileCopy(hq.path, join(dir, 'hr.demarc'));
  const hq2Path = fileCopy(hq.path, join(dir, 'hq2.demarc'));

  const finance = await laptop(financePath, 'finance', '2026-12-02T09:00:00.000Z');
  const fw = await finance.call('workshops.start', { title: 'Finance review', heldOn: '2026-12-02', attendees: [people.Alice!, people.Bob!], scope: { subscription: 'finance' } });
  await finance.call('workshops.decide', { id: fw.id, group: 0, layerId: 'network-controls', decision: { kind: 'raci', roles: { A: [people.Bob!] } } });
  await finance.call('workshops.decide', { id: fw.id, group: 0, layerId: 'applications', decision: { kind: 'defer', title: 'Ask the vendor', ownerPartyId: people.Carol!, dueOn: '2027-01-15' } });
  await finance.call('savedSets.save', { name: 'Finance VMs', source: { kind: 'filter', filter: { subscription: 'finance', owner: people.Alice! } } });
  await finance.call('savedSets.save', { name: 'Shared', source: { kind: 'filter', filter: { text: 'vm' } } });
  await finance.call('savedSets.save', { name: 'Same', source: { kind: 'filter', filter: { type: 'microsoft.compute/*' } } });
  finance.close();

  const hr = await laptop(hrPath, 'hr', '2026-12-02T10:00:00.000Z');
  const hw = await hr.call('workshops.start', { title: 'HR review', heldOn: '2026-12-02', attendees: [people.Carol!], scope: { subscription: 'hr' } });
  await hr.call('workshops.decide', { id: hw.id, group: 0, layerId: 'operating-system', decision: { kind: 'override', responsibility: 'customer', justification: 'We patch our own images' } });
  await hr.call('workshops.finish', { id: hw.id });
  await hr.call('savedSets.save', { name: 'shared', source: { kind: 'filter', filter: { text: 'vm-4' } } });
  await hr.call('savedSets.save', { name: 'Same', source: { kind: 'filter', filter: { type: 'microsoft.compute/*' } } });
  hr.close();
  return { hq, hq2Path, financePath, hrPath };
}

describe('copies that each ran a workshop', () => {
  it('merge in either order to the same workbook: workshops, decisions, actions and sets carried; the set saved differently is a conflict', async () => {
    const { hq, hq2Path, financePath, hrPath } = await twoWorkshops();
    const shared = slot.savedSet('shared');

    // Finance first: everything of theirs applies (nothing of ours changed since).
    const first = (await hq.call('merge.preview', { path: financePath }))!;
    expect(first.counts.conflicts).toBe(0);
    expect(first.carried).toMatchObject({ decisions: 2, actions: 1 });
    expect(first.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'workshop', subject: 'Finance review', detail: 'workshop held on their side' }),
        expect.objectContaining({ kind: 'saved-set', subject: 'Finance VMs', theirs: 'filter: owner Alice, subscription finance' }),
        expect.objectContaining({ kind: 'raci', detail: 'Accountable on Network controls', theirs: 'Bob' })
      ])
    );
    await hq.call('merge.apply', { path: financePath });
    // Then HR: “Shared” was saved on both sides (ours now holds Finance's): a conflict, shown with both filters.
    const second = (await hq.call('merge.preview', { path: hrPath }))!;
    expect(second.conflicts).toEqual([
      expect.objectContaining({ slot: shared, kind: 'saved-set', subject: 'shared', ancestor: '—', ours: 'filter: text vm', theirs: 'filter: text vm-4', choice: null, oursBy: expect.objectContaining({ actor: 'finance' }), theirsBy: expect.objectContaining({ actor: 'hr' }) })
    ]);
    // “Same” is the same on both: no item.
    expect([...second.changes, ...second.conflicts].some((c) => c.slot === slot.savedSet('same'))).toBe(false);
    await expect(hq.call('merge.apply', { path: hrPath })).rejects.toThrow(/1 conflict still to decide: shared \(saved set\)/);
    await hq.call('merge.apply', { path: hrPath, decisions: { items: { [shared]: 'ours' } } });

    // The other order on another HQ copy, deciding the same way (Finance's “Shared”).
    const hq2 = await laptop(hq2Path, 'hq', '2026-12-03T09:00:00.000Z');
    await hq2.call('merge.apply', { path: hrPath });
    const other = (await hq2.call('merge.preview', { path: financePath }))!;
    expect(other.conflicts.map((c) => c.slot)).toEqual([shared]);
    await hq2.call('merge.apply', { path: financePath, decisions: { items: { [shared]: 'theirs' } } });

    const merged = await records(hq);
    expect(merged).toEqual(await records(hq2));
    expect(content(hq)).toEqual(content(hq2));
    expect(merged.workshops.map((w) => [w.title, w.status, w.decisions.length, w.actions.length])).toEqual([
      ['Finance review', 'open', 2, 1],
      ['HR review', 'finished', 1, 0]
    ]);
    // Carried with their own authors and times.
    expect(merged.workshops[0]!.decisions.map((d) => d[1])).toEqual(['finance', 'finance']);
    expect(merged.workshops[0]!.actions).toEqual([['Ask the vendor', 'Carol', null]]);
    expect((await hq.call('savedSets.list', {})).map((s) => [s.name, s.label, s.createdBy])).toEqual([
      ['Finance VMs', 'Subscription finance · Owner Alice', 'finance'],
      ['Same', 'Type microsoft.compute/*', 'finance'],
      ['Shared', expect.stringContaining('“vm”'), 'finance']
    ]);

    // Again: nothing to merge; the chain verifies; undo of the last merge takes HR's workshop away.
    for (const path of [financePath, hrPath]) expect(await hq.call('merge.apply', { path })).toMatchObject({ merged: false });
    expect(await hq.call('audit.verify', {})).toMatchObject({ ok: true });
    await hq.call('history.undo', {});
    expect((await hq.call('workshops.list', {})).map((w) => w.title)).toEqual(['Finance review']);
    hq.close();
    hq2.close();
  });

  it('a workshop both copies hold, continued on one: its new decisions arrive and its state follows; an action closed there is closed here', async () => {
    const { hq, dir, people } = await seededHq();
    const w = await hq.call('workshops.start', { title: 'Joint review', heldOn: '2026-12-01', attendees: [people.Alice!], scope: {} });
    await hq.call('workshops.decide', { id: w.id, group: 0, layerId: 'applications', decision: { kind: 'defer', title: 'Check licences', ownerPartyId: people.Bob!, dueOn: '2027-01-10' } });
    const copyPath = fileCopy(hq.path, join(dir, 'away.demarc'));
    const away = await laptop(copyPath, 'away', '2026-12-02T09:00:00.000Z');
    const action = (await away.call('workshops.minutes', { id: w.id })).actions[0]!;
    await away.call('workshops.closeAction', { actionId: action.id, note: 'Licences fine' });
    await away.call('workshops.decide', { id: w.id, group: 0, layerId: 'network-controls', decision: { kind: 'override', responsibility: 'customer', justification: 'Own firewall' } });
    await away.call('workshops.pause', { id: w.id, group: 0, layer: 3 });
    away.close();

    const plan = (await hq.call('merge.preview', { path: copyPath }))!;
    expect(plan.carried).toMatchObject({ decisions: 1, actions: 0, closedActions: 1 });
    expect(plan.changes).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'workshop', subject: 'Joint review', ours: expect.stringMatching(/^2026-12-01, open at group 1, layer 1/), theirs: expect.stringMatching(/paused at group 1, layer 4/) })]));
    await hq.call('merge.apply', { path: copyPath });
    const minutes = await hq.call('workshops.minutes', { id: w.id });
    expect(minutes.decisions.map((d) => d.by)).toEqual(['hq', 'away']);
    expect(minutes.actions[0]).toMatchObject({ closedBy: 'away', closeNote: 'Licences fine' });
    expect((await hq.call('workshops.get', { id: w.id })).status).toBe('paused');
    expect(await hq.call('audit.verify', {})).toMatchObject({ ok: true });
    hq.close();
  });
});
