/**
 * The export prints what an auditor needs to check each signature without Demarc: the Sign-offs
 * sheet gives each sign-off's signature status, its key's fingerprint, the text signed and the
 * signature; the Cover gives each signer's public key (PEM) by fingerprint. Read back cell by
 * cell, and the printed signature checked with node:crypto against the printed key.
 */
import { createPublicKey, verify } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { exportWorkbook } from '@main/services/export-service';
import { addSignOff } from '@main/services/sign-offs';
import { closeWorkbook, openWorkbook } from '@main/services/workbook-service';
import { fingerprintOf } from '@main/signing/ed25519';
import { KeyFile } from '@main/signing/key-store';
import { readWorkbook, sheetRows } from '@tests/helpers/read-back';
import { seedAssets, seedParties } from '@tests/helpers/seed';
import { tempDir } from '@tests/helpers/temp';
import { createTestWorkbook, testServiceContext } from '@tests/helpers/workbook';

const HEADERS = ['Scope', 'Assets', 'Signed by', 'Signed on', 'Statement', 'Note', 'Recorded at', 'Recorded by', 'Status', 'Stale since', 'Changed by', 'Why', 'Signature', 'Signer key', 'Signed text', 'Signature (Ed25519, base64)'];

describe('signatures in the export', () => {
  it('prints each sign-off’s signature, its key’s fingerprint, the text signed and the signature, and each signer’s public key on the Cover', async () => {
    const key = new KeyFile(join(tempDir(), 'alice.pem'));
    const ctx = testServiceContext({ signingKey: key });
    const t = createTestWorkbook({ ctx });
    const [alice] = seedParties(t.wb.db, [{ name: 'Alice Martin', kind: 'person' }]) as [number];
    const [vm, web] = seedAssets(t.wb.db, [{ name: 'vm-01', serviceModel: 'iaas' }, { name: 'web-01', serviceModel: 'paas' }]) as [number, number];
    const one = addSignOff(t.wb, ctx, { scope: { kind: 'asset', assetId: vm }, partyId: alice, signedOn: '2026-11-30', statement: 'vm-01 is right' });
    const two = addSignOff(t.wb, ctx, { scope: { kind: 'asset', assetId: web }, partyId: alice, signedOn: '2026-11-30', statement: 'web-01 is right' });
    addSignOff(t.wb, ctx, { scope: { kind: 'workbook' }, partyId: alice, signedOn: '2026-11-30', statement: 'All of it', sign: false });
    t.close();
    // The second one's statement is edited with SQL on the closed file.
    const db = new Database(t.path);
    db.prepare(`UPDATE sign_offs SET statement = 'web-01 is wrong' WHERE id = ?`).run(two.id);
    db.close();
    const wb = openWorkbook(ctx, t.path);
    const out = join(tempDir(), 'audit.xlsx');
    await exportWorkbook(wb, ctx, { format: 'xlsx', path: out, exportedAt: 'last-change' });
    closeWorkbook(wb);

    const fingerprint = fingerprintOf(key.publicKey()!);
    const book = await readWorkbook(out);
    const rows = sheetRows(book.getWorksheet('Sign-offs')!, HEADERS.length);
    expect(rows[0]).toEqual(HEADERS);
    const byScope = new Map(rows.slice(1).map((r) => [r[0], r]));
    const signedRow = byScope.get('vm-01')!;
    expect(signedRow.slice(12, 14)).toEqual([`signed by key ${fingerprint} ✓`, fingerprint]);
    expect(signedRow[14]).toBe(one.signed!.text);
    expect(signedRow[15]).toBe(one.signed!.signature);
    const edited = byScope.get('web-01')!;
    expect(edited[4]).toBe('web-01 is wrong');
    expect(edited[12]).toBe(`signature does not match (key ${fingerprint}): The sign-off no longer says what was signed: its statement differs from the signed text.`);
    expect(edited[13]).toBe(fingerprint);
    expect(byScope.get('Whole workbook')!.slice(12)).toEqual(['not signed', null, null, null]);

    const cover = new Map(sheetRows(book.getWorksheet('Cover')!, 2).map((r) => [r[0], r[1]]));
    expect(cover.get('Sign-off signatures')).toBe(`2 of 3 sign-offs signed; 1 does not match: #${two.id} web-01`);
    const pem = String(cover.get(`Signer public key ${fingerprint}`));
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n[A-Za-z0-9+/=]{60}\n-----END PUBLIC KEY-----\nRecorded by: tester$/);
    // The auditor's check, from the export alone: the key printed on the Cover, the text and signature on the sheet.
    const printedKey = createPublicKey(pem.slice(0, pem.indexOf('Recorded by:')));
    expect(verify(null, Buffer.from(String(signedRow[14]), 'utf8'), printedKey, Buffer.from(String(signedRow[15]), 'base64'))).toBe(true);
    expect(verify(null, Buffer.from(String(edited[14]).replace('web-01 is right', 'web-01 is wrong'), 'utf8'), printedKey, Buffer.from(String(edited[15]), 'base64'))).toBe(false);
  });
});
