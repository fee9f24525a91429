/** A bad file or a cancel leaves the workbook byte-identical (hashed while the workbook is closed). */
import { describe, expect, it } from 'vitest';
import { generateAzResourceList } from '../../../bench/import-gen';
import type { ImportPreview } from '@shared/contract/import';
import type { ProgressEvent } from '@shared/contract';
import { sha256File } from '@tests/helpers/temp';
import { seedAssets } from '@tests/helpers/seed';
import { azJson, fixturePath, importRouter, tempFile } from '@tests/helpers/import-fixture';

const TRUNCATED_JSON = azJson([{ name: 'vm-a' }, { name: 'vm-b' }, { name: 'vm-c' }]).slice(0, 420);
const UNCLOSED_QUOTE = 'Name,Type,Resource Group\nweb01,Server,rg\n"web02,Server,rg\nweb03,Server,rg\n';
const MISSING_NAME = 'Name,Type,Resource Group\nweb01,Server,rg\n,Server,rg\nweb03,Server,rg\n';

/** A workbook with one earlier import, closed and hashed; returns a way to reopen it. */
async function workbookWithData(onProgress?: (event: ProgressEvent) => void) {
  const { router, session, path } = await importRouter(onProgress ? { onProgress } : {});
  const first = await router.handle('import.apply', { paths: [fixturePath('inventory/nsc-infra_az-resource-list-full_utf16le.json')] });
  expect(first.ok).toBe(true);
  seedAssets(session.require().db, [{ name: 'hand-made', source: 'az-json' }]);
  session.close();
  const hash = sha256File(path);
  const reopened = await router.handle('workbook.open', { path });
  expect(reopened.ok).toBe(true);
  return { router, session, path, hash };
}

describe('refused and cancelled imports', () => {
  it.each([
    ['truncated.json', TRUNCATED_JSON, null],
    ['unclosed.csv', UNCLOSED_QUOTE, 3],
    ['missing-name.csv', MISSING_NAME, 3]
  ])('%s: BAD_FILE naming the line, nothing written', async (name, content, line) => {
    const { router, session, path, hash } = await workbookWithData();
    const file = tempFile(name, content);
    const p = await router.handle('import.preview', { paths: [file] });
    expect(p.ok).toBe(true);
    const data = (p as { data: ImportPreview }).data;
    expect(data.canApply).toBe(false);
    expect(data.counts.errors).toBeGreaterThan(0);
    const error = data.files[0]!.errors[0]!;
    if (line !== null) expect(error.line).toBe(line);
    else expect(error.line).toBeGreaterThan(0);
    // A refused preview has no usable token; applying the paths is refused too.
    expect(await router.handle('import.apply', { token: data.token })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const applied = await router.handle('import.apply', { paths: [file] });
    expect(applied).toMatchObject({ ok: false, error: { code: 'BAD_FILE' } });
    if (!applied.ok) expect(applied.error.message).toContain(`${name}:${error.line}: ${error.field ?? 'record'}: `);
    session.close();
    expect(sha256File(path)).toBe(hash);
  });

  it('a cancel in the middle of the write rolls everything back', async () => {
    let cancel: (() => Promise<unknown>) | null = null;
    const phases: string[] = [];
    const { router, session, path, hash } = await workbookWithData((event) => {
      phases.push(`${event.phase}:${event.done}`);
      if (event.phase === 'writing' && event.done >= 4000 && cancel) {
        void cancel();
        cancel = null;
      }
    });
    const file = tempFile('big.json', generateAzResourceList(9000, 7));
    cancel = () => router.handle('import.cancel', {});
    const result = await router.handle('import.apply', { paths: [file] });
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(phases).toContain('writing:4000');
    expect(phases).not.toContain('writing:9000');
    expect((session.require().db.prepare('SELECT count(*) AS n FROM assets').get() as { n: number }).n).toBe(21);
    session.close();
    expect(sha256File(path)).toBe(hash);
  });

  it('a cancel while reading stops the preview', async () => {
    const { router, session } = await importRouter();
    const file = tempFile('big.json', generateAzResourceList(20000, 3));
    const running = router.handle('import.preview', { paths: [file] });
    await new Promise((resolve) => setImmediate(resolve));
    expect(await router.handle('import.cancel', {})).toEqual({ ok: true, data: { cancelled: true } });
    expect(await running).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    session.close();
  });
});
