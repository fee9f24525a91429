/**
 * The CLI's signing: demarc key show|create, demarc signoff signing by default once a key exists
 * (--sign creates one, --no-sign records unsigned, --key FILE), and demarc verify checking every
 * signature — a sign-off edited with SQL on the closed file fails naming it, exit 1 — and
 * --signer-key.
 */
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cli } from '@tests/helpers/run-cli';
import { seedAssets, seedParties } from '@tests/helpers/seed';
import { tempDir } from '@tests/helpers/temp';
import { createTestWorkbook } from '@tests/helpers/workbook';

function workbookFile(): string {
  const t = createTestWorkbook();
  seedParties(t.wb.db, [{ name: 'Alice Martin', kind: 'person' }]);
  seedAssets(t.wb.db, [{ name: 'vm-01', serviceModel: 'iaas' }, { name: 'web-01', serviceModel: 'paas' }]);
  t.close();
  return t.path;
}

describe('demarc key and signed sign-offs', () => {
  it('shows no key (exit 1), creates one with mode 0600, shows it, and never replaces it', async () => {
    const key = join(tempDir(), 'me', 'signing-key.pem');
    const env = { DEMARC_SIGNING_KEY: key };
    const none = await cli(['key', 'show'], undefined, env);
    expect(none).toMatchObject({ code: 1, stdout: `No signing key at ${key}. Create one with demarc key create.\n` });
    const created = await cli(['key', 'create', '--json'], undefined, env);
    expect(created.code).toBe(0);
    const info = JSON.parse(created.stdout) as { where: string; key: { fingerprint: string; pem: string } };
    expect(info.where).toBe(key);
    expect(info.key.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(statSync(key).mode & 0o777).toBe(0o600);
    const shown = await cli(['key', 'show'], undefined, env);
    expect(shown.stdout).toBe(`Signing key: ${key}\nFingerprint: ${info.key.fingerprint}\n${info.key.pem}`);
    const again = await cli(['key', 'create'], undefined, env);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('a signing key is already there');
    expect((await cli(['key', 'rotate'], undefined, env)).code).toBe(2);
  });

  it('signs by default once a key exists, --sign creates one, --no-sign does not; --list and verify show each', async () => {
    const path = workbookFile();
    const dir = tempDir();
    const key = join(dir, 'k.pem');
    const unsigned = await cli(['signoff', path, '--by', 'Alice Martin', '--asset', 'vm-01', '--key', key]);
    expect(unsigned.stdout).toContain('\n  not signed\n  valid');
    const signed = await cli(['signoff', path, '--by', 'Alice Martin', '--asset', 'vm-01', '--layer', 'operating-system', '--sign', '--key', 'k.pem'], dir);
    expect(signed.code).toBe(0);
    const fingerprint = JSON.parse((await cli(['key', 'show', '--json', '--key', key])).stdout).key.fingerprint as string;
    expect(signed.stdout).toContain(`signed by key ${fingerprint} ✓`);
    const byDefault = await cli(['signoff', path, '--by', 'Alice Martin', '--workbook', '--json'], undefined, { DEMARC_SIGNING_KEY: key });
    expect(JSON.parse(byDefault.stdout)).toMatchObject({ signature: { status: 'valid', fingerprint } });
    const refused = await cli(['signoff', path, '--by', 'Alice Martin', '--workbook', '--sign', '--no-sign']);
    expect(refused.code).toBe(2);
    const notAsked = await cli(['signoff', path, '--by', 'Alice Martin', '--workbook', '--no-sign', '--json'], undefined, { DEMARC_SIGNING_KEY: key });
    expect(JSON.parse(notAsked.stdout).signature).toEqual({ status: 'unsigned' });
    const verify = await cli(['verify', path]);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('Sign-offs: 4, 2 signed');
    expect(verify.stdout).toContain(`#2 vm-01 × Operating system — Alice Martin on `);
    expect(verify.stdout).toMatch(/#1 vm-01 — Alice Martin on \d{4}-\d\d-\d\d: not signed/);
  });

  it('fails verify, exit 1, naming the sign-off and the field edited with SQL; --signer-key checks who signed', async () => {
    const path = workbookFile();
    const key = join(tempDir(), 'k.pem');
    await cli(['signoff', path, '--by', 'Alice Martin', '--asset', 'web-01', '--sign', '--statement', 'Checked in the workshop'], undefined, { DEMARC_SIGNING_KEY: key });
    const pub = join(tempDir(), 'alice.pub');
    writeFileSync(pub, JSON.parse((await cli(['key', 'show', '--json'], undefined, { DEMARC_SIGNING_KEY: key })).stdout).key.pem as string);
    expect((await cli(['verify', path, '--signer-key', pub])).code).toBe(0);
    const other = join(tempDir(), 'other.pem');
    const otherFingerprint = JSON.parse((await cli(['key', 'create', '--json', '--key', other])).stdout).key.fingerprint as string;
    const wrongKey = await cli(['verify', path, '--signer-key', otherFingerprint, '--json']);
    expect(wrongKey.code).toBe(1);
    expect(JSON.parse(wrongKey.stdout)).toMatchObject({ ok: false, signerKeys: [otherFingerprint], signOffs: [{ id: 1, signature: { status: 'invalid' } }] });
    expect((await cli(['verify', path, '--signer-key', join(tempDir(), 'missing.pub')])).code).toBe(2);

    const db = new Database(path);
    db.prepare(`UPDATE sign_offs SET statement = 'Checked nothing' WHERE id = 1`).run();
    db.close();
    const run = await cli(['verify', path]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Chain: whole');
    expect(run.stdout).toContain('#1 web-01 — Alice Martin on');
    expect(run.stdout).toContain('signature does not match');
    expect(run.stdout).toContain('its statement differs from the signed text');
    expect(run.stdout).toContain('Verification failed.');
    const json = JSON.parse((await cli(['verify', path, '--json'])).stdout) as { signOffs: { signature: { fields: string[] } }[] };
    expect(json.signOffs[0]!.signature.fields).toEqual(['statement']);
  });
});
