import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { scanScreen } from './a11y';
import { Harness, type AppUnderTest } from './harness';
import { fixturesAvailable, seedFromFixtures } from './workshop-fixture';

const DOCS_SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');
const harness = new Harness();
let app: AppUnderTest | null = null;

beforeAll(() => harness.start());
afterAll(() => harness.stop());
afterEach(async () => {
  const errors = app?.errors ?? [];
  await app?.close();
  app = null;
  expect(errors).toEqual([]);
});

async function shot(target: AppUnderTest, name: string): Promise<void> {
  const path = await target.screenshot(name);
  mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
  copyFileSync(path, join(DOCS_SCREENSHOTS, `${name}.png`));
  expect(await scanScreen(target.page, name)).toEqual([]);
}

describe('the workshop on a real inventory export', () => {
  it.skipIf(!fixturesAvailable())('reviews classifications, names owners in bulk, fixes the findings', async () => {
    app = await harness.launch();
    const { page } = app;
    await page.getByRole('heading', { name: 'Demarc', level: 1 }).waitFor();
    await shot(app, 'workshop-start');
    const { path, count } = seedFromFixtures(app.dir);
    app.dialogs.openPaths.push(path);
    await page.getByRole('button', { name: 'Open workbook…' }).click();
    await page.getByRole('heading', { name: 'Workshop', level: 1 }).waitFor();
    const grid = page.getByRole('grid', { name: 'Assets' });
    await expect.poll(() => grid.getAttribute('aria-rowcount')).toBe(String(count + 1));

    // Review: the classifier's flagged types first.
    const filters = page.getByRole('search', { name: 'Filter assets' });
    await filters.getByLabel('Finding').selectOption('CLASSIFICATION_NEEDS_REVIEW');
    await grid.locator('[role=row][data-loaded=true]').first().waitFor();
    await shot(app, 'workshop-review');
    await filters.getByLabel('Finding').selectOption('');

    // Owners in bulk: every asset without an owner → the platform team.
    await filters.getByLabel('Owner', { exact: true }).selectOption('none');
    const unowned = Number(await grid.getAttribute('aria-rowcount')) - 1;
    expect(unowned).toBe(count);
    await grid.getByRole('checkbox', { name: /Select all/ }).click();
    await page.getByText(`${count} selected (all matching)`).waitFor();
    await page.getByRole('button', { name: 'Set owner…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Set owner' });
    await dialog.getByLabel('Owner').selectOption({ label: 'Cloud Platform Team' });
    await shot(app, 'workshop-bulk-owner');
    await dialog.getByRole('button', { name: `Set owner on ${count} assets` }).click();
    await expect.poll(() => grid.getAttribute('aria-rowcount')).toBe('1');

    // Findings: NO_OWNER is gone.
    await page.getByRole('navigation', { name: 'Areas' }).getByRole('button', { name: 'Findings' }).click();
    await page.locator('button.finding-group').first().waitFor();
    expect(await page.locator('button.finding-group[data-code="NO_OWNER"]').count()).toBe(0);
    await shot(app, 'workshop-findings');
  });
});
