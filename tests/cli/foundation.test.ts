import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256File, tempDir } from '@tests/helpers/temp';
import { LATEST_FORMAT_VERSION } from '@main/store/migrations';
import { cli } from '@tests/helpers/run-cli';

const BIN = join(process.cwd(), 'bin', 'demarc.js');

describe('demarc new / info', () => {
  it('creates a workbook and reports it as JSON', async () => {
    const dir = tempDir();
    const created = await cli(['new', 'acme.demarc', '--org', 'Acme'], dir);
    expect(created).toMatchObject({ code: 0, stderr: '' });
    expect(created.stdout).toContain(`Created ${join(dir, 'acme.demarc')}`);
    const info = await cli(['info', join(dir, 'acme.demarc'), '--json'], dir);
    expect(info.code).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({
      organisation: 'Acme',
      formatVersion: LATEST_FORMAT_VERSION,
      workbookId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      defaultModelId: 'microsoft-2026-01',
      counts: { assets: 0, parties: 1, changes: 1 },
      userName: 'cli-tester',
      appVersions: [{ version: __DEMARC_VERSION__, firstOpenedAt: expect.any(String), firstOpenedBy: 'cli-tester' }]
    });
    const text = await cli(['info', 'acme.demarc'], dir);
    expect(text.stdout).toMatch(/organisation: +Acme/);
    expect(text.stdout).toMatch(new RegExp(`opened by:\\s+Demarc ${__DEMARC_VERSION__.replace(/\./g, '\\.')} \\(first \\d{4}-\\d{2}-\\d{2} by cli-tester\\)`));
  });

  it('refuses to overwrite an existing file with exit 2', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'taken.demarc'), 'keep');
    const run = await cli(['new', 'taken.demarc'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^demarc new: .*taken\.demarc already exists/);
  });

  it('exits 2 with one clear line on a text file or a foreign SQLite file, leaving them unchanged', async () => {
    const dir = tempDir();
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'hello\n');
    const foreign = join(dir, 'foreign.db');
    const db = new Database(foreign);
    db.exec('CREATE TABLE t (x)');
    db.close();
    const before = [sha256File(text), sha256File(foreign)];
    const a = await cli(['info', text], dir);
    expect(a).toEqual({ code: 2, stdout: '', stderr: 'demarc info: notes.txt is not a Demarc workbook: it is not a SQLite database file. The file was not changed.\n' });
    const b = await cli(['info', foreign], dir);
    expect(b.code).toBe(2);
    expect(b.stderr).toBe('demarc info: foreign.db is a SQLite database but not a Demarc workbook. The file was not changed.\n');
    expect([sha256File(text), sha256File(foreign)]).toEqual(before);
    const missing = await cli(['info', 'nope.demarc'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file/);
  });

  it('has --help everywhere and exit 2 on usage errors', async () => {
    expect((await cli(['--help'])).stdout).toContain('Usage: demarc <command>');
    expect((await cli(['new', '--help'])).stdout).toContain('Usage: demarc new <file.demarc> [--org NAME] [--json]');
    expect((await cli(['info', '--help'])).code).toBe(0);
    expect(await cli([])).toMatchObject({ code: 2 });
    expect(await cli(['frobnicate'])).toMatchObject({ code: 2, stderr: 'demarc: unknown command "frobnicate". Run demarc --help for the list.\n' });
    expect(await cli(['info'])).toMatchObject({ code: 2, stderr: 'demarc info: expected exactly one workbook file\n' });
    const unknown = await cli(['info', 'x.demarc', '--colour']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^demarc info: Unknown option '--colour'/);
  });
});

describe('the demarc bin', () => {
  beforeAll(() => {
    // The bin runs the built CLI (npm ci builds it through `prepare`).
    if (!existsSync(join(process.cwd(), 'out', 'cli', 'demarc.cjs'))) {
      const built = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { encoding: 'utf8' });
      expect(built.status).toBe(0);
    }
  });

  it('runs as a separate process with the same exit codes', () => {
    const dir = tempDir();
    const path = join(dir, 'bin.demarc');
    const created = spawnSync(process.execPath, [BIN, 'new', path, '--org', 'Bin Org', '--json'], { encoding: 'utf8' });
    expect(created.status).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ organisation: 'Bin Org' });
    writeFileSync(join(dir, 'x.txt'), 'x');
    const refused = spawnSync(process.execPath, [BIN, 'info', join(dir, 'x.txt')], { encoding: 'utf8' });
    expect(refused.status).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('is refused while another Demarc process holds the workbook', async () => {
    const dir = tempDir();
    const path = join(dir, 'held.demarc');
    await cli(['new', path]);
    const { openWorkbookFile, closeWorkbookFile } = await import('@main/store/workbook-file');
    // Hash before opening: closing any descriptor of the file in this process would drop
    // SQLite's POSIX locks (a known fcntl pitfall), so nothing here reads the file while held.
    const before = sha256File(path);
    const held = openWorkbookFile(path);
    const refused = spawnSync(process.execPath, [BIN, 'info', path], { encoding: 'utf8' });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('held.demarc is already open in another Demarc window or process');
    closeWorkbookFile(held.db);
    expect(sha256File(path)).toBe(before);
  });
});
