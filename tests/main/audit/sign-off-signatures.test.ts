/**
 * Signed sign-offs through the service and the store: a sign-off signed with the recorder's key
 * verifies; each stored field edited with SQL on the closed file fails naming that field; an
 * edited signature, signed text or key fails; a history rewritten (hashes recomputed) before the
 * signed head fails; a wrong key given to verify fails; an unsigned sign-off stays valid, also
 * one recorded before format 17 (the migration).
 */
import { chmodSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SIGNED_FORM, coveredLines, parseSignedText } from '@core/audit/sign-off-signature';
import { signOffCoverage } from '@main/store/repos/sign-offs';
import { verifyWorkbook } from '@main/services/audit-verify';
import type { ServiceContext } from '@main/services/context';
import { addSignOff, listSignOffs } from '@main/services/sign-offs';
import { closeWorkbook, openWorkbook } from '@main/services/workbook-service';
import { publicKeyPem } from '@core/audit/sign-off-signature';
import { fingerprintOf } from '@main/signing/ed25519';
import { KeyFile } from '@main/signing/key-store';
import { editEntry, rechain } from '@tests/helpers/change-log-tamper';
import { LATEST_FORMAT_VERSION } from '@main/store/migrations';
import { DemarcError } from '@shared/errors';
import { seedAssets, seedParties } from '@tests/helpers/seed';
import { tempDir } from '@tests/helpers/temp';
import { createTestWorkbook, testServiceContext } from '@tests/helpers/workbook';

const ROUND_1_WORKBOOK = join(__dirname, '../../fixtures/workbooks/round-1.demarc');

function signingContext(): ServiceContext {
  return testServiceContext({ signingKey: new KeyFile(join(tempDir(), 'keys', 'signing-key.pem')) });
}

/** A closed workbook holding one signed sign-off of vm-01 (#1) and one unsigned of the workbook (#2). */
function signedFile() {
  const ctx = signingContext();
  const t = createTestWorkbook({ ctx });
  const [alice] = seedParties(t.wb.db, [{ name: 'Alice Martin', kind: 'person' }]) as [number];
  const [vm] = seedAssets(t.wb.db, [{ name: 'vm-01', serviceModel: 'iaas', ownerPartyId: alice }, { name: 'web-01', serviceModel: 'paas' }]) as [number, number];
  const signed = addSignOff(t.wb, ctx, { scope: { kind: 'asset', assetId: vm }, partyId: alice, signedOn: '2026-11-30', statement: 'I confirm the RACI', note: 'after the workshop' });
  const unsigned = addSignOff(t.wb, ctx, { scope: { kind: 'workbook' }, partyId: alice, statement: 'All of it', sign: false });
  t.close();
  return { path: t.path, ctx, signed, unsigned, publicKey: ctx.signingKey!.publicKey()! };
}

