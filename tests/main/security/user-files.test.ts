/**
 * The file checks every user-named file goes through (issue 23 #6, #8): a FIFO or a device is
 * refused at once, never read; a file past its kind's limit is refused before it is read; a
 * missing folder or a too-long name is a clear error. Then the same through the router as the
 * app has it (only files the user chose) and through the CLI (every path typed is the user's).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FILE_SIZE_LIMITS, checkWritablePath, readUserFile, readUserFileSync } from '@main/security/user-files';
import { SessionGrants } from '@main/security/file-grants';
import type { Session } from '@main/session';
import { cli } from '@tests/helpers/run-cli';
import { tempDir } from '@tests/helpers/temp';
import { routerOverTempWorkbook } from '@tests/helpers/test-router';

function fifo(dir: string, name = 'pipe'): string {
  const path = join(dir, name);
  execFileSync('mkfifo', [path]);
  return path;
}

let session: Session | null = null;
afterEach(() => {
  session?.close();
  session = null;
});

describe('the file checks', () => {
  it('refuse a FIFO, a device, a folder and an oversized file without reading them', async () => {
    const dir = tempDir();
    const pipe = fifo(dir);
    await expect(readUserFile(pipe, 'inventory')).rejects.toMatchObject({ code: 'BAD_FILE', message: '"pipe": not a regular file (a pipe, a device or a socket cannot be read).' });
    expect(() => readUserFileSync(pipe, 'json')).toThrow(expect.objectContaining({ code: 'BAD_FILE' }));
    await expect(readUserFile('/dev/zero', 'inventory')).rejects.toMatchObject({ code: 'BAD_FILE', message: expect.stringContaining('not a regular file') });
    await expect(readUserFile(dir, 'inventory')).rejects.toMatchObject({ code: 'BAD_FILE', message: expect.stringContaining('is a folder') });
    const big = join(dir, 'big.json');
    writeFileSync(big, '');
    truncateSync(big, FILE_SIZE_LIMITS.json + 1);
    expect(() => readUserFileSync(big, 'json')).toThrow(expect.objectContaining({ code: 'BAD_FILE', message: '"big.json" is 16 MiB: larger than the 16 MiB Demarc reads for this kind of file.' }));
    await expect(readUserFile(join(dir, 'nope.csv'), 'inventory')).rejects.toMatchObject({ code: 'NOT_FOUND', message: '"nope.csv": no such file.' });
    await expect(readUserFile(join(dir, 'missing', 'x.csv'), 'inventory')).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('the folder') });
    writeFileSync(join(dir, 'ok.json'), '{"a":1}');
    expect((await readUserFile(join(dir, 'ok.json'), 'json')).toString()).toBe('{"a":1}');
  });

  it('refuse a path to write into a missing folder, with a too-long name, or onto a pipe', () => {
    const dir = tempDir();
    expect(() => checkWritablePath(join(dir, 'no-such-folder', 'x.xlsx'))).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => checkWritablePath(join(dir, `${'é'.repeat(130)}.xlsx`))).toThrow(expect.objectContaining({ code: 'INVALID_INPUT', message: expect.stringContaining('at most 255') }));
    expect(() => checkWritablePath(fifo(dir))).toThrow(expect.objectContaining({ code: 'BAD_FILE', message: expect.stringContaining('cannot be written') }));
    expect(() => checkWritablePath(join(dir, 'fine.xlsx'))).not.toThrow();
  });
});

describe('file access through the router, as the app has it', () => {
  it('refuses any path the user did not choose, whatever it points to', async () => {
    const opened = await routerOverTempWorkbook();
    session = opened.session;
    const { router, dir } = opened;
    const cases: [string, unknown][] = [
      ['import.preview', { paths: ['/etc/passwd'] }],
      ['import.apply', { paths: ['/etc/passwd'] }],
      ['roundtrip.detect', { path: '/etc/passwd' }],
      ['roundtrip.preview', { path: '/etc/passwd' }],
      ['models.import', { path: '/etc/passwd' }],
      ['frameworks.importMapping', { path: '/etc/passwd' }],
      ['workbook.open', { path: '/etc/passwd' }],
      ['workbook.create', { path: '../../escape.demarc' }],
      ['export.run', { format: 'csv', path: join(dir, '..', 'out.csv') }],
      ['picture.save', { format: 'svg', path: '/tmp/x.svg' }],
      ['workshops.saveMinutes', { id: 1, format: 'html', path: '/tmp/minutes.html' }],
      ['frameworks.saveMapping', { path: '/tmp/m.json' }],
      ['export.framework', { framework: 'ccm', path: join(dir, 'ccm.xlsx'), caiqPath: '/etc/hosts' }]
    ];
    for (const [method, args] of cases) {
      expect(await router.handle(method, args), method).toMatchObject({ ok: false, error: { code: 'NOT_GRANTED', message: expect.stringContaining('was not chosen') } });
    }
  });

  it('refuses a chosen FIFO, device or oversized file at once with a clear code, never INTERNAL', async () => {
    const opened = await routerOverTempWorkbook();
    session = opened.session;
    const { router, dir, files } = opened;
    const pipe = fifo(dir, 'inventory.json');
    for (const path of [pipe, '/dev/zero', '/dev/stdin']) {
      for (const purpose of ['read', 'workbook'] as const) files.grant(path, purpose);
    }
    const started = Date.now();
    for (const [method, args] of [
      ['import.preview', { paths: [pipe] }],
      ['import.preview', { paths: ['/dev/zero'] }],
      ['roundtrip.detect', { path: pipe }],
      ['roundtrip.preview', { path: pipe }],
      ['roundtrip.preview', { path: '/dev/zero' }],
      ['models.import', { path: pipe }],
      ['models.import', { path: '/dev/zero' }],
      ['frameworks.importMapping', { path: '/dev/zero' }],
      ['workbook.open', { path: pipe }],
      ['workbook.open', { path: '/dev/zero' }]
    ] as const) {
      const answer = await router.handle(method, args);
      expect(answer, `${method} ${JSON.stringify(args)}`).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(BAD_FILE|NOT_A_SQLITE_FILE)$/) } });
    }
    expect(Date.now() - started).toBeLessThan(20_000);
    const missing = join(dir, 'no-folder', 'w.demarc');
    const long = join(dir, `${'x'.repeat(300)}.demarc`);
    files.grant(missing, 'workbook');
    files.grant(long, 'workbook');
    expect(await router.handle('workbook.create', { path: missing })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringContaining('does not exist') } });
    expect(await router.handle('workbook.create', { path: long })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('too long') } });
    const exportTo = join(dir, 'no-folder', 'x.csv');
    files.grant(exportTo, 'write');
    expect(await router.handle('export.run', { format: 'csv', path: exportTo })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // The workbook is still the one open, and answers.
    expect(await router.handle('assets.list', {})).toMatchObject({ ok: true });
  });

  it('takes a file chosen in a dialog, dropped on the window, or named by the OS', () => {
    const grants = new SessionGrants((path, purpose) => purpose === 'workbook' && path === '/recent/w.demarc');
    grants.grant('/drops/servers.csv', 'read');
    expect(grants.require('/drops/servers.csv', 'read')).toBe('/drops/servers.csv');
    expect(grants.require('/drops/../drops/servers.csv', 'read')).toBe('/drops/../drops/servers.csv');
    expect(() => grants.require('/drops/servers.csv', 'write')).toThrow(expect.objectContaining({ code: 'NOT_GRANTED' }));
    expect(grants.require('/recent/w.demarc', 'workbook')).toBe('/recent/w.demarc');
    expect(() => grants.require('/recent/w.demarc', 'read')).toThrow(expect.objectContaining({ code: 'NOT_GRANTED' }));
  });
});

describe('file checks in the CLI', () => {
  it('demarc import of a FIFO or /dev/zero is refused at once, and the workbook is unchanged', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'w'));
    const wb = join(dir, 'w', 'wb.demarc');
    expect((await cli(['new', wb, '--org', 'Acme'], dir)).code).toBe(0);
    const before = readFileSync(wb);
    const pipe = fifo(dir, 'az.json');
    for (const source of [pipe, '/dev/zero']) {
      const run = await cli(['import', wb, source], dir);
      expect(run.code, run.stderr).not.toBe(0);
      expect(run.stderr).toContain('not a regular file');
    }
    expect(readFileSync(wb).equals(before)).toBe(true);
  });
});
