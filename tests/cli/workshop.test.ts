/**
 * `demarc workshop` on a workbook where a workshop was run through the services: list, show,
 * minutes as JSON, HTML and PDF (printed by Chromium, read back with pdftotext: the minutes list
 * exactly the decisions made).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkshopMinutes } from '@shared/workshop';
import { findChromium } from '@main/export/chromium-pdf';
import { closeWorkbook } from '@main/services/workbook-service';
import { decide } from '@main/services/workshop/workshop-decide';
import { startWorkshop } from '@main/services/workshop/workshops';
import { seedAssets, seedParties } from '@tests/helpers/seed';
import { sha256File } from '@tests/helpers/temp';
import { createTestWorkbook } from '@tests/helpers/workbook';
import { cli } from '@tests/helpers/run-cli';

let dir: string;
const hasPdfTools = findChromium(process.env) !== null && existsSync('/usr/bin/pdftotext');

beforeAll(() => {
  const t = createTestWorkbook({ organisation: 'Northwind' });
  const [alice, platform, net] = seedParties(t.wb.db, [
    { name: 'Alice', kind: 'person' },
    { name: 'Platform team', kind: 'team' },
    { name: 'Network team', kind: 'team' }
  ]) as [number, number, number];
  seedAssets(t.wb.db, [
    { name: 'vm1', type: 'Microsoft.Compute/virtualMachines', serviceModel: 'iaas', subscription: 'prod', ownerPartyId: alice },
    { name: 'vm2', type: 'Microsoft.Compute/virtualMachines', serviceModel: 'iaas', subscription: 'prod', ownerPartyId: alice },
    { name: 'db1', type: 'Microsoft.Sql/servers/databases', serviceModel: 'paas', subscription: 'prod', ownerPartyId: alice }
  ]);
  t.wb.engine.drop();
  startWorkshop(t.wb, t.ctx, { title: 'Q1 platform review', heldOn: '2026-11-28', attendees: [alice, platform, net], scope: { subscription: 'prod' } });
  decide(t.wb, t.ctx, { id: 1, group: 0, layerId: 'network-controls', decision: { kind: 'raci', roles: { A: [platform], R: [net] }, reason: 'NSGs are central' } });
  decide(t.wb, t.ctx, { id: 1, group: 1, layerId: 'identities-and-users', decision: { kind: 'defer', title: 'Find who grants SQL logins', ownerPartyId: net, dueOn: '2026-12-15' } });
  closeWorkbook(t.wb);
  // The helper's temp folder goes after each test: the CLI works on a copy of its own.
  dir = mkdtempSync(join(tmpdir(), 'demarc-cli-workshop-'));
  copyFileSync(t.path, join(dir, 'test.demarc'));
  return () => rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('demarc workshop', () => {
  it('lists the workshops and shows one', async () => {
    const list = await cli(['workshop', 'test.demarc', 'list'], dir);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^#1 {2}2026-11-28 {2}Q1 platform review {2}\[open\] {2}3 attendees, 3 assets in 2 groups, 2\/20 steps decided, 1 open actions/);
    const show = await cli(['workshop', 'test.demarc', 'show', 'q1 platform review'], dir);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('Network controls: RACI changed');
    expect(show.stdout).toContain('Find who grants SQL logins — Network team, due 2026-12-15, open');
  });

  it('refuses an unknown workshop and a wrong extension with exit 2 and one clear line', async () => {
    const before = sha256File(join(dir, 'test.demarc'));
    const unknown = await cli(['workshop', 'test.demarc', 'show', 'Nope'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('demarc workshop: no workshop is "Nope" (workshops: #1 "Q1 platform review"); name it by id.\n');
    const ext = await cli(['workshop', 'test.demarc', 'minutes', '1', '--out', 'minutes.docx'], dir);
    expect(ext.code).toBe(2);
    expect(ext.stderr).toMatch(/end the file name in \.pdf, \.html or \.json/);
    expect(sha256File(join(dir, 'test.demarc'))).toBe(before);
  });

  it('writes the minutes as JSON and HTML', async () => {
    const json = await cli(['workshop', 'test.demarc', 'minutes', '1', '--out', 'minutes.json', '--json'], dir);
    expect(json.code).toBe(0);
    const minutes = JSON.parse(readFileSync(join(dir, 'minutes.json'), 'utf8')) as WorkshopMinutes;
    expect(minutes.decisions.map((d) => [d.layerTitle, d.kind])).toEqual([['Network controls', 'raci'], ['Identities and users', 'defer']]);
    const html = await cli(['workshop', 'test.demarc', 'minutes', '#1', '--out', 'minutes.html', '--page-per-group'], dir);
    expect(html.code).toBe(0);
    expect(readFileSync(join(dir, 'minutes.html'), 'utf8')).toContain('class="page"');
  });

  it.skipIf(!hasPdfTools)('prints the minutes to PDF; its text lists exactly the decisions made', async () => {
    const run = await cli(['workshop', 'test.demarc', 'minutes', '1', '--out', 'minutes.pdf'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(dir, 'minutes.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    // Table cells wrap: compare the words, whatever the line breaks.
    const text = execFileSync('pdftotext', [join(dir, 'minutes.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Q1 platform review');
    expect(text).toContain('Decisions (2)');
    expect(text.match(/RACI changed/g)).toHaveLength(1);
    expect(text.match(/Deferred(?! actions)/g)).toHaveLength(1);
    expect(text).not.toMatch(/\bKept\b|Overridden/);
    expect(text).toContain('Find who grants SQL logins');
    expect(text).toContain('Responsible: Network team; Accountable: Platform team');
  }, 90_000);
});
