/**
 * `demarc export --framework` and `demarc mapping` on the hand-made workbook: the files written,
 * the scope filter, the baseline, usage errors (exit 2, one line) and the mapping round trip
 * (save → edit → import → the export follows → reset).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeWorkbook } from '@main/services/workbook-service';
import { readWorkbook, sheetRows } from '@tests/helpers/read-back';
import { handMadeWorkbook } from '@tests/helpers/framework-seed';
import { cli } from '@tests/helpers/run-cli';

function workbook(): { dir: string; path: string } {
  const made = handMadeWorkbook();
  closeWorkbook(made.wb);
  return { dir: made.dir, path: made.path };
}

describe('demarc export --framework', () => {
  it('writes the three framework files, scoped and by baseline', async () => {
    const { dir, path } = workbook();
    const ccm = await cli(['export', path, '--framework', 'ccm', '--scope', 'sm=saas', '--out', 'ccm.xlsx'], dir);
    expect(ccm).toMatchObject({ code: 0, stderr: '' });
    expect(ccm.stdout).toContain(`path: ${join(dir, 'ccm.xlsx')}`);
    expect(ccm.stdout).toContain('assets in scope: 1');
    const rows = sheetRows((await readWorkbook(join(dir, 'ccm.xlsx'))).getWorksheet('CAIQv4.0.3')!, 12);
    expect(rows.find((r) => r[0] === 'DCS-03.1')![3]).toBe('CSP-owned');

    const fedramp = await cli(['export', path, '--framework', 'fedramp', '--baseline', 'high', '--out', 'fedramp.xlsx', '--json'], dir);
    expect(fedramp.code).toBe(0);
    expect(JSON.parse(fedramp.stdout)).toMatchObject({ framework: 'fedramp', baseline: 'high', sheets: ['Instructions', 'High CIS Worksheet', 'High CRM Worksheet'], rows: 791 });

    const oscal = await cli(['export', path, '--framework', 'oscal-ssp', '--out', 'ssp.json'], dir);
    expect(oscal.code).toBe(0);
    const doc = JSON.parse(readFileSync(join(dir, 'ssp.json'), 'utf8')) as { 'system-security-plan': { metadata: { 'oscal-version': string } } };
    expect(doc['system-security-plan'].metadata['oscal-version']).toBe('1.1.3');
  });

  const usage: [string, string[], RegExp][] = [
    ['an unknown framework', ['--framework', 'iso', '--out', 'x.xlsx'], /^demarc export: --framework: "iso" is not one of ccm, fedramp, oscal-ssp\n$/],
    ['a wrong extension', ['--framework', 'oscal-ssp', '--out', 'x.xlsx'], /^demarc export: --out x\.xlsx: the oscal-ssp export is a \.json file\n$/],
    ['an unknown baseline', ['--framework', 'fedramp', '--baseline', 'extreme', '--out', 'x.xlsx'], /--baseline: "extreme" is not one of high, moderate, low, li-saas/],
    ['a baseline for ccm', ['--framework', 'ccm', '--baseline', 'high', '--out', 'x.xlsx'], /--baseline applies to fedramp and oscal-ssp/],
    ['a bad scope', ['--framework', 'ccm', '--scope', 'colour=blue', '--out', 'x.xlsx'], /^demarc export: --scope: /],
    ['a scope without framework', ['--scope', 'sm=paas', '--out', 'x.xlsx'], /go with --framework/]
  ];
  it.each(usage)('refuses %s with exit 2', async (_label, args, message) => {
    const { dir, path } = workbook();
    const run = await cli(['export', path, ...args], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});

describe('demarc mapping', () => {
  it('shows, saves, imports and resets the mapping; the export follows it', async () => {
    const { dir, path } = workbook();
    const show = await cli(['mapping', path, 'show'], dir);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/^Demarc: responsibility layers to CSA CCM v4 and NIST SP 800-53 Rev\. 5 controls \(demarc-layer-controls, version [^)]+\) — built into Demarc\n/);
    expect(show.stdout).toMatch(/Physical datacenter \(physical-datacenter\)\n {2}CCM: {2}BCR-11 DCS-03 DCS-06 /);
    expect(show.stdout).toContain('Microsoft Azure shared responsibility (classic diagram, 2023) (microsoft-classic-2023): bound by the mapping');

    expect(await cli(['mapping', path, 'save', '--out', 'mine.json'], dir)).toMatchObject({ code: 0, stdout: `${join(dir, 'mine.json')}\n` });
    const mine = JSON.parse(readFileSync(join(dir, 'mine.json'), 'utf8')) as { id: string; ccm: { id: string; layers?: string[] }[] };
    mine.id = 'mine';
    mine.ccm.find((l) => l.id === 'DCS-03')!.layers = ['customer-data'];
    writeFileSync(join(dir, 'mine.json'), JSON.stringify(mine));
    expect(await cli(['mapping', path, 'import', 'mine.json'], dir)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Mapping in use: .* \(mine, version /) });
    await cli(['export', path, '--framework', 'ccm', '--out', 'ccm.xlsx'], dir);
    const rows = sheetRows((await readWorkbook(join(dir, 'ccm.xlsx'))).getWorksheet('CAIQv4.0.3')!, 12);
    expect(rows.find((r) => r[0] === 'DCS-03.1')![3]).toBe('CSC-owned');
    expect(await cli(['mapping', path, 'reset', '--json'], dir)).toMatchObject({ code: 0, stdout: expect.stringContaining('"builtin": true') });

    writeFileSync(join(dir, 'bad.json'), '{"id": "bad"}');
    const bad = await cli(['mapping', path, 'import', 'bad.json'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^demarc mapping: bad\.json: not a valid control mapping - \$\.name: /);
  });
});
