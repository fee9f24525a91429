/**
 * A workbook whose rows name a party it does not hold and layers its model lacks (issue 23), in
 * the app: it opens; Findings shows PARTY_MISSING and LAYER_MISSING with the explicit repair of
 * each missing party and unknown layer; the asset panel offers the same for one asset; a repair is
 * previewed, then one edit that Undo takes back. The workbook is built from a real inventory by the
 * CLI and damaged with SQL (tests/helpers/reference-damage-workbook.ts).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanScreen } from '@tests/helpers/e2e/a11y';
import { docScreenshot } from '@tests/helpers/e2e/doc-screenshot';
import { searchAssets } from '@tests/helpers/e2e/search';
import { useHarness } from '@tests/helpers/e2e/use-harness';
import { DAMAGE, REMOVED_PARTY, buildReferenceDamageWorkbook } from '@tests/helpers/reference-damage-workbook';

const { launch } = useHarness();

describe('a workbook naming parties and layers it does not hold, in the app', () => {
  it('opens, names the damage, and repairs only when the user chooses (previewed, undoable)', async () => {
    const app = await launch();
    const path = join(app.dir, 'Contoso damaged references.demarc');
    await buildReferenceDamageWorkbook(path);
    app.dialogs.openPaths.push(path);
    const { page } = app;
    await page.getByRole('button', { name: 'Open workbook…' }).click();
    await page.getByRole('heading', { name: 'Contoso damaged references', level: 1 }).waitFor();
    const nav = (area: string) => page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: area }).click();

    await nav('Findings');
    const parties = page.locator('button.finding-group[data-code="PARTY_MISSING"]');
    await parties.waitFor();
    expect(await parties.textContent()).toContain('Role held by a party not in the workbook');
    await page.locator('button.finding-group[data-code="LAYER_MISSING"]').waitFor();
    const repair = page.getByRole('region', { name: 'Repair rows naming what the workbook does not hold' });
    const party = repair.getByTestId('damage-party');
    await party.waitFor();
    expect(await party.locator('p').textContent()).toBe(`Party #${REMOVED_PARTY.id} is not in the parties list: 2 RACI rows, owner of 1 asset.`);
    expect(await repair.getByTestId('damage-layer').count()).toBe(2);
    await docScreenshot(app, 'findings-damaged-references');
    expect(await scanScreen(page, 'findings-damaged-references')).toEqual([]);

    // Give the missing party's roles and asset to Platform Team: previewed, then one step.
    await party.getByLabel('Give them to').selectOption({ label: 'Platform Team' });
    await party.getByRole('button', { name: 'Preview…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Repair these rows?' });
    await dialog.waitFor();
    expect(await dialog.getByTestId('reference-repair-summary').textContent()).toContain(`naming party #${REMOVED_PARTY.id}, who is not in the parties list, to Platform Team`);
    expect(await scanScreen(page, 'reference-repair-dialog')).toEqual([]);
    await dialog.getByRole('button', { name: 'Repair' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => parties.count()).toBe(0);
    const undo = page.getByRole('button', { name: /^Undo: / });
    await expect.poll(() => undo.textContent()).toMatch(/Gave 2 RACI rows and the owner of 1 asset naming party #3/);
    // Undo puts the damaged rows back, as they were.
    await undo.click();
    await parties.waitFor();

    // The asset panel of the server holding a note and a role on an unknown layer: move them, one asset.
    await nav('Inventory');
    await searchAssets(page, DAMAGE.strayLayer.asset);
    const grid = page.getByRole('grid', { name: 'Assets' });
    await grid.getByRole('gridcell', { name: DAMAGE.strayLayer.asset, exact: true }).click();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('complementary', { name: 'Asset details' });
    const damaged = panel.getByRole('region', { name: 'Damaged rows' });
    const layer = damaged.getByTestId('damage-layer');
    await layer.waitFor();
    expect(await layer.locator('p').textContent()).toBe(`Layer “${DAMAGE.strayLayer.layerId}” is not in the model of 1 asset: 0 overrides, 1 note, 1 RACI row.`);
    expect(await scanScreen(page, 'asset-damaged-references')).toEqual([]);
    await layer.getByLabel('Move them to').selectOption({ label: 'Applications' });
    await layer.getByRole('button', { name: 'Preview…' }).click();
    await dialog.waitFor();
    expect(await dialog.locator('li').allTextContents()).toEqual([`${DAMAGE.strayLayer.asset}: a note and a RACI row (C) move from "${DAMAGE.strayLayer.layerId}" to "Applications"`]);
    await dialog.getByRole('button', { name: 'Repair' }).click();
    await dialog.waitFor({ state: 'detached' });
    await damaged.waitFor({ state: 'detached' });
    await expect.poll(() => undo.textContent()).toMatch(/Moved 2 rows from the layer "legacy-app-layer"/);
  });
});
