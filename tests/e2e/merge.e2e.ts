/**
 * Merging a copy in the app: HQ and Finance both changed vm-web-01's owner after the copy was
 * made, both saved a set “Review” with different filters and both mapped the control AIS-02
 * differently; Finance also classified another asset, recorded a sign-off and ran a workshop with
 * a deferred decision. The Merge area shows the three conflicts with ancestor / ours / theirs and
 * who changed each (the owner's ancestor, Platform Team, read from the change log), says what is
 * carried, and lists their workshop; Merge waits until every conflict is decided, then writes one
 * step and the inventory shows the merged owner. Save a copy for… writes a copy for HR. An axe
 * scan and a screenshot of the decided conflicts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanScreen } from '@tests/helpers/e2e/a11y';
import { docScreenshot } from '@tests/helpers/e2e/doc-screenshot';
import { useHarness } from '@tests/helpers/e2e/use-harness';
import { seedWorkshopWorkbook } from '@tests/helpers/e2e/workbench-seed';
import { fileCopy, laptop } from '@tests/helpers/merge-laptops';

const { launch } = useHarness();

describe('the Merge area', () => {
  it('merges a copy edited offline, a conflict decided by a person, and saves a copy for someone', async () => {
    const app = await launch();
    const seeded = seedWorkshopWorkbook(app.dir);
    const financePath = fileCopy(seeded.path, join(app.dir, 'Contoso for Finance.demarc'));
    const vm = seeded.assetIds[0]!;
    // The built-in control mapping with AIS-02 mapped one way or another.
    const mapping = (name: string, line: Record<string, unknown>): string => {
      const builtin = JSON.parse(readFileSync(join(process.cwd(), 'resources/frameworks/layer-controls.json'), 'utf8')) as { ccm: { id: string; topic: string }[] };
      const path = join(app.dir, name);
      writeFileSync(path, JSON.stringify({ ...builtin, ccm: builtin.ccm.map((l) => (l.id === 'AIS-02' ? { id: l.id, topic: l.topic, ...line } : l)) }));
      return path;
    };
    const hq = await laptop(seeded.path, 'alice', '2026-12-05T10:00:00.000Z');
    await hq.call('assets.update', { filter: { ids: [vm] }, set: { ownerPartyId: seeded.partyIds['Bob Chen'] } });
    await hq.call('savedSets.save', { name: 'Review', source: { kind: 'filter', filter: { text: 'web' } } });
    await hq.call('frameworks.importMapping', { path: mapping('hq.json', { layers: ['network-controls'], reason: 'Our firewall fronts every app' }) });
    hq.close();
    const finance = await laptop(financePath, 'carol', '2026-12-06T15:30:00.000Z');
    await finance.call('assets.update', { filter: { ids: [vm] }, set: { ownerPartyId: seeded.partyIds['Carol Diaz'] } });
    await finance.call('assets.update', { filter: { ids: [seeded.assetIds[1]!] }, set: { serviceModel: 'paas' } });
    await finance.call('signOffs.add', { scope: { kind: 'asset', assetId: seeded.assetIds[2]! }, partyId: seeded.partyIds['Carol Diaz'], statement: 'Carol confirms' });
    await finance.call('savedSets.save', { name: 'Review', source: { kind: 'filter', filter: { text: 'sql' } } });
    await finance.call('frameworks.importMapping', { path: mapping('finance.json', { organisational: true, reason: 'Finance governs its apps' }) });
    const workshop = await finance.call('workshops.start', { title: 'Finance review', heldOn: '2026-12-06', attendees: [seeded.partyIds['Carol Diaz']!], scope: {} });
    await finance.call('workshops.decide', { id: workshop.id, group: 0, layerId: 'applications', decision: { kind: 'defer', title: 'Ask the vendor', ownerPartyId: seeded.partyIds['Carol Diaz']!, dueOn: '2027-01-15' } });
    finance.close();

    const { page } = app;
    app.dialogs.openPaths.push(seeded.path);
    await page.getByRole('button', { name: 'Open workbook…' }).click();
    await page.getByRole('heading', { name: 'Contoso', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Merge' }).click();

    app.dialogs.openPaths.push(financePath);
    await page.getByRole('button', { name: 'Choose a copy to merge…' }).click();
    const conflict = page.getByRole('group', { name: 'vm-web-01 · owner' });
    await conflict.waitFor();
    expect((await conflict.locator('dd').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual(['Platform Team', 'Bob Chen alice, 2026-12-05 10:00', 'Carol Diaz carol, 2026-12-06 15:30']);
    const texts = async (name: string) => (await page.getByRole('group', { name }).locator('dd').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    // The set was saved on both sides since parting: absent at the ancestor. The control: the built-in line, as the first import logged it.
    expect(await texts('Review · saved set')).toEqual(['—', 'filter: text web alice, 2026-12-05 10:00', 'filter: text sql carol, 2026-12-06 15:30']);
    expect(await texts('CCM AIS-02 · control mapping')).toEqual([
      expect.stringMatching(/^rests on applications \(/),
      expect.stringMatching(/^rests on network-controls \(Our firewall fronts every app\) alice, 2026-12-05 10:00$/),
      expect.stringMatching(/^organisational \(Finance governs its apps\) carol, 2026-12-06 15:30$/)
    ]);
    expect(await page.getByTestId('merge-undecided').innerText()).toBe('3');
    expect(await page.getByRole('list', { name: 'What the merge does' }).getByRole('listitem').filter({ hasText: 'Carried as they are' }).innerText()).toMatch(/^Carried as they are: 1 sign-off, (\d+ import runs?, )?1 workshop decision, 1 workshop action$/);
    await page.getByText(/^Their changes that apply/).click();
    await page.getByRole('row', { name: /Finance review · workshop held on their side/ }).waitFor();
    const merge = page.getByRole('button', { name: 'Merge this copy' });
    expect(await merge.isDisabled()).toBe(true);

    await page.getByRole('radio', { name: 'Theirs for vm-web-01: owner' }).check();
    await page.getByRole('radio', { name: 'Theirs for Review: saved set' }).check();
    await page.getByRole('radio', { name: 'Ours for CCM AIS-02: control mapping' }).check();
    expect(await page.getByTestId('merge-undecided').innerText()).toBe('0');
    await docScreenshot(app, 'merge-conflict');
    expect(await scanScreen(page, 'merge-conflict')).toEqual([]);
    await merge.click();
    await page.getByRole('status').filter({ hasText: /^Merged Contoso for Finance\.demarc/ }).waitFor();

    await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Inventory' }).click();
    await page.getByRole('row', { name: /vm-web-01.*Carol Diaz/ }).waitFor();

    // Save a copy for HR.
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Merge' }).click();
    const hrPath = join(app.dir, 'Contoso for HR.demarc');
    app.dialogs.newPaths.push(hrPath);
    await page.getByLabel('Who the copy is for').fill('HR');
    await page.getByRole('button', { name: 'Save copy…' }).click();
    await page.getByRole('status').filter({ hasText: 'Copy for HR saved' }).waitFor();
    expect(existsSync(hrPath)).toBe(true);
    expect(app.errors).toEqual([]);
  });
});
