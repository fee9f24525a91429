/**
 * Format 4 (0004_model_defined_service_models): the assets table rebuilt without the fixed list of
 * service models, on the round-1 workbook (format 2, written by round-1 code): every asset, override
 * and assignment survives byte for byte, references hold, the report is the round-1 report apart
 * from the format version; and the runner refuses a migration that would leave a dangling reference.
 */
import Database from 'better-sqlite3';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_FORMAT_VERSION, MIGRATIONS } from '@main/store/migrations';
import { closeWorkbookFile, createWorkbookFile, openWorkbookFile } from '@main/store/workbook-file';
import { DemarcError } from '@shared/errors';
import type { Report } from '@shared/report';
import { cli } from '@tests/helpers/run-cli';
import { sha256File, tempDir } from '@tests/helpers/temp';
import { asRound1Report } from '@tests/helpers/round-1-report';

const ROUND_1 = join(__dirname, '../../fixtures/workbooks/round-1.demarc');
const ROUND_1_REPORT = join(__dirname, '../../fixtures/workbooks/round-1.report.json');

type Db = Database.Database;
const rows = (db: Db, sql: string) => db.prepare(sql).all();
const TABLES = {
  assets: 'SELECT * FROM assets ORDER BY id',
  layer_overrides: 'SELECT * FROM layer_overrides ORDER BY asset_id, layer_id',
  raci_assignments: 'SELECT * FROM raci_assignments ORDER BY asset_id, layer_id, role, party_id',
  parties: 'SELECT * FROM parties ORDER BY id',
  import_runs: 'SELECT * FROM import_runs ORDER BY id',
  change_log: 'SELECT * FROM change_log ORDER BY id',
  meta: 'SELECT * FROM meta ORDER BY key'
};

function contents(db: Db): Record<string, unknown[]> {
  return Object.fromEntries(Object.entries(TABLES).map(([table, sql]) => [table, rows(db, sql)]));
}

function round1Copy(): string {
  const path = join(tempDir(), 'round-1.demarc');
  copyFileSync(ROUND_1, path);
  return path;
}

describe('format 4: model-defined service models', () => {
  it('is format 4', () => {
    expect(MIGRATIONS[3]).toMatchObject({ version: 4, name: '0004_model_defined_service_models' });
    expect(LATEST_FORMAT_VERSION).toBeGreaterThanOrEqual(4);
  });

  it('migrates the round-1 workbook with every asset, override and assignment intact', () => {
    const old = new Database(ROUND_1, { readonly: true });
    const before = contents(old);
    const oldIndexes = rows(old, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'assets' ORDER BY name");
    const oldColumns = rows(old, 'PRAGMA table_info(assets)');
    old.close();
    expect(before.assets).toHaveLength(112);
    expect(before.layer_overrides).toHaveLength(1);
    expect(before.raci_assignments?.length).toBeGreaterThan(0);

    const path = round1Copy();
    // Up to this format (later formats add their own indexes).
    const opened = openWorkbookFile(path, { now: () => new Date('2026-12-07T12:00:00Z'), migrations: MIGRATIONS.slice(0, 4) });
    try {
      expect(opened.formatVersion).toBe(4);
      expect(readFileSync(opened.backupPath!).equals(readFileSync(ROUND_1))).toBe(true);
      const db = opened.db;
      expect(contents(db)).toEqual(before);
      expect(rows(db, 'PRAGMA table_info(assets)')).toEqual(oldColumns);
      expect(rows(db, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'assets' ORDER BY name")).toEqual(oldIndexes);
      expect(rows(db, 'PRAGMA foreign_key_check')).toEqual([]);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      // Overrides and assignments still point at their assets through the rebuilt table.
      expect(rows(db, 'SELECT count(*) AS n FROM raci_assignments r JOIN assets a ON a.id = r.asset_id')).toEqual([
        { n: before.raci_assignments?.length }
      ]);
      const schema = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'assets'").get() as { sql: string }).sql;
      expect(schema).not.toMatch(/'onprem', 'iaas'/);
      expect(schema).not.toMatch(/assets_format_4/);
    } finally {
      closeWorkbookFile(opened.db);
    }
  });

  it('stores any lower-case service-model id, refuses other shapes, and still enforces references', () => {
    const opened = createWorkbookFile(join(tempDir(), 'new.demarc'));
    const db = opened.db;
    try {
      const insert = db.prepare(
        "INSERT INTO assets (key, name, service_model, owner_party_id, created_at, updated_at) VALUES (@key, 'x', @sm, @owner, 't', 't')"
      );
      for (const sm of ['infrastructure', 'container', 'abstracted', 'iaas', 'my-tier-2', null]) insert.run({ key: `k-${String(sm)}`, sm, owner: null });
      for (const sm of ['IaaS', 'iaas ', '', '2nd', 'on_prem']) {
        expect(() => insert.run({ key: `bad-${sm}`, sm, owner: null }), sm).toThrow(/CHECK constraint failed/);
      }
      expect(() => insert.run({ key: 'orphan', sm: 'iaas', owner: 999 })).toThrow(/FOREIGN KEY constraint failed/);
    } finally {
      closeWorkbookFile(db);
    }
  });

  it('the report of the migrated round-1 workbook is the round-1 report, apart from the format version and the (empty) layer notes', async () => {
    const path = round1Copy();
    const run = await cli(['report', path, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const now = JSON.parse(run.stdout) as Report;
    const then = JSON.parse(readFileSync(ROUND_1_REPORT, 'utf8')) as Report;
    expect(now.workbook.formatVersion).toBe(LATEST_FORMAT_VERSION);
    // Additions since round 1: the report's models carry their columns' labels, each asset its other
    // columns and not-seen flag (asRound1Report), and each layer a note (a round-1 workbook has
    // none); the upgrade to the hash chain's format is itself a change-log entry, so the last change
    // moves to it. The rest is the round-1 report.
    const withNotes = { ...then, assets: then.assets.map((a) => ({ ...a, layers: a.layers.map((l) => ({ ...l, note: null })) })) };
    expect(now.workbook.lastChangeAt! > then.workbook.lastChangeAt!).toBe(true);
    expect(asRound1Report({ ...now, workbook: { ...now.workbook, formatVersion: then.workbook.formatVersion, lastChangeAt: then.workbook.lastChangeAt } })).toEqual(withNotes);
  });

  it('refuses a migration that would leave a reference to a missing row, leaving the file as it was', () => {
    const path = round1Copy();
    const hash = sha256File(path);
    const dangling = [...MIGRATIONS.slice(0, 3), { version: 4, name: '0004_drops_assets', sql: 'DELETE FROM assets WHERE id = 2;' }];
    let error: unknown = null;
    try {
      openWorkbookFile(path, { migrations: dangling });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DemarcError);
    expect((error as DemarcError).code).toBe('MIGRATION_FAILED');
    expect((error as DemarcError).message).toMatch(/0004_drops_assets would leave \d+ reference\(s\) to a missing row \(first: (layer_overrides|raci_assignments) row \d+ → assets \(asset_id \d+\)\)/);
    expect(sha256File(path)).toBe(hash);
  });
});
