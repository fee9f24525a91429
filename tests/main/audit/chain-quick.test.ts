/**
 * The change log as stored since format 18 and its quick walk: each entry is kept as the canonical
 * JSON core/audit/chain.ts hashes and its columns show the fields as written, for every character
 * JSON escapes or might, for merged entries and plain ones; the quick walk vouches for a whole
 * chain and gives up on any row that breaks it, or on a rewritten table definition (walkChain then
 * names the break the long way, chain.test.ts).
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { canonicalEntry, type ChainedEntry } from '@core/audit/chain';
import { CHAIN_INPUT_SQL, quickWalk } from '@main/store/repos/change-log-chain-sql';
import { appendChange } from '@main/store/repos/change-log';
import { walkChain } from '@main/store/repos/change-log-chain';
import { createTestWorkbook } from '@tests/helpers/workbook';

const CONTROL = Array.from({ length: 32 }, (_, c) => String.fromCharCode(c)).join('');
const AWKWARD = [
  'plain',
  `quote " backslash \\ slash / ${CONTROL}`,
  'DEL \u007f, line separators \u2028 \u2029, BOM \ufeff',
  'accents é ü ß, CJK 漢字, emoji 🧾👩🏽‍💻, astral 𝔘',
  '{"json":"text","n":[1,2.5,-3e10],"nested":{"q":"\\"x\\""}}',
  ''
];

/** The i-th awkward entry's fields as written: every other one as a merge brings it in (origin and touches are hashed too). */
function awkwardFields(i: number, text: string) {
  const merged = i % 2 === 1;
  return {
    at: `2026-12-0${i + 1}T10:00:00.000Z`,
    actor: `actor ${text}`,
    action: 'raci.set',
    entity: 'asset',
    entityId: i % 2 === 0 ? String(i) : null,
    summary: text,
    before: i % 3 === 0 ? null : text,
    after: JSON.stringify({ text }),
    origin: merged ? 'f'.repeat(64) : null,
    touches: merged ? [`party|${text}`] : null
  };
}

function awkwardWorkbook() {
  const t = createTestWorkbook();
  for (const [i, text] of AWKWARD.entries()) {
    const { before, after, origin, touches, ...own } = awkwardFields(i, text);
    appendChange(t.wb.db, { ...own, storedText: { before, after }, ...(origin !== null && touches !== null ? { origin: { identity: origin, touches } } : {}) });
  }
  return t;
}

/** The fields SQLite shows as columns, read back from the stored entries (the generated columns). */
const shown = (t: ReturnType<typeof createTestWorkbook>) =>
  t.wb.db
    .prepare('SELECT id, at, actor, action, entity, entity_id AS entityId, summary, before_json AS before, after_json AS after, origin, origin_touches AS originTouches, entry FROM change_log ORDER BY id')
    .all() as (ChainedEntry & { entry: string; origin: string | null; originTouches: string | null })[];

