/**
 * Records a merge carries as they are, and the one it does not carry yet. A sign-off made on the
 * other laptop arrives with the states it vouched for, its assets and signer spelt with this
 * workbook's ids: it holds while the merged result is what it covered, and goes stale by the
 * usual rule when not. Their import runs come along. The merge undoes as one step (the carried
 * records with it), merging again writes nothing, and the chain verifies. (Workshops and saved
 * sets: merge-workshops.test.ts.) The control mapping merges control by control.
 */
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import builtinJson from '@resources/frameworks/layer-controls.json';
import { describe, expect, it } from 'vitest';
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
    expect(plan.carried).toEqual({ signOffs: 2, importRuns: 1, decisions: 0, actions: 0, closedActions: 0 });
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

describe('the control mapping, control by control', () => {
  type Line = { id: string; layers?: string[]; organisational?: true; reason: string };
  /** The built-in mapping with some CCM controls' lines replaced. */
  const mappingFile = (dir: string, id: string, version: string, lines: Record<string, Partial<Line>>): string => {
    const path = join(dir, `${id}.json`);
    const ccm = (builtinJson.ccm as Line[]).map((line) => {
      const change = lines[line.id];
      if (change === undefined) return line;
      const { layers: _layers, organisational: _organisational, ...rest } = line;
      return { ...rest, ...change };
    });
    writeFileSync(path, JSON.stringify({ ...builtinJson, id, version, ccm }));
    return path;
  };
  const organisational = { organisational: true as const, reason: 'Our own governance' };
  const onNetwork = { layers: ['network-controls'], reason: 'Our firewall' };

  it('a control changed on one side applies, the other side’s own control stays; the same control changed on both is a conflict', async () => {
    const { hq, dir } = await seededHq();
    const financePath = fileCopy(hq.path, join(dir, 'finance.demarc'));
    const finance = await laptop(financePath, 'finance', '2026-12-02T09:00:00.000Z');
    await finance.call('frameworks.importMapping', { path: mappingFile(dir, 'finance-mapping', '3', { 'AIS-02': organisational, 'AIS-03': organisational }) });
    finance.close();
    await hq.call('frameworks.importMapping', { path: mappingFile(dir, 'hq-mapping', '2', { 'A&A-01': onNetwork, 'AIS-03': onNetwork }) });

    const plan = (await hq.call('merge.preview', { path: financePath }))!;
    // AIS-02: theirs only, applies. A&A-01: ours only, stays. AIS-03 and the head (id, version): both, conflicts.
    expect(plan.changes).toEqual([expect.objectContaining({ slot: 'settings|controlMapping|ccm|AIS-02', kind: 'control', subject: 'CCM AIS-02', ours: 'rests on applications (' + (builtinJson.ccm as Line[]).find((l) => l.id === 'AIS-02')!.reason + ')', theirs: 'organisational (Our own governance)' })]);
    // The ancestor: the built-in mapping's, as the first import on either side logged it.
    const builtinAis03 = (builtinJson.ccm as Line[]).find((l) => l.id === 'AIS-03')!;
    expect(plan.conflicts.map((c) => [c.slot, c.ancestor, c.ours, c.theirs])).toEqual([
      ['settings|controlMapping', `${builtinJson.id} version ${builtinJson.version}`, 'hq-mapping version 2', 'finance-mapping version 3'],
      ['settings|controlMapping|ccm|AIS-03', `rests on ${builtinAis03.layers!.join(', ')} (${builtinAis03.reason})`, 'rests on network-controls (Our firewall)', 'organisational (Our own governance)']
    ]);
    const items = { 'settings|controlMapping': 'theirs' as const, 'settings|controlMapping|ccm|AIS-03': 'ours' as const };
    await hq.call('merge.apply', { path: financePath, decisions: { items } });
    const merged = await hq.call('frameworks.mapping', {});
    expect(merged).toMatchObject({ id: 'finance-mapping', version: '3', builtin: false, fileName: 'merged: hq-mapping.json + finance-mapping.json', importedBy: 'hq' });
    expect(merged.organisational.ccm).toContain('AIS-02');
    expect(merged.organisational.ccm).not.toContain('AIS-03');
    expect(merged.organisational.ccm).not.toContain('A&A-01');
    expect(merged.layers.find((l) => l.id === 'network-controls')!.ccm).toEqual(expect.arrayContaining(['A&A-01', 'AIS-03']));
    // Again: nothing; undo: ours back; the chain verifies.
    expect(await hq.call('merge.apply', { path: financePath, decisions: { items } })).toMatchObject({ merged: false });
    await hq.call('history.undo', {});
    expect(await hq.call('frameworks.mapping', {})).toMatchObject({ id: 'hq-mapping', version: '2' });
    expect(await hq.call('audit.verify', {})).toMatchObject({ ok: true });
    hq.close();
  });

  it('their whole mapping taken when it is all theirs; a result the mapping’s checks refuse is a conflict, never written', async () => {
    const { hq, dir } = await seededHq();
    const onePath = fileCopy(hq.path, join(dir, 'one.demarc'));
    const layersPath = fileCopy(hq.path, join(dir, 'layers.demarc'));
    const one = await laptop(onePath, 'finance', '2026-12-02T09:00:00.000Z');
    await one.call('frameworks.importMapping', { path: mappingFile(dir, 'finance-mapping', '3', { 'AIS-02': organisational }) });
    one.close();
    await hq.call('merge.apply', { path: onePath });
    expect(await hq.call('frameworks.mapping', {})).toMatchObject({ id: 'finance-mapping', fileName: 'finance-mapping.json', importedBy: 'finance' });

    // Their copy renames a control layer (head and every control on it change); ours puts A&A-01 on the old name.
    const layers = await laptop(layersPath, 'hr', '2026-12-02T09:00:00.000Z');
    const rename = (ids: string[]) => ids.map((id) => (id === 'network-controls' ? 'network' : id));
    const renamed = {
      ...builtinJson,
      layers: builtinJson.layers.map((l) => (l.id === 'network-controls' ? { ...l, id: 'network', aliases: [...(l.aliases ?? []), 'network-controls'] } : l)),
      models: Object.fromEntries(Object.entries(builtinJson.models).map(([model, binding]) => [model, Object.fromEntries(Object.entries(binding).map(([layer, targets]) => [layer, rename(targets)]))])),
      ccm: (builtinJson.ccm as Line[]).map((l) => (l.layers ? { ...l, layers: rename(l.layers) } : l)),
      nist: (builtinJson.nist as Line[]).map((l) => (l.layers ? { ...l, layers: rename(l.layers) } : l))
    };
    const renamedPath = join(dir, 'renamed.json');
    writeFileSync(renamedPath, JSON.stringify({ ...renamed, id: 'hr-mapping' }));
    await layers.call('frameworks.importMapping', { path: renamedPath });
    layers.close();
    await hq.call('frameworks.importMapping', { path: mappingFile(dir, 'hq-mapping', '2', { 'A&A-01': onNetwork }) });
    const plan = (await hq.call('merge.preview', { path: layersPath, decisions: { items: { 'settings|controlMapping': 'theirs' } } }))!;
    const breaking = plan.conflicts.filter((c) => c.rule !== null);
    expect(breaking.length).toBeGreaterThan(0);
    expect(breaking[0]!.rule).toMatch(/The control mapping made of both copies would not be valid \(\$\.ccm\[\d+\]\.layers/);
    // Left to a rule, they stay to decide; decided for theirs by a person, the apply refuses them.
    await expect(hq.call('merge.apply', { path: layersPath, decisions: { items: { 'settings|controlMapping': 'theirs' }, rules: [{ side: 'theirs' }] } })).rejects.toThrow(/conflicts still to decide: CCM/);
    const allTheirs = Object.fromEntries(plan.conflicts.map((c) => [c.slot, 'theirs' as const]));
    await expect(hq.call('merge.apply', { path: layersPath, decisions: { items: allTheirs } })).rejects.toThrow(/Taking theirs would break the workbook's rules: The control mapping made of both copies would not be valid/);
    expect(await hq.call('frameworks.mapping', {})).toMatchObject({ id: 'hq-mapping' });
    hq.close();
  });
});
