/**
 * `demarc copy --for` and `demarc merge`: copies edited offline come back in one command, a dry
 * run lists the conflicts (exit 1 while one is undecided), `--take` and `--decide` settle them,
 * merging again changes nothing, and a file that is no copy is refused with the workbook untouched.
 * Also: two copies of a round-1 workbook, each migrated on its own laptop, still merge.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_WORKBOOKS } from '@tests/helpers/merge-laptops';
import { azJson, tempFile } from '@tests/helpers/import-fixture';
import { cli } from '@tests/helpers/run-cli';
import { sha256File, tempDir } from '@tests/helpers/temp';

async function ok(args: string[], user = 'cli-tester'): Promise<string> {
  const run = await cli(args, process.cwd(), { DEMARC_USER: user });
  expect(run.stderr, args.join(' ')).toBe('');
  expect(run.code, args.join(' ')).toBe(0);
  return run.stdout;
}

describe('demarc copy and demarc merge', () => {
  it('copies for two units, merges both back, decides the conflict, and merges again as a no-op', async () => {
    const dir = tempDir();
    const hq = join(dir, 'acme.demarc');
    const fin = join(dir, 'acme-finance.demarc');
    const hr = join(dir, 'acme-hr.demarc');
    await ok(['new', hq, '--org', 'Acme']);
    await ok(['import', hq, tempFile('az.json', azJson([{ name: 'vm-1', sub: 'finance' }, { name: 'vm-2', sub: 'hr' }]))]);
    await ok(['parties', hq, 'add', 'Alice', '--kind', 'person']);
    await ok(['parties', hq, 'add', 'Bob', '--kind', 'person']);
    expect(await ok(['copy', hq, fin, '--for', 'Finance'])).toMatch(/^Copy for Finance: .*acme-finance\.demarc \(workbook [0-9a-f-]{36}\)\n$/);
    expect(JSON.parse(await ok(['copy', hq, hr, '--for', 'HR', '--json']))).toMatchObject({ label: 'HR', head: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await cli(['copy', hq, hr, '--for', 'HR'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/already exists/) });

    await ok(['assign', fin, '--where', 'text=vm-1', '--owner', 'Alice'], 'fin');
    await ok(['assign', fin, '--where', 'text=vm-2', '--service-model', 'paas'], 'fin');
    await ok(['assign', hr, '--where', 'text=vm-2', '--service-model', 'saas', '--owner', 'Bob'], 'hr');

    const finDry = await cli(['merge', hq, fin, '--dry-run']);
    expect(finDry.stdout).toMatch(/3 of their changes apply, 0 of ours stay, 0 conflicts \(0 undecided\)/);
    expect(finDry.code).toBe(0);
    await ok(['merge', hq, fin]);
    const dry = await cli(['merge', hq, hr, '--dry-run']);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toMatch(/acme-hr\.demarc: parted from this workbook after entry \d+/);
    // Ancestor (read from HR's own edit: ours first touched it by Finance's merged entry), ours, theirs, with who and when.
    expect(dry.stdout).toMatch(/conflict asset\|.*vm-2\|field\|serviceModel\n {4}vm-2 · service model → undecided\n {4}ancestor: iaas\n {4}ours: {5}paas \(fin, \d{4}-\d\d-\d\d \d\d:\d\d\)\n {4}theirs: {3}saas \(hr, \d{4}-/);
    const dryJson = JSON.parse((await cli(['merge', hq, hr, '--dry-run', '--json'])).stdout) as { conflicts: { ancestor: string | null; ours: string; theirs: string; oursBy: { actor: string } }[] }[];
    expect(dryJson[0]!.conflicts).toEqual([expect.objectContaining({ ancestor: 'iaas', ours: 'paas', theirs: 'saas', oursBy: expect.objectContaining({ actor: 'fin' }) })]);
    const before = sha256File(hq);
    const refused = await cli(['merge', hq, hr]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^demarc merge: 1 conflict still to decide: vm-2 \(service model\)\. Nothing was changed\.\n$/);
    expect(sha256File(hq)).toBe(before);

    const json = JSON.parse(await ok(['merge', hq, hr, '--take', 'theirs:subscription=hr', '--json'])) as { merged: boolean; plan: { conflicts: { choice: string; decidedBy: string }[] } }[];
    expect(json[0]).toMatchObject({ merged: true, plan: { conflicts: [{ choice: 'theirs', decidedBy: 'rule' }] } });
    const report = JSON.parse(await ok(['report', hq, '--json'])) as { assets: { name: string; serviceModel: string; owner: string | null }[] };
    expect(report.assets.map((a) => [a.name, a.serviceModel, a.owner])).toEqual([
      ['vm-1', 'iaas', 'Alice'],
      ['vm-2', 'saas', 'Bob']
    ]);
    const again = await ok(['merge', hq, fin, hr]);
    expect(again).toMatch(/Nothing to merge: every change in acme-finance\.demarc is already in this workbook\.\n/);
    expect(again).toMatch(/Nothing to merge: every change in acme-hr\.demarc is already in this workbook\.\n$/);
  });

  it('lists a saved set saved differently and a control mapped differently on both copies as conflicts (--dry-run --json), settled by --decide', async () => {
    const dir = tempDir();
    const hq = join(dir, 'acme.demarc');
    const fin = join(dir, 'acme-finance.demarc');
    await ok(['new', hq, '--org', 'Acme']);
    await ok(['import', hq, tempFile('az.json', azJson([{ name: 'vm-1', sub: 'finance' }, { name: 'vm-2', sub: 'hr' }]))]);
    await ok(['copy', hq, fin, '--for', 'Finance']);
    const mapping = (file: string, id: string, line: Record<string, unknown>): string => {
      const builtin = JSON.parse(readFileSync(join(process.cwd(), 'resources/frameworks/layer-controls.json'), 'utf8')) as { ccm: { id: string }[] };
      const ccm = builtin.ccm.map((l) => (l.id === 'AIS-02' ? { id: l.id, topic: 'Application security baseline', ...line } : l));
      const path = join(dir, file);
      writeFileSync(path, JSON.stringify({ ...builtin, id, ccm }));
      return path;
    };
    await ok(['sets', fin, 'save', 'Review', '--where', 'sub=finance'], 'fin');
    await ok(['mapping', fin, 'import', mapping('fin.json', 'fin-mapping', { organisational: true, reason: 'Finance governs it' })], 'fin');
    await ok(['sets', hq, 'save', 'Review', '--where', 'sub=hr'], 'hq');
    await ok(['mapping', hq, 'import', mapping('hq.json', 'hq-mapping', { layers: ['network-controls'], reason: 'Our firewall' })], 'hq');

    const dry = await cli(['merge', hq, fin, '--dry-run', '--json']);
    expect(dry.code).toBe(1);
    const [plan] = JSON.parse(dry.stdout) as { conflicts: { slot: string; kind: string; ours: string; theirs: string; choice: string | null }[] }[];
    expect(plan!.conflicts).toEqual([
      expect.objectContaining({ slot: 'savedSet|review', kind: 'saved-set', ours: 'filter: subscription hr', theirs: 'filter: subscription finance', choice: null }),
      expect.objectContaining({ slot: 'settings|controlMapping', kind: 'setting', ours: 'hq-mapping version 2026-12-07', theirs: 'fin-mapping version 2026-12-07' }),
      expect.objectContaining({ slot: 'settings|controlMapping|ccm|AIS-02', kind: 'control', ours: 'rests on network-controls (Our firewall)', theirs: 'organisational (Finance governs it)' })
    ]);
    const before = sha256File(hq);
    expect((await cli(['merge', hq, fin])).code).toBe(2);
    expect(sha256File(hq)).toBe(before);
    await ok(['merge', hq, fin, '--decide', 'savedSet|review=theirs', '--decide', 'settings|controlMapping=ours', '--decide', 'settings|controlMapping|ccm|AIS-02=theirs']);
    expect(await ok(['sets', hq, 'show', 'review'])).toMatch(/finance/i);
    expect(JSON.parse(await ok(['mapping', hq, 'show', '--json']))).toMatchObject({ id: 'hq-mapping', organisational: { ccm: expect.arrayContaining(['AIS-02']) } });
    expect(await ok(['merge', hq, fin])).toMatch(/Nothing to merge/);
  });

  it('refuses a workbook that is no copy, the workbook unchanged', async () => {
    const dir = tempDir();
    await ok(['new', join(dir, 'a.demarc'), '--org', 'A']);
    await ok(['new', join(dir, 'b.demarc'), '--org', 'B']);
    const before = sha256File(join(dir, 'a.demarc'));
    const run = await cli(['merge', join(dir, 'a.demarc'), join(dir, 'b.demarc')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^demarc merge: b\.demarc is not a copy of this workbook: the two share no history/);
    expect(sha256File(join(dir, 'a.demarc'))).toBe(before);
    expect(await cli(['merge', join(dir, 'a.demarc')])).toMatchObject({ code: 2, stderr: expect.stringMatching(/at least one copy/) });
    expect(await cli(['merge', join(dir, 'a.demarc'), join(dir, 'b.demarc'), '--take', 'mine'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/must start with ours or theirs/) });
  });

  it('merges two plain copies of a round-1 workbook, each migrated on its own', async () => {
    const dir = tempDir();
    const a = join(dir, 'a.demarc');
    const b = join(dir, 'b.demarc');
    copyFileSync(join(FIXTURES_WORKBOOKS, 'round-1.demarc'), a);
    copyFileSync(join(FIXTURES_WORKBOOKS, 'round-1.demarc'), b);
    const list = JSON.parse(await ok(['report', a, '--json'])) as { assets: { name: string; serviceModel: string | null }[] };
    const name = list.assets[0]!.name;
    const target = list.assets[0]!.serviceModel === 'paas' ? 'saas' : 'paas';
    await ok(['assign', b, '--where', `text=${name}`, '--service-model', target], 'laptop-b');
    expect(await ok(['merge', a, b])).toMatch(/Merged b\.demarc \(workbook [0-9a-f-]{36}\): \d+ changes of theirs applied, 0 conflicts/);
    const merged = JSON.parse(await ok(['report', a, '--json'])) as { assets: { name: string; serviceModel: string | null }[] };
    expect(merged.assets.find((x) => x.name === name)!.serviceModel).toBe(target);
  });
});
