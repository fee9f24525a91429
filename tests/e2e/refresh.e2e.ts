/**
 * A write refreshes only what it touched: main says what each write changed ('workbook-changed'),
 * each feature names its stale queries, and the renderer asks main again for exactly those.
 */
import { describe, expect, it } from 'vitest';
import type { AppUnderTest } from '@tests/helpers/e2e/harness';
import { searchAssets } from '@tests/helpers/e2e/search';
import { useHarness } from '@tests/helpers/e2e/use-harness';
import { seedWorkshopWorkbook } from '@tests/helpers/e2e/workbench-seed';

const { launch } = useHarness();

/** Resolves once the page has made no call for `quietMs`. */
async function settled(app: AppUnderTest, quietMs = 600): Promise<void> {
  for (let seen = -1; seen !== app.calls.length; ) {
    seen = app.calls.length;
    await app.page.waitForTimeout(quietMs);
  }
}

describe('refreshing after a write', () => {
  it('an owner set in the asset panel refetches that asset, the grid and the counts once each, and nothing else', async () => {
    const app = await launch();
    const seeded = seedWorkshopWorkbook(app.dir);
    app.dialogs.openPaths.push(seeded.path);
    const { page } = app;
    await page.getByRole('button', { name: 'Open workbook…' }).click();
    await page.getByRole('heading', { name: 'Contoso', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Inventory' }).click();
    // Open one asset's panel, then another's: the first one's detail stays cached, off screen.
    const grid = page.getByRole('grid', { name: 'Assets' });
    for (const name of ['vm-web-01', 'sqldb-orders']) {
      await searchAssets(page, name);
      await grid.locator('[role=row][data-loaded=true]', { hasText: name }).first().dblclick();
      await page.getByRole('complementary', { name: 'Asset details' }).getByRole('heading', { name }).waitFor();
    }
    await settled(app);
    const panel = page.getByRole('complementary', { name: 'Asset details' });
    const id = (app.calls.filter((c) => c.method === 'assets.get').at(-1)!.args as { id: number }).id;
    app.calls.length = 0;

    await panel.getByLabel('Owner').selectOption({ label: 'Carol Diaz' });
    await expect.poll(() => panel.getByLabel('Owner').inputValue()).toBe(String(seeded.partyIds['Carol Diaz']));
    await grid.getByText('Carol Diaz').first().waitFor();
    await settled(app);

    const methods = app.calls.map((c) => c.method);
    // The write, then each stale query on screen once (the saved sets beside the grid count their assets, which an owner filter's set moves with).
    expect(methods[0]).toBe('assets.update');
    expect([...methods.slice(1)].sort()).toEqual(
      ['assets.facets', 'assets.get', 'assets.list', 'changes.list', 'history.state', 'parties.list', 'picture.get', 'savedSets.list', 'signOffs.list', 'workbook.current'].sort()
    );
    // The panel's sign-offs of that asset: the owner is part of what a sign-off vouches for.
    expect(app.calls.find((c) => c.method === 'signOffs.list')!.args).toEqual({ assetId: id });
    expect(app.calls.find((c) => c.method === 'assets.get')!.args).toEqual({ id });
    expect(app.calls.find((c) => c.method === 'changes.list')!.args).toEqual({ assetId: id, newestFirst: true, limit: 50 });
    // The panel's stack of that asset is drawn again.
    expect(app.calls.find((c) => c.method === 'picture.get')!.args).toMatchObject({ assetId: id });

    // On the Responsibility screen (the models, their matrix and comparison on screen), undo the
    // owner change: the models did not change, only the counts of assets on each.
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Responsibility' }).click();
    await page.getByRole('table').first().waitFor();
    await settled(app);
    const shown = new Set(app.calls.map((c) => c.method));
    expect(shown).toContain('models.get');
    expect(shown).toContain('models.compare');
    app.calls.length = 0;
    await page.keyboard.press('Control+z');
    await settled(app);
    expect(app.calls.map((c) => c.method).sort()).toEqual(['history.state', 'history.undo', 'models.list', 'workbook.current']);
  });
});
