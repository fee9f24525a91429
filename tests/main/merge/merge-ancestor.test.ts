/**
 * A conflict shows the value at the common ancestor, read from the change logs: the first entry
 * since the copies parted that touched the slot recorded it as its before. Each kind of edit that
 * records one (an owner or other asset field, a RACI role, an override, a note, a party's details)
 * tells it; an import does not, and the ancestor is then shown as not recorded.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { slot } from '@core/merge/slots';
import { azJson, tempFile } from '@tests/helpers/import-fixture';
import { fileCopy, laptop, seededHq } from '@tests/helpers/merge-laptops';

describe('the ancestor value of a conflict', () => {
  it('is read from the first entry since the copies parted, on either side, for each kind of edit', async () => {
    const { hq, dir, ids, people } = await seededHq();
    await hq.call('notes.set', { assetId: ids['vm-4']!, layerId: 'applications', note: 'Agreed at HQ' });
    await hq.call('parties.update', { id: people.Bob!, email: 'bob@hq.example' });
    const key = async (name: string) => (await hq.call('assets.get', { id: ids[name]! })).asset.key;
    const [k1, k3, k4, k5] = [await key('vm-1'), await key('vm-3'), await key('vm-4'), await key('vm-5')];
    const copyPath = fileCopy(hq.path, join(dir, 'copy.demarc'));

    const away = await laptop(copyPath, 'away', '2026-12-02T09:00:00.000Z');
    await away.call('assets.update', { filter: { ids: [ids['vm-1']!] }, set: { ownerPartyId: people.Bob! } });
    await away.call('raci.set', { assetId: ids['vm-3']!, layerId: 'applications', roles: { A: [people.Bob!] } });
    await away.call('notes.set', { assetId: ids['vm-4']!, layerId: 'applications', note: 'Changed away' });
    await away.call('overrides.set', { assetId: ids['vm-5']!, layerId: 'applications', responsibility: 'shared', justification: 'Away runs it' });
    await away.call('parties.update', { id: people.Bob!, email: 'bob@away.example' });
    away.close();

    await hq.call('assets.update', { filter: { ids: [ids['vm-1']!] }, set: { ownerPartyId: people.Carol! } });
    await hq.call('raci.set', { assetId: ids['vm-3']!, layerId: 'applications', roles: { A: [people.Carol!] } });
    await hq.call('notes.set', { assetId: ids['vm-4']!, layerId: 'applications', note: 'Changed at HQ' });
    await hq.call('overrides.set', { assetId: ids['vm-5']!, layerId: 'applications', responsibility: 'shared', justification: 'HQ runs it' });
    await hq.call('parties.update', { id: people.Bob!, email: 'bob@home.example' });

    const plan = (await hq.call('merge.preview', { path: copyPath }))!;
    const shown = Object.fromEntries(plan.conflicts.map((c) => [c.slot, [c.ancestor, c.ours, c.theirs]]));
    expect(shown).toEqual({
      [slot.assetField(k1, 'ownerPartyId')]: ['Alice', 'Carol', 'Bob'],
      [slot.raci(k3, 'applications', 'A')]: ['—', 'Carol', 'Bob'],
      [slot.note(k4, 'applications')]: ['“Agreed at HQ”', '“Changed at HQ”', '“Changed away”'],
      [slot.override(k5, 'applications')]: ['—', 'shared (HQ runs it)', 'shared (Away runs it)'],
      [slot.partyField('bob', 'email')]: ['bob@hq.example', 'bob@home.example', 'bob@away.example']
    });
    // Who changed each side, and when, beside it.
    const owner = plan.conflicts.find((c) => c.slot === slot.assetField(k1, 'ownerPartyId'))!;
    expect(owner.oursBy).toMatchObject({ actor: 'hq' });
    expect(owner.theirsBy).toMatchObject({ actor: 'away', at: expect.stringMatching(/^2026-12-02T09:00:/) });
    hq.close();
  });

  it('reads it past an entry that does not record it, and says when no entry does', async () => {
    const { hq, dir, ids, people } = await seededHq();
    const key = (await hq.call('assets.get', { id: ids['vm-2']! })).asset.key;
    const copyPath = fileCopy(hq.path, join(dir, 'copy.demarc'));
    // Each side re-imports the inventory with other tags (an import records no value per asset).
    const inventory = (team: string) =>
      tempFile(`${team}.json`, azJson(['vm-1', 'vm-2', 'vm-3'].map((name) => ({ name, sub: 'finance', rg: 'rg-fin', tags: { team } })).concat(['vm-4', 'vm-5', 'vm-6'].map((name) => ({ name, sub: 'hr', rg: 'rg-hr', tags: { team } })))));
    const away = await laptop(copyPath, 'away', '2026-12-02T09:00:00.000Z');
    await away.call('import.apply', { paths: [inventory('away')] });
    await away.call('assets.update', { filter: { ids: [ids['vm-2']!] }, set: { ownerPartyId: people.Bob! } });
    away.close();
    // Ours: the import first touches every owner (it may assign them), then the owner edit.
    await hq.call('import.apply', { paths: [inventory('home')] });
    await hq.call('assets.update', { filter: { ids: [ids['vm-2']!] }, set: { ownerPartyId: people.Carol! } });
    const plan = (await hq.call('merge.preview', { path: copyPath }))!;
    expect(plan.conflicts.find((c) => c.slot === slot.assetField(key, 'ownerPartyId'))).toMatchObject({ ancestor: 'Alice', ours: 'Carol', theirs: 'Bob' });
    // A field only imports changed, on both sides: neither log records its value before, so it is not recorded.
    expect(plan.conflicts.find((c) => c.slot === slot.assetField(key, 'tags'))).toMatchObject({ ancestor: null, ours: '{"team":"home"}', theirs: '{"team":"away"}' });
    hq.close();
  });
});
