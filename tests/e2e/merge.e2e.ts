/**
 * Merging a copy in the app: HQ and Finance both changed vm-web-01's owner after the copy was
 * made, and Finance also classified another asset and recorded a sign-off; the Merge area shows
 * the conflict with ancestor (Platform Team, read from the change log) / ours / theirs and who
 * changed each, and says the sign-off is carried; Merge waits until the conflict is decided, then
 * writes one step and the inventory shows the merged owner. Save a copy for… writes a copy for HR.
 * An axe scan and a screenshot of the decided conflict.
 */
import { existsSync } from 'node:fs';
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
    const hq = await laptop(seeded.path, 'alice', '2026-12-05T10:00:00.000Z');
    await hq.call('assets.update', { filter: { ids: [vm] }, set: { ownerPartyId: seeded.partyIds['Bob Chen'] } });
    hq.close();
    const finance = await laptop(financePath, 'carol', '2026-12-06T15:30:00.000Z');
    await finance.call('assets.update', { filter: { ids: [vm] }, set: { ownerPartyId: seeded.partyIds['Carol Diaz'] } });
    await finance.call('assets.update', { filter: { ids: [seeded.assetIds[1]!] }, set: { serviceModel: 'paas' } });
    await finance.call('signOffs.add', { scope: { kind: 'asset', assetId: seeded.assetIds[2]! }, partyId: seeded.partyIds['Carol Diaz'], statement: 'Carol confirms' });
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
    expect(await page.getByTestId('merge-undecided').innerText()).toBe('1');
    await page.getByRole('list', { name: 'What the merge does' }).getByText(/sign-off and .* import runs of theirs carried as they are/).waitFor();
    const merge = page.getByRole('button', { name: 'Merge this copy' });
    expect(await merge.isDisabled()).toBe(true);

    await page.getByRole('radio', { name: 'Theirs for vm-web-01: owner' }).check();
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