function tamper(path: string, sql: string): void {
  const db = new Database(path);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

async function verifyFile(path: string, ctx: ServiceContext, signerKeys?: string[]) {
  const wb = openWorkbook(ctx, path);
  try {
    return await verifyWorkbook(wb, undefined, signerKeys);
  } finally {
    closeWorkbook(wb);
  }
}

describe('signed sign-offs', () => {
  it('signs with the recorder’s key over the canonical fields, bound to the chain head it follows, and verifies', async () => {
    const f = signedFile();
    expect(f.signed.signature).toEqual({ status: 'valid', fingerprint: fingerprintOf(f.publicKey), chainHead: expect.stringMatching(/^#\d+ sha256:[0-9a-f]{64}$/), inOtherCopy: false });
    expect(f.unsigned.signature).toEqual({ status: 'unsigned' });
    const text = parseSignedText(f.signed.signed!.text)!;
    expect(text).toMatchObject({ form: SIGNED_FORM, signer: 'Alice Martin', signedOn: '2026-11-30', statement: 'I confirm the RACI', note: 'after the workshop', scope: { kind: 'asset', label: 'vm-01' } });
    expect(text.covered).toMatchObject({ assets: 1, items: 1 });
    // The head is the entry before the sign-off's own, which names the key that signed.
    const db = new Database(f.path, { readonly: true });
    const entry = db.prepare('SELECT id, prev_hash, after_json FROM change_log WHERE id = ?').get(f.signed.changeId) as { id: number; prev_hash: string; after_json: string };
    db.close();
    expect(text.chainHead).toBe(`#${entry.id - 1} sha256:${entry.prev_hash}`);
    expect(JSON.parse(entry.after_json)).toMatchObject({ signedBy: fingerprintOf(f.publicKey) });
    const report = await verifyFile(f.path, f.ctx);
    expect(report.ok).toBe(true);
    expect(report.signOffs.map((s) => [s.id, s.signature.status])).toEqual([
      [f.signed.id, 'valid'],
      [f.unsigned.id, 'unsigned']
    ]);
  });

  const fields: { field: string; sql: (id: number) => string }[] = [
    { field: 'scope', sql: (id) => `UPDATE sign_offs SET scope_label = 'web-01' WHERE id = ${id}` },
    { field: 'scope', sql: (id) => `UPDATE sign_offs SET scope_json = '{"kind":"asset","assetId":2}' WHERE id = ${id}` },
    { field: 'covered', sql: (id) => `INSERT INTO sign_off_items (sign_off_id, asset_id, layer_id, state_json) SELECT ${id}, 2, '', state_json FROM sign_off_items WHERE sign_off_id = ${id}` },
    { field: 'signer', sql: (id) => `UPDATE sign_offs SET party_name = 'Bob Chen' WHERE id = ${id}` },
    { field: 'signedOn', sql: (id) => `UPDATE sign_offs SET signed_on = '2026-12-31' WHERE id = ${id}` },
    { field: 'statement', sql: (id) => `UPDATE sign_offs SET statement = 'I confirm nothing' WHERE id = ${id}` },
    { field: 'note', sql: (id) => `UPDATE sign_offs SET note = NULL WHERE id = ${id}` },
    { field: 'recordedAt', sql: (id) => `UPDATE sign_offs SET recorded_at = '2025-01-01T00:00:00.000Z' WHERE id = ${id}` },
    { field: 'recordedBy', sql: (id) => `UPDATE sign_offs SET recorded_by = 'mallory' WHERE id = ${id}` },
    { field: 'workbookId', sql: () => `UPDATE meta SET value = '00000000-0000-4000-8000-000000000000' WHERE key = 'workbook_id'` }
  ];
  for (const { field, sql } of fields) {
    it(`fails when the stored ${field} is edited, naming the sign-off and the field`, async () => {
      const f = signedFile();
      tamper(f.path, sql(f.signed.id));
      const report = await verifyFile(f.path, f.ctx);
      expect(report.ok).toBe(false);
      const check = report.signOffs.find((s) => s.id === f.signed.id)!;
      expect(check.signature).toMatchObject({ status: 'invalid', fields: [field], fingerprint: fingerprintOf(f.publicKey) });
      // The unsigned one is untouched by this and still "not signed".
      expect(report.signOffs.find((s) => s.id === f.unsigned.id)!.signature.status).toBe('unsigned');
    });
  }

  it('fails when the signature, the signed text or the key is edited', async () => {
    const cases = [
      `UPDATE sign_offs SET signature = substr(signature, 1, 10) || (CASE substr(signature, 11, 1) WHEN 'A' THEN 'B' ELSE 'A' END) || substr(signature, 12) WHERE signature IS NOT NULL`,
      `UPDATE sign_offs SET signature = signature || '!' WHERE signature IS NOT NULL`,
      `UPDATE sign_offs SET signed_text = replace(signed_text, 'I confirm the RACI', 'I confirm nothing') WHERE signature IS NOT NULL`,
      // A forger re-signs the edited text with their own key: the stored key then is theirs.
      'UPDATE sign_offs SET signer_key = NULL WHERE signature IS NOT NULL'
    ];
    for (const sql of cases) {
      const f = signedFile();
      tamper(f.path, sql);
      const report = await verifyFile(f.path, f.ctx);
      expect(report.ok, sql).toBe(false);
      expect(report.signOffs[0]!.signature.status, sql).toBe('invalid');
      expect(report.signOffs[0]!.signature, sql).toMatchObject({ fields: [], message: expect.stringContaining('The signature does not match the text signed') });
    }
  });

  it('fails when the history up to the signed head is rewritten, even with every hash recomputed', async () => {
    const f = signedFile();
    const db = new Database(f.path);
    // Edit the first entry and rebuild the whole chain and the recorded head: the chain alone then verifies.
    editEntry(db, 1, { summary: 'rewritten' });
    rechain(db);
    db.close();
    const report = await verifyFile(f.path, f.ctx);
    expect(report.firstBreak).toBeNull();
    expect(report.ok).toBe(false);
    expect(report.signOffs[0]!.signature).toMatchObject({ status: 'invalid', fields: ['chainHead'], message: expect.stringContaining('no longer has that hash') });
  });

  it('checks each signature against the keys given: its own passes, another key fails', async () => {
    const f = signedFile();
    const other = new KeyFile(join(tempDir(), 'other.pem'));
    const otherKey = other.create();
    expect((await verifyFile(f.path, f.ctx, [publicKeyPem(f.publicKey)])).ok).toBe(true);
    expect((await verifyFile(f.path, f.ctx, [fingerprintOf(f.publicKey)])).ok).toBe(true);
    const wrong = await verifyFile(f.path, f.ctx, [publicKeyPem(otherKey)]);
    expect(wrong.ok).toBe(false);
    expect(wrong.signerKeys).toEqual([fingerprintOf(otherKey)]);
    expect(wrong.signOffs[0]!.signature).toMatchObject({ status: 'invalid', message: expect.stringContaining(`Signed by key ${fingerprintOf(f.publicKey)}, which is not one of the keys given`) });
    await expect(verifyFile(f.path, f.ctx, ['not a key'])).rejects.toThrow(/signerKeys\[0\]: neither an Ed25519 public key/);
  });

  it('shows the signature with each sign-off in the list (the Sign-offs screen and asset panel read it)', () => {
    const f = signedFile();
    const wb = openWorkbook(f.ctx, f.path);
    const list = listSignOffs(wb, f.ctx, {});
    closeWorkbook(wb);
    expect(list.map((s) => s.signature.status)).toEqual(['unsigned', 'valid']);
  });

  it('refuses to sign when asked and no key can be kept, writing nothing; records unsigned without a store', () => {
    const unavailable = testServiceContext({
      signingKey: { where: 'nowhere', unavailable: () => 'no keyring', publicKey: () => null, create: () => { throw new Error('must not create'); }, privateKey: () => { throw new Error('must not read'); } }
    });
    const t = createTestWorkbook({ ctx: unavailable });
    const [alice] = seedParties(t.wb.db, [{ name: 'Alice', kind: 'person' }]) as [number];
    const [vm] = seedAssets(t.wb.db, [{ name: 'vm-01' }]) as [number];
    const before = (t.wb.db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
    expect(() => addSignOff(t.wb, unavailable, { scope: { kind: 'asset', assetId: vm }, partyId: alice, statement: 'ok', sign: true })).toThrow(DemarcError);
    expect(() => addSignOff(t.wb, unavailable, { scope: { kind: 'asset', assetId: vm }, partyId: alice, statement: 'ok', sign: true })).toThrow(/Cannot sign this sign-off: no keyring/);
    expect((t.wb.db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n).toBe(before);
    // Left to the default, it is recorded unsigned (the app's dialog says so beforehand).
    expect(addSignOff(t.wb, unavailable, { scope: { kind: 'asset', assetId: vm }, partyId: alice, statement: 'ok' }).signature).toEqual({ status: 'unsigned' });
    t.close();
  });
});

describe('the coverage digest spelt by SQLite', () => {
  it('equals core’s coveredLines, in code-point order; an item whose asset is gone has no line but counts', () => {
    const t = createTestWorkbook();
    const [alice] = seedParties(t.wb.db, [{ name: 'Alice', kind: 'person' }]) as [number];
    const ids = seedAssets(t.wb.db, [{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'd' }]);
    const keys = ['vm\u{1F600}', 'vm\uFF5E', 'vm', 'vm-2'];
    ids.forEach((id, i) => t.wb.db.prepare('UPDATE assets SET key = ? WHERE id = ?').run(keys[i], id));
    t.wb.engine.drop();
    const signOff = addSignOff(t.wb, t.ctx, { scope: { kind: 'workbook' }, partyId: alice, statement: 'ok' });
    t.wb.db.prepare(`INSERT INTO sign_off_items (sign_off_id, asset_id, layer_id, state_json) VALUES (?, 999, 'os', '{}')`).run(signOff.id);
    const items = keys.map((key) => ({ key, layerId: '' }));
    expect(signOffCoverage(t.wb.db, signOff.id)).toEqual({ lines: coveredLines(items), items: 5, assets: 5 });
    expect(coveredLines(items)).toBe('vm\t\nvm-2\t\nvm\uFF5E\t\nvm\u{1F600}\t\n');
    t.close();
  });
});

describe('migration 0017 (signatures)', () => {
  it('migrates a round-1 workbook: the columns exist, its format is the latest, and verify passes', async () => {
    const path = join(tempDir(), 'round-1.demarc');
    copyFileSync(ROUND_1_WORKBOOK, path);
    chmodSync(path, 0o644);
    const ctx = signingContext();
    const wb = openWorkbook(ctx, path);
    const columns = (wb.db.prepare('PRAGMA table_info(sign_offs)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(expect.arrayContaining(['signed_text', 'signature', 'signer_key']));
    expect(wb.db.pragma('user_version', { simple: true })).toBe(LATEST_FORMAT_VERSION);
    const report = await verifyWorkbook(wb);
    closeWorkbook(wb);
    expect(report).toMatchObject({ ok: true, signOffs: [] });
  });

  it('keeps a sign-off recorded before format 17 valid and "not signed"', async () => {
    const ctx = testServiceContext();
    const t = createTestWorkbook({ ctx });
    const [alice] = seedParties(t.wb.db, [{ name: 'Alice', kind: 'person' }]) as [number];
    const [vm] = seedAssets(t.wb.db, [{ name: 'vm-01' }]) as [number];
    addSignOff(t.wb, ctx, { scope: { kind: 'asset', assetId: vm }, partyId: alice, statement: 'ok' });
    t.close();
    // Back to format 16: the table as migration 0011 made it.
    tamper(t.path, 'ALTER TABLE sign_offs DROP COLUMN signed_text; ALTER TABLE sign_offs DROP COLUMN signature; ALTER TABLE sign_offs DROP COLUMN signer_key; PRAGMA user_version = 16;');
    const wb = openWorkbook(signingContext(), t.path);
    expect(wb.db.pragma('user_version', { simple: true })).toBe(LATEST_FORMAT_VERSION);
    const [status] = listSignOffs(wb, ctx, {});
    const report = await verifyWorkbook(wb);
    closeWorkbook(wb);
    expect(status).toMatchObject({ stale: null, signature: { status: 'unsigned' }, signed: null });
    expect(report.ok).toBe(true);
  });
});
