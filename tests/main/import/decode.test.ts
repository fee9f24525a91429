import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { chooseEncoding, decodeBytes, sniffUtf16, transcodeToUtf8 } from '@main/import/decode';
import { readInventory } from '@main/import/read-inventory';
import { fixture } from '@tests/helpers/fixture-paths';

describe('decodeBytes', () => {
  it('reads cp1252 smart quotes and dashes (0x93 0x94 0x96 0x97) as windows-1252', () => {
    const d = decodeBytes(fixture('messy-csv', 'chardet_windows-1252_github_bug_9.txt'));
    expect(d.encoding).toBe('windows-1252');
    expect(d.text.split('\n')).toEqual([
      'Then he said, \u201cThe names Bod, James Bond.\u201d',
      'to be \u201cme\u201d',
      'Spam, beans, spam \u2013 served every day',
      'beans, spam, beans, \u2014 served every other day',
      ''
    ]);
    expect(d.warning).toMatch(/not valid UTF-8; read it as windows-1252/);
  });

  it('reads the Latin-1 sample (0xA9) as ©, and an ISO-8859-1 override as windows-1252', () => {
    const bytes = fixture('messy-csv', 'frictionless_latin1_tiny.csv');
    expect(decodeBytes(bytes).text).toBe('id,name\n1,english\n2,\u00a9\n');
    const forced = decodeBytes(bytes, 'ISO-8859-1');
    expect([forced.encoding, forced.text.endsWith('2,\u00a9\n'), forced.warning]).toEqual([
      'windows-1252',
      true,
      null
    ]);
  });

  it('reads accented Western text exported as cp1252 (é, ü, ß, –, €)', () => {
    const bytes = iconv.encode('Résumé;Müller;Straße;Zürich – 12 €\r\n', 'windows-1252');
    expect(bytes.includes(0xe9) && bytes.includes(0xfc) && bytes.includes(0xdf) && bytes.includes(0x80)).toBe(
      true
    );
    const d = decodeBytes(bytes);
    expect([d.encoding, d.text]).toEqual(['windows-1252', 'Résumé;Müller;Straße;Zürich – 12 €\r\n']);
  });

  it('reads 0x80 as € (a cp1252-only code point, absent from ISO-8859-1)', () => {
    expect(decodeBytes(Buffer.from([0x50, 0x72, 0x69, 0x63, 0x65, 0x3a, 0x20, 0x80, 0x35])).text).toBe(
      'Price: \u20ac5'
    );
  });

  it('recognises BOMs and strips them', () => {
    const text = 'Name,Type\nvm-01,Microsoft.Compute/virtualMachines\n';
    const cases: Array<[Buffer, string]> = [
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8-bom'],
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'utf-16le'],
      [iconv.encode(text, 'utf-16be', { addBOM: true }), 'utf-16be']
    ];
    for (const [bytes, encoding] of cases)
      expect(decodeBytes(bytes)).toEqual({ text, encoding, warning: null });
  });

  it('detects UTF-16 without a BOM from the NUL pattern', () => {
    const text = 'ResourceName,ResourceType\nkv-01,Microsoft.KeyVault/vaults\n';
    expect(sniffUtf16(Buffer.from(text, 'utf16le'))).toBe('utf-16le');
    expect(sniffUtf16(iconv.encode(text, 'utf-16be'))).toBe('utf-16be');
    expect(sniffUtf16(Buffer.from(text))).toBeNull();
    expect(decodeBytes(iconv.encode(text, 'utf-16be')).encoding).toBe('utf-16be');
  });

  it('keeps valid UTF-8 (multi-byte, emoji) as UTF-8', () => {
    const d = decodeBytes(Buffer.from('naïve,😎,Zürich\n'));
    expect(d).toEqual({ text: 'naïve,😎,Zürich\n', encoding: 'utf-8', warning: null });
  });

  it('refuses an unknown override', () => {
    expect(() => chooseEncoding(Buffer.from('a'), 'klingon-8')).toThrow('Unknown encoding "klingon-8"');
  });

  it('transcodes UTF-16 and cp1252 to UTF-8 bytes chunk by chunk, splitting no character', () => {
    const text = `${'€ café 😎 '.repeat(200_000)}end`;
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(transcodeToUtf8(le, chooseEncoding(le)).toString('utf8')).toBe(text);
    const cp = iconv.encode('€ café '.repeat(300_000), 'windows-1252');
    expect(transcodeToUtf8(cp, chooseEncoding(cp)).toString('utf8')).toBe('€ café '.repeat(300_000));
  });
});

