/**
 * Layer notes (format 9) in a merge: a note per asset × layer is a slot like an override — their
 * new note applies, the same note written differently on both sides is a conflict — and the merge
 * undoes as one step.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileCopy, laptop, seededHq } from '@tests/helpers/merge-laptops';

describe('layer notes merge like the other slots', () => {
  it('brings their note in, and a note written differently on both sides is a conflict decided by a person', async () => {
    const { hq: seeded, dir, ids } = await seededHq();
    const layerId = 'applications';
    const financePath = fileCopy(seeded.path, join(dir, 'finance.demarc'));
    await seeded.call('notes.set', { assetId: ids['vm-2']!, layerId, note: 'HQ: the vendor patches' });
    seeded.close();
    const finance = await laptop(financePath, 'finance', '2026-12-02T09:00:00.000Z');
    await finance.call('notes.set', { assetId: ids['vm-1']!, layerId, note: 'Finance runs the app' });
    await finance.call('notes.set', { assetId: ids['vm-2']!, layerId, note: 'Finance: we patch' });
    finance.close();
    const hq = await laptop(seeded.path, 'hq', '2026-12-03T09:00:00.000Z');
    const plan = (await hq.call('merge.preview', { path: financePath }))!;
    expect(plan.changes.filter((c) => c.kind === 'note').map((c) => `${c.subject} · ${c.detail}: ${c.ours} → ${c.theirs}`)).toEqual(['vm-1 · note on Applications: — → “Finance runs the app”']);
    expect(plan.conflicts.map((c) => [c.kind, c.subject, c.ours, c.theirs])).toEqual([['note', 'vm-2', '“HQ: the vendor patches”', '“Finance: we patch”']]);
    await hq.call('merge.apply', { path: financePath, decisions: { items: { [plan.conflicts[0]!.slot]: 'theirs' } } });
    const noteOf = async (name: string) => (await hq.call('assets.get', { id: ids[name]! })).layers.find((l) => l.layerId === layerId)!.note;
    expect(await noteOf('vm-1')).toMatchObject({ text: 'Finance runs the app', by: 'finance' });
    expect(await noteOf('vm-2')).toMatchObject({ text: 'Finance: we patch', by: 'finance' });
    await hq.call('history.undo', {});
    expect(await noteOf('vm-1')).toBeNull();
    expect(await noteOf('vm-2')).toMatchObject({ text: 'HQ: the vendor patches' });
    hq.close();
  });
});
