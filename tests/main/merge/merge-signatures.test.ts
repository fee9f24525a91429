/**
 * A signed sign-off made in another copy keeps its signature through a merge: carried byte for
 * byte, it still verifies here (signed over asset keys and names, which hold across copies; the
 * chain head it signed is that copy's, so it is marked as signed in a copy), and an edit of the
 * carried sign-off here fails like any other.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { KeyFile } from '@main/signing/key-store';
import { fingerprintOf } from '@main/signing/ed25519';
import { fileCopy, laptop, seededHq } from '@tests/helpers/merge-laptops';
import { tempDir } from '@tests/helpers/temp';

describe('a signed sign-off carried by a merge', () => {
  it('verifies in the merged workbook, as signed in a copy, and fails once edited here', async () => {
    const { hq, dir, ids, people } = await seededHq();
    const copyPath = fileCopy(hq.path, join(dir, 'finance.demarc'));
    const finance = await laptop(copyPath, 'finance', '2026-12-02T09:00:00.000Z');
    const key = new KeyFile(join(tempDir(), 'finance-key.pem'));
    finance.services.signingKey = key;
    // A party here that is not there, so ids differ between the copies.
    await hq.call('parties.add', { name: 'Erin', kind: 'person' });
    const mine = await finance.call('signOffs.add', { scope: { kind: 'asset', assetId: ids['vm-2']! }, partyId: people.Alice!, statement: 'Alice confirms vm-2', sign: true });
    const fingerprint = fingerprintOf(key.publicKey()!);
    expect(mine.signature).toMatchObject({ status: 'valid', fingerprint, inOtherCopy: false });
    finance.close();

    await hq.call('merge.apply', { path: copyPath, decisions: { rules: [{ side: 'ours' }] } });
    const [carried] = await hq.call('signOffs.list', {});
    expect(carried).toMatchObject({ statement: 'Alice confirms vm-2', changeId: null, signature: { status: 'valid', fingerprint, chainHead: mine.signature.status === 'valid' ? mine.signature.chainHead : '', inOtherCopy: true } });
    expect(carried!.signed).toEqual(mine.signed);
    expect(await hq.call('audit.verify', {})).toMatchObject({ ok: true, signOffs: [{ signature: { status: 'valid', inOtherCopy: true } }] });
    hq.close();

    const db = new Database(hq.path);
    db.prepare(`UPDATE sign_offs SET statement = 'Alice confirms nothing'`).run();
    db.close();
    const again = await laptop(hq.path, 'hq', '2026-12-03T09:00:00.000Z');
    expect(await again.call('audit.verify', {})).toMatchObject({ ok: false, signOffs: [{ signature: { status: 'invalid', fields: ['statement'] } }] });
    again.close();
  });
});