describe('encodings and line endings through readInventory', () => {
  it('a Latin-1 CSV: © survives, the guess is reported', async () => {
    const r = await readInventory(fixture('messy-csv', 'frictionless_latin1_tiny.csv'), {
      fileName: 'latin1.csv'
    });
    expect([r.format, r.encoding, r.rows.length]).toEqual(['generic-csv', 'windows-1252', 2]);
    expect(r.rows.map((row) => [row.externalId, row.name])).toEqual([
      ['1', 'english'],
      ['2', '\u00a9']
    ]);
    expect(r.warnings[0]).toMatch(/not valid UTF-8; read it as windows-1252/);
  });

  it('UTF-16BE with and without BOM: the Get-AzResourceGroup export still gives 17 groups', async () => {
    const text = fixture('inventory', 'shiwei1981_Get-AzResourceGroup_Export-Csv_utf8bom.csv')
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    for (const addBOM of [true, false]) {
      const r = await readInventory(iconv.encode(text, 'utf-16be', { addBOM }), { fileName: 'rg.csv' });
      expect([r.format, r.encoding, r.rows.length, r.errors.length]).toEqual([
        'get-azresource-csv',
        'utf-16be',
        17,
        0
      ]);
      expect(r.rows[16]?.name).toBe('DefaultResourceGroup-centralus');
    }
  });

  it('UTF-16BE JSON is transcoded and read like the UTF-16LE original (20 resources)', async () => {
    const text = iconv.decode(
      fixture('inventory', 'nsc-infra_az-resource-list-full_utf16le.json'),
      'utf-16le'
    );
    const r = await readInventory(iconv.encode(text, 'utf-16be', { addBOM: true }), { fileName: 'be.json' });
    expect([r.format, r.encoding, r.rows.length, r.errors.length]).toEqual(['az-json', 'utf-16be', 20, 0]);
  });

  it('CR-only line endings (classic Mac Excel): same 22 Snipe-IT assets, same lines', async () => {
    const lf = fixture('cmdb', 'snipe-it_assets-sample.csv').toString('utf8');
    const cr = Buffer.from(lf.replace(/\n/g, '\r'));
    const r = await readInventory(cr, { fileName: 'cr.csv' });
    expect([r.format, r.rows.length, r.errors.length]).toEqual(['snipe-it-csv', 22, 0]);
    expect(r.rows.map((row) => row.line)).toEqual(Array.from({ length: 22 }, (_, i) => i + 2));
    expect(r.rows[21]?.name).toBe(
      (await readInventory(Buffer.from(lf), { fileName: 'lf.csv' })).rows[21]?.name
    );
  });

  it('CR-only with a CR inside a quoted value: the value keeps it, line numbers count it', async () => {
    const r = await readInventory(Buffer.from('Name,Notes\r"a","x\ry"\r"b",z\r'), { fileName: 'cr.csv' });
    expect(r.rows.map((row) => [row.line, row.name, row.extra?.Notes])).toEqual([
      [2, 'a', 'x\ry'],
      [4, 'b', 'z']
    ]);
  });

  it('CRLF with a quoted CRLF inside a value', async () => {
    const r = await readInventory(Buffer.from('Name,Notes\r\n"a","x\r\ny"\r\nb,z\r\n'), {
      fileName: 'crlf.csv'
    });
    expect(r.rows.map((row) => [row.line, row.extra?.Notes])).toEqual([
      [2, 'x\r\ny'],
      [4, 'z']
    ]);
  });
});
