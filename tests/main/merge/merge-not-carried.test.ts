/**
 * Records a merge does not carry yet (sign-offs, workshops): a copy holding new ones is refused,
 * naming what it holds, and the workbook stays byte for byte as it was.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256File } from '@tests/helpers/temp';
import { fileCopy, laptop, seededHq } from '@tests/helpers/merge-laptops';

describe('a copy with sign-offs or workshops made since parting', () => {
  it('is refused with what it holds, nothing written; the same copy without them merges', async () => {
    const { hq: seeded, dir, ids, people } = await seededHq();
    const signedPath = fileCopy(seeded.path, join(dir, 'signed.demarc'));
    const plainPath = fileCopy(seeded.path, join(dir, 'plain.demarc'));
    seeded.close();
    const signed = await laptop(signedPath, 'finance', '2026-12-02T09:00:00.000Z');
    await signed.call('signOffs.add', { scope: { kind: 'asset', assetId: ids['vm-1']! }, partyId: people.Alice!, statement: 'I confirm' });
    signed.close();
    const plain = await laptop(plainPath, 'finance', '2026-12-02T09:00:00.000Z');
    await plain.call('notes.set', { assetId: ids['vm-1']!, layerId: 'applications', note: 'Finance runs the app' });
    plain.close();

    const before = sha256File(seeded.path);
    const hq = await laptop(seeded.path, 'hq', '2026-12-03T09:00:00.000Z');
    await expect(hq.call('merge.preview', { path: signedPath })).rejects.toThrow(/signed\.demarc has 1 sign-off made since the copies parted \(first: entry #\d+, "Alice signed off vm-1/);
    await expect(hq.call('merge.apply', { path: signedPath, decisions: {} })).rejects.toThrow(/merging sign-offs and workshops is not supported yet, so nothing was merged/);
    hq.close();
    expect(sha256File(seeded.path)).toBe(before);

    const again = await laptop(seeded.path, 'hq', '2026-12-03T10:00:00.000Z');
    await again.call('merge.apply', { path: plainPath, decisions: {} });
    expect((await again.call('assets.get', { id: ids['vm-1']! })).layers.find((l) => l.layerId === 'applications')!.note).toMatchObject({ text: 'Finance runs the app' });
    again.close();
  });
});
