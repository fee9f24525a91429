import type { AppUnderTest } from './harness';

/** Opens `path` as a user does (Open workbook…, the path picked in the dialog) and waits for its title. */
export async function openWorkbook(app: AppUnderTest, path: string, title: string): Promise<void> {
  app.dialogs.openPaths.push(path);
  await app.page.getByRole('button', { name: 'Open workbook…' }).click();
  await app.page.getByRole('heading', { name: title, level: 1 }).waitFor();
}