describe('the quick walk of the change log', () => {
  it('stores each entry as the canonical JSON core/audit/chain.ts hashes, and shows its fields as they were written', () => {
    const t = awkwardWorkbook();
    const rows = shown(t);
    expect(rows).toHaveLength(AWKWARD.length + 1);
    for (const [i, text] of AWKWARD.entries()) {
      const { entry, ...fields } = rows[i + 1]!;
      const { touches, ...written } = awkwardFields(i, text);
      expect(fields).toEqual({ id: i + 2, ...written, originTouches: touches === null ? null : JSON.stringify(touches) });
      expect(entry).toBe(canonicalEntry(fields));
    }
    const spelt = t.wb.db.prepare(CHAIN_INPUT_SQL).pluck().all({ from: Number.MIN_SAFE_INTEGER, to: Number.MAX_SAFE_INTEGER }) as string[];
    const links = t.wb.db.prepare('SELECT hash, prev_hash FROM change_log ORDER BY id').all() as { hash: string; prev_hash: string }[];
    expect(links.every((l) => /^[0-9a-f]{64}$/.test(l.hash) && /^[0-9a-f]{64}$/.test(l.prev_hash))).toBe(true);
    for (const [i, row] of rows.entries()) expect(spelt[i]).toBe(`${links[i]!.hash}${links[i]!.prev_hash}${row.entry}`);
    t.close();
  });

  it('gives up on entries edited with bytes no JavaScript string writes (invalid UTF-8, NUL, surrogates); the long walk names the first', () => {
    const t = awkwardWorkbook();
    // SQLite keeps such bytes, better-sqlite3 reads them with U+FFFD in both walks.
    const bytes = ["x'ff'", "x'41ff42'", "x'e282'", "x'eda080'", "x'f0908d'", "x'c0af'", "x'00'", "x'610062'", "x'edbfbf22'", "x'5c'", "x'c3'"];
    const edited = bytes.map((hex, i) => {
      const id = 2 + (i % AWKWARD.length);
      // SQLite will not store malformed JSON (the indexed columns read it): the bytes go inside a value.
      const key = ['summary', 'actor', 'after'][i % 3]!;
      t.wb.db.exec(`UPDATE change_log SET chained = substr(chained, 1, 128) || json_set(entry, '$.${key}', CAST(${hex} AS TEXT) || json_extract(entry, '$.${key}')) WHERE id = ${id}`);
      return id;
    });
    expect(quickWalk(t.wb.db, '0'.repeat(64))).toBeNull();
    expect(walkChain(t.wb.db).firstBreak).toMatchObject({ entryId: Math.min(...edited), kind: 'edited' });
    t.close();
  });

  it('vouches for a whole chain with the same entries and head as the long walk', () => {
    const t = awkwardWorkbook();
    const quick = quickWalk(t.wb.db, '0'.repeat(64));
    const last = t.wb.db.prepare('SELECT id, hash FROM change_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string };
    expect(quick).toEqual({ entries: AWKWARD.length + 1, last });
    expect(walkChain(t.wb.db)).toEqual({ entries: AWKWARD.length + 1, head: last, firstBreak: null });
    t.close();
  });

  const tamperings: [string, string][] = [
    ['an edited summary', `UPDATE change_log SET chained = substr(chained, 1, 128) || json_set(entry, '$.summary', summary || '.') WHERE id = 3`],
    ['an edited payload', `UPDATE change_log SET chained = substr(chained, 1, 128) || json_set(entry, '$.after', '{}') WHERE id = 4`],
    ['an edited origin', `UPDATE change_log SET chained = substr(chained, 1, 128) || json_set(entry, '$.origin', 'e' || substr(origin, 2)) WHERE origin IS NOT NULL`],
    ['an entry respelt with its fields unchanged', `UPDATE change_log SET chained = chained || ' ' WHERE id = 3`],
    ['a deleted entry', 'DELETE FROM change_log WHERE id = 2'],
    ['a hash removed', `UPDATE change_log SET chained = '${'-'.repeat(64)}' || substr(chained, 65) WHERE id = 5`],
    ['a hash with a line break', `UPDATE change_log SET chained = substr(chained, 1, 63) || char(10) || substr(chained, 65) WHERE id = 5`]
  ];
  it('cannot store a text whose parts do not line up: SQLite refuses it, its indexed columns would not parse', () => {
    const t = awkwardWorkbook();
    expect(() => t.wb.db.exec('UPDATE change_log SET chained = substr(chained, 1, 127) || substr(chained, 129) WHERE id = 5')).toThrow(/malformed JSON/);
    expect(walkChain(t.wb.db).firstBreak).toBeNull();
    t.close();
  });

  it('reports a table whose definition was rewritten so that a column shows something other than the entry', () => {
    const t = awkwardWorkbook();
    const sql = t.wb.db.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'change_log'`).pluck().get() as string;
    t.wb.db.unsafeMode(true);
    t.wb.db.pragma('writable_schema = ON');
    t.wb.db.prepare(`UPDATE sqlite_schema SET sql = @sql WHERE name = 'change_log'`).run({ sql: sql.replace(`json_extract(entry, '$.summary')`, `'Nothing happened'`) });
    t.close();
    const db = new Database(t.path);
    expect(db.prepare('SELECT DISTINCT summary FROM change_log').pluck().all()).toEqual(['Nothing happened']);
    expect(quickWalk(db, '0'.repeat(64))).toBeNull();
    expect(walkChain(db).firstBreak).toMatchObject({ entryId: 1, kind: 'edited', message: expect.stringMatching(/table definition was rewritten/) });
    db.close();
  });

  it('reports a log rebuilt as a plain table outside Demarc, which no longer derives its columns from the entries', () => {
    const t = awkwardWorkbook();
    t.wb.db.exec('CREATE TABLE loose AS SELECT * FROM change_log; DROP TABLE change_log; ALTER TABLE loose RENAME TO change_log');
    expect(quickWalk(t.wb.db, '0'.repeat(64))).toBeNull();
    expect(walkChain(t.wb.db)).toMatchObject({ entries: AWKWARD.length + 1, firstBreak: { kind: 'edited' } });
    t.close();
  });

  it('reads a log longer than one page of ids, every entry once, and gives up on an edit in a later page', () => {
    const t = createTestWorkbook();
    const count = 10_050;
    t.wb.db.transaction(() => {
      for (let i = 0; i < count; i++) {
        appendChange(t.wb.db, { at: '2026-12-07T10:00:00.000Z', actor: 'bench', action: 'raci.set', entity: 'asset', entityId: String(i), summary: `entry ${i}`, after: { i } });
      }
    })();
    const last = t.wb.db.prepare('SELECT id, hash FROM change_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string };
    expect(quickWalk(t.wb.db, '0'.repeat(64))).toEqual({ entries: count + 1, last });
    t.wb.db.exec('DROP INDEX IF EXISTS change_log_hash');
    t.wb.db.exec(`UPDATE change_log SET chained = substr(chained, 1, 128) || json_set(entry, '$.summary', 'edited') WHERE id = ${count}`);
    expect(quickWalk(t.wb.db, '0'.repeat(64))).toBeNull();
    expect(walkChain(t.wb.db).firstBreak).toMatchObject({ entryId: count, kind: 'edited' });
    t.close();
  });

  for (const [name, sql] of tamperings) {
    it(`gives up on ${name}, and the long walk names it`, () => {
      const t = awkwardWorkbook();
      t.wb.db.exec('DROP INDEX IF EXISTS change_log_hash');
      t.wb.db.exec(sql);
      expect(quickWalk(t.wb.db, '0'.repeat(64))).toBeNull();
      expect(walkChain(t.wb.db).firstBreak).not.toBeNull();
      t.close();
    });
  }
});
