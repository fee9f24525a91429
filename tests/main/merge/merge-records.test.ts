/**
 * Records a merge carries as they are, and the one it does not carry yet. A sign-off made on the
 * other laptop arrives with the states it vouched for, its assets and signer spelt with this
 * workbook's ids: it holds while the merged result is what it covered, and goes stale by the
 * usual rule when not. Their import runs come along. The merge undoes as one step (the carried
 * records with it), merging again writes nothing, and the chain verifies. Workshops are still
 * refused, naming what the copy holds, the workbook byte for byte as it was.
 */
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import builtinJson from '@resources/frameworks/layer-controls.json';
import { describe, expect, it } from 'vitest';
import { sha256File } from '@tests/helpers/temp';
import { azJson, tempFile } from '@tests/helpers/import-fixture';
import { fileCopy, laptop, seededHq } from '@tests/helpers/merge-laptops';

describe('sign-offs and import runs made since parting', () => {
  it('are carried with their covered states; a sign-off goes stale when the merged result differs from what it covered', async () => {
    const { hq, dir, ids, people } = await seededHq();
    const copyPath = fileCopy(hq.path, join(dir, 'finance.demarc'));
    const finance = await laptop(copyPath, 'finance', '2026-12-02T09:00:00.000Z');
    // A party added there (its id may differ here), who signs; an import run; two sign-offs.
    const dave = await finance.call('parties.add', { name: 'Dave', kind: 'person' });
    await finance.call('import.apply', { paths: [tempFile('more.json', azJson([{ name: 'vm-7', sub: 'finance', rg: 'rg-fin' }]))] });
    const vm7 = (await finance.call('assets.list', { filter: { text: 'vm-7' } })).rows[0]!.id;
    await finance.call('assets.update', { filter: { ids: [vm7] }, set: { ownerPartyId: dave.id, serviceModel: 'iaas' } });
    await finance.call('signOffs.add', { scope: { kind: 'asset', assetId: vm7 }, partyId: dave.id, statement: 'Dave confirms vm-7' });
    await finance.call('signOffs.add', { scope: { kind: 'asset', assetId: ids['vm-2']! }, partyId: people.Alice!, statement: 'Alice confirms vm-2' });
    const theirs = await finance.call('signOffs.list', {});
    expect(theirs.map((s) => s.stale)).toEqual([null, null]);
    finance.close();
    // Here, meanwhile: another party (so Dave's id here is not his id there) and vm-2's owner changed.
    await hq.call('parties.add', { name: 'Erin', kind: 'person' });
    await hq.call('assets.update', { filter: { ids: [ids['vm-2']!] }, set: { ownerPartyId: people.Bob! } });

    const plan = (await hq.call('merge.preview', { path: copyPath }))!;
    expect(plan.carried).toEqual({ signOffs: 2, importRuns: 1 });
    // (Their import touches every asset's imported fields and owner: vm-2's owner is a conflict, kept ours.)
    const ours = { rules: [{ side: 'ours' as const }] };
    await hq.call('merge.apply', { path: copyPath, decisions: ours });
    const signed = await hq.call('signOffs.list', {});
    const daveHere = (await hq.call('parties.list', {})).find((p) => p.name === 'Dave')!;
    expect(daveHere.id).not.toBe(dave.id);
    const byStatement = Object.fromEntries(signed.map((s) => [s.statement, s]));
    // Dave's sign-off holds: vm-7 here is what he signed (owner Dave, by this workbook's id).
    expect(byStatement['Dave confirms vm-7']).toMatchObject({ partyId: daveHere.id, partyName: 'Dave', stale: null, recordedBy: 'finance' });
    // Alice signed vm-2 owned by Alice; here vm-2's owner is Bob (ours kept): stale, naming the owner.
    expect(byStatement['Alice confirms vm-2']!.stale).toMatchObject({ assetName: 'vm-2', changes: expect.arrayContaining(['owner']) });

    // Merging again writes nothing; undo takes the records away with the rest; the chain verifies.
    const count = (await hq.call('changes.list', {})).length;
    expect(await hq.call('merge.apply', { path: copyPath, decisions: ours })).toMatchObject({ merged: false });
    expect((await hq.call('changes.list', {})).length).toBe(count);
    await hq.call('history.undo', {});
    expect(await hq.call('signOffs.list', {})).toEqual([]);
    expect(await hq.call('audit.verify', {})).toMatchObject({ ok: true });
    // And merged again after the undo: the same two sign-offs, once each.
    await hq.call('merge.apply', { path: copyPath, decisions: ours });
    expect((await hq.call('signOffs.list', {})).map((s) => s.statement).sort()).toEqual(['Alice confirms vm-2', 'Dave confirms vm-7']);
    hq.close();
    // Their import run is here, once, as they recorded it.
    const db = new Database(hq.path, { readonly: true });
    expect(db.prepare('SELECT file_name AS file, actor FROM import_runs ORDER BY id').all()).toEqual([
      { file: 'inventory.json', actor: 'hq' },
      { file: 'more.json', actor: 'finance' }
    ]);
    db.close();
  });
});

