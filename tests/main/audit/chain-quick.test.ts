/**
 * The quick walk of a whole chain (SQLite spells the chain input, node:crypto's one-shot hash):
 * its text is byte for byte the canonical JSON core/audit/chain.ts hashes, for every character
 * JSON escapes or might, for merged entries and plain ones; it vouches for a whole chain and gives
 * up on any row that breaks it (walkChain then names the break the long way, chain.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { chainInput } from '@core/audit/chain';
import { CHAIN_INPUT_SQL, quickWalk } from '@main/store/repos/change-log-chain-sql';
import { appendChange, type ChangeRow } from '@main/store/repos/change-log';
import { toChained, walkChain } from '@main/store/repos/change-log-chain';
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

function awkwardWorkbook() {
  const t = createTestWorkbook();
  for (const [i, text] of AWKWARD.entries()) {
    appendChange(t.wb.db, {
      at: `2026-12-0${i + 1}T10:00:00.000Z`,
      actor: `actor ${text}`,
      action: 'raci.set',
      entity: 'asset',
      entityId: i % 2 === 0 ? String(i) : null,
      summary: text,
      storedText: { before: i % 3 === 0 ? null : text, after: JSON.stringify({ text }) },
      // Every other entry as a merge brings it in: origin and touches are hashed too.
      ...(i % 2 === 1 ? { origin: { identity: 'f'.repeat(64), touches: [`party|${text}`] } } : {})
    });
  }
  return t;
}

describe('the quick walk of the change log', () => {
  it('spells each entry’s chain input exactly as core/audit/chain.ts does', () => {
    const t = awkwardWorkbook();
    const rows = t.wb.db.prepare('SELECT * FROM change_log ORDER BY id').all() as ChangeRow[];
    const spelt = t.wb.db.prepare(CHAIN_INPUT_SQL).pluck().all({ from: Number.MIN_SAFE_INTEGER, to: Number.MAX_SAFE_INTEGER }) as string[];
    expect(spelt).toHaveLength(rows.length);
    expect(rows.some((r) => r.origin !== null)).toBe(true);
    for (const [i, row] of rows.entries()) expect(spelt[i]).toBe(`${row.hash}${chainInput(row.prev_hash!, toChained(row))}`);
    t.close();
  });

  it('spells rows written with SQL outside Demarc (invalid UTF-8, NUL, surrogate bytes) as the long walk reads them', () => {
    const t = awkwardWorkbook();
    // Bytes no JavaScript string writes: SQLite keeps them, better-sqlite3 reads them with U+FFFD.
    const bytes = ["x'ff'", "x'41ff42'", "x'e282'", "x'eda080'", "x'f0908d'", "x'c0af'", "x'00'", "x'610062'", "x'edbfbf22'", "x'5c'", "x'c3'"];
    const columns = ['summary', 'actor', 'before_json', 'after_json', 'entity_id', 'origin_touches'];
    const edited = bytes.map((hex, i) => {
      const column = columns[i % columns.length]!;
      const row = `SELECT id FROM change_log WHERE ${column} IS NOT NULL ORDER BY id LIMIT 1 OFFSET ${i % 3}`;
      return t.wb.db.prepare(`UPDATE change_log SET ${column} = CAST(${hex} AS TEXT) || ${column} || CAST(${hex} AS TEXT) WHERE id = (${row}) RETURNING id`).pluck().get() as number;
    });
    const rows = t.wb.db.prepare('SELECT * FROM change_log ORDER BY id').all() as ChangeRow[];
    const spelt = t.wb.db.prepare(CHAIN_INPUT_SQL).pluck().all({ from: Number.MIN_SAFE_INTEGER, to: Number.MAX_SAFE_INTEGER }) as string[];
    const crafted = (r: ChangeRow) => [r.summary, r.actor, r.before_json, r.after_json, r.entity_id, r.origin_touches].some((v) => v?.includes('\ufffd') || v?.includes('\u0000'));
    expect(rows.filter(crafted).length).toBeGreaterThanOrEqual(5);
    expect(edited.every((id) => typeof id === 'number')).toBe(true);
    for (const [i, row] of rows.entries()) expect(spelt[i]).toBe(`${row.hash}${chainInput(row.prev_hash!, toChained(row))}`);
    // They no longer match their hashes: the quick walk gives up, the long walk names the first.
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
    ['an edited summary', `UPDATE change_log SET summary = summary || '.' WHERE id = 3`],
    ['an edited payload', `UPDATE change_log SET after_json = '{}' WHERE id = 4`],
    ['an edited origin', `UPDATE change_log SET origin = 'e' || substr(origin, 2) WHERE origin IS NOT NULL`],
    ['a deleted entry', 'DELETE FROM change_log WHERE id = 2'],
    ['a hash removed', 'UPDATE change_log SET hash = NULL WHERE id = 5'],
    ['a hash with a line break', `UPDATE change_log SET hash = substr(hash, 1, 63) || char(10) WHERE id = 5`]
  ];
  it('gives up on a hash stored partly in prev_hash (the same text once joined), and the long walk names the entry', () => {
    const t = awkwardWorkbook();
    t.wb.db.exec('DROP INDEX IF EXISTS change_log_hash');
    const [before, own] = t.wb.db.prepare('SELECT hash FROM change_log WHERE id IN (2, 3) ORDER BY id').pluck().all() as string[];
    t.wb.db.prepare('UPDATE change_log SET hash = @hash, prev_hash = @prev WHERE id = 3').run({ hash: own!.slice(0, 63), prev: own!.slice(63) + before! });
    expect(quickWalk(t.wb.db, '0'.repeat(64))).toBeNull();
    expect(walkChain(t.wb.db).firstBreak).toMatchObject({ entryId: 3, kind: 'edited' });
    t.close();
  });

  it('leaves a log that is no longer a STRICT table to the long walk, which still vouches for it', () => {
    const t = awkwardWorkbook();
    t.wb.db.exec('CREATE TABLE loose AS SELECT * FROM change_log; DROP TABLE change_log; ALTER TABLE loose RENAME TO change_log');
    expect(quickWalk(t.wb.db, '0'.repeat(64))).toBeNull();
    expect(walkChain(t.wb.db)).toMatchObject({ entries: AWKWARD.length + 1, firstBreak: null });
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
    t.wb.db.exec(`UPDATE change_log SET summary = 'edited' WHERE id = ${count}`);
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
