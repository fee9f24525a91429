import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Types `text` into the inventory's search box and waits until the grid shows that search's
 * result (its data-query is the text and aria-busy is false), so a click, double-click or Enter
 * that follows acts on the search's rows, not on rows of the list before it that are about to be
 * replaced (under load the result can come well after the keystrokes).
 */
export async function searchAssets(page: Page, text: string): Promise<void> {
  await page.getByLabel('Search assets').fill(text);
  const grid = page.getByRole('grid', { name: 'Assets' });
  await expect.poll(() => grid.evaluate((element) => [element.getAttribute('data-query'), element.getAttribute('aria-busy')])).toEqual([text.trim(), 'false']);
}