describe('a copy with workshops made since parting', () => {
  it('is refused with what it holds, nothing written', async () => {
    const { hq: seeded, dir, people } = await seededHq();
    const heldPath = fileCopy(seeded.path, join(dir, 'held.demarc'));
    seeded.close();
    const held = await laptop(heldPath, 'finance', '2026-12-02T09:00:00.000Z');
    await held.call('workshops.start', { title: 'Finance review', heldOn: '2026-12-02', attendees: [people.Alice!] });
    held.close();

    const before = sha256File(seeded.path);
    const hq = await laptop(seeded.path, 'hq', '2026-12-03T09:00:00.000Z');
    await expect(hq.call('merge.preview', { path: heldPath })).rejects.toThrow(/held\.demarc has 1 workshop change made since the copies parted \(first: entry #\d+, "/);
    await expect(hq.call('merge.apply', { path: heldPath, decisions: {} })).rejects.toThrow(/merging workshops and saved sets is not supported yet, so nothing was merged/);
    hq.close();
    expect(sha256File(seeded.path)).toBe(before);
  });

  it('a copy with a saved set made since parting is refused the same way', async () => {
    const { hq: seeded, dir } = await seededHq();
    const setPath = fileCopy(seeded.path, join(dir, 'set.demarc'));
    seeded.close();
    const copy = await laptop(setPath, 'finance', '2026-12-02T09:00:00.000Z');
    await copy.call('savedSets.save', { name: 'Finance VMs', source: { kind: 'filter', filter: { text: 'vm' } } });
    copy.close();
    const before = sha256File(seeded.path);
    const hq = await laptop(seeded.path, 'hq', '2026-12-03T09:00:00.000Z');
    await expect(hq.call('merge.preview', { path: setPath })).rejects.toThrow(/set\.demarc has 1 saved-set change made since the copies parted \(first: entry #\d+, "Saved the set “Finance VMs”/);
    hq.close();
    expect(sha256File(seeded.path)).toBe(before);
  });
});

describe('the control mapping', () => {
  const mappingFile = (dir: string, id: string, version: string): string => {
    const path = join(dir, `${id}.json`);
    writeFileSync(path, JSON.stringify({ ...builtinJson, id, version }));
    return path;
  };

  it('imported on one side applies; imported differently on both is a conflict a person decides; undo puts ours back', async () => {
    const { hq, dir } = await seededHq();
    const onePath = fileCopy(hq.path, join(dir, 'one.demarc'));
    const bothPath = fileCopy(hq.path, join(dir, 'both.demarc'));
    const one = await laptop(onePath, 'finance', '2026-12-02T09:00:00.000Z');
    await one.call('frameworks.importMapping', { path: mappingFile(dir, 'finance-mapping', '3') });
    one.close();

    const plan = (await hq.call('merge.preview', { path: onePath }))!;
    expect(plan.changes).toEqual([expect.objectContaining({ kind: 'setting', detail: 'control mapping', ancestor: 'the built-in mapping', ours: 'the built-in mapping', theirs: 'finance-mapping version 3' })]);
    await hq.call('merge.apply', { path: onePath });
    expect(await hq.call('frameworks.mapping', {})).toMatchObject({ id: 'finance-mapping', version: '3', builtin: false, importedBy: 'finance' });
    await hq.call('history.undo', {});
    expect(await hq.call('frameworks.mapping', {})).toMatchObject({ builtin: true });

    const both = await laptop(bothPath, 'hr', '2026-12-02T09:00:00.000Z');
    await both.call('frameworks.importMapping', { path: mappingFile(dir, 'hr-mapping', '1') });
    both.close();
    await hq.call('frameworks.importMapping', { path: mappingFile(dir, 'hq-mapping', '2') });
    const conflict = (await hq.call('merge.preview', { path: bothPath }))!.conflicts;
    expect(conflict).toEqual([expect.objectContaining({ slot: 'settings|controlMapping', ours: 'hq-mapping version 2', theirs: 'hr-mapping version 1', choice: null })]);
    await hq.call('merge.apply', { path: bothPath, decisions: { items: { 'settings|controlMapping': 'theirs' } } });
    expect(await hq.call('frameworks.mapping', {})).toMatchObject({ id: 'hr-mapping', importedBy: 'hr' });
    expect(await hq.call('audit.verify', {})).toMatchObject({ ok: true });
    hq.close();
  });
});
