import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppUnderTest } from './harness';

const DOCS_SCREENSHOTS = join(__dirname, '..', '..', '..', 'docs', 'screenshots');

/** A screenshot for the test run, copied into docs/screenshots so the user guide stays current. */
export async function docScreenshot(app: AppUnderTest, name: string): Promise<void> {
  const path = await app.screenshot(name);
  mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
  copyFileSync(path, join(DOCS_SCREENSHOTS, `${name}.png`));
}
