/** The canonical form of a signed sign-off: one spelling, each field named when it differs. */
import { describe, expect, it } from 'vitest';
import { SIGNED_FIELDS, SIGNED_FORM, byCodePoint, canonicalJson, coveredLines, fieldWords, signatureWords, signedFieldDifferences, signedText, type SignedSignOff } from '@core/audit/sign-off-signature';

const fields: SignedSignOff = {
  form: SIGNED_FORM,
  workbookId: 'wb-1',
  chainHead: '#4 sha256:' + 'a'.repeat(64),
  scope: { kind: 'layer', label: 'vm-01 × Network controls', asset: '/subs/x/vm-01', layer: 'network-controls' },
  covered: { assets: 1, items: 1, sha256: 'b'.repeat(64) },
  signer: 'Alice Martin',
  signedOn: '2026-11-30',
  statement: 'I confirm the RACI',
  note: null,
  recordedAt: '2026-11-30T10:00:00.000Z',
  recordedBy: 'alice'
};

describe('the signed text of a sign-off', () => {
  it('is JSON with keys in code-point order at every level and no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: null, c: 'x' }, A: [2, { z: true, y: 'é' }] })).toBe('{"A":[2,{"y":"é","z":true}],"a":{"c":"x","d":null},"b":1}');
    const text = signedText(fields);
    expect(text.startsWith('{"chainHead":"#4 sha256:')).toBe(true);
    expect(Object.keys(JSON.parse(text) as object)).toEqual(Object.keys(SIGNED_FIELDS).sort());
    // Whatever order the object was built in, the same text.
    expect(signedText({ ...fields, scope: { layer: 'network-controls', asset: '/subs/x/vm-01', label: 'vm-01 × Network controls', kind: 'layer' } })).toBe(text);
  });

  it('names each field that differs from what was signed', () => {
    const text = signedText(fields);
    expect(signedFieldDifferences(text, fields)).toEqual([]);
    const edits: Partial<SignedSignOff>[] = [
      { workbookId: 'wb-2' },
      { chainHead: null },
      { scope: { ...fields.scope, label: 'web-01' } },
      { covered: { ...fields.covered, items: 2 } },
      { signer: 'Bob' },
      { signedOn: '2026-12-01' },
      { statement: 'no' },
      { note: 'added' },
      { recordedAt: '2026-11-30T10:00:01.000Z' },
      { recordedBy: 'mallory' }
    ];
    for (const edit of edits) expect(signedFieldDifferences(text, { ...fields, ...edit })).toEqual(Object.keys(edit));
    expect(signedFieldDifferences(text, { ...fields, signer: 'Bob', statement: 'no' })).toEqual(['signer', 'statement']);
  });

  it('names the form when the stored text is not canonical, or not this object', () => {
    const text = signedText(fields);
    expect(signedFieldDifferences(JSON.stringify(JSON.parse(text), null, 1), fields)).toEqual(['form']);
    expect(signedFieldDifferences(text.replace('{', '{"extra":1,'), fields)).toEqual(['form']);
    expect(signedFieldDifferences('not json', fields)).toEqual(Object.keys(SIGNED_FIELDS));
  });

  it('sorts the covered lines by code point, so the coverage does not depend on ids or row order', () => {
    expect(coveredLines([{ key: 'b', layerId: '' }, { key: 'a', layerId: 'os' }, { key: 'a', layerId: '' }, { key: 'a-b', layerId: '' }])).toBe('a\t\na\tos\na-b\t\nb\t\n');
    // U+1F600 (a surrogate pair in UTF-16) comes after U+FF5E by code point, before it by UTF-16 unit.
    expect(coveredLines([{ key: '\u{1F600}', layerId: '' }, { key: '\uFF5E', layerId: '' }])).toBe('\uFF5E\t\n\u{1F600}\t\n');
    expect(byCodePoint('a', 'ab')).toBeLessThan(0);
    expect(byCodePoint('\u{1F600}x', '\u{1F600}y')).toBeLessThan(0);
  });

  it('says a verdict in words', () => {
    expect(fieldWords(['statement'])).toBe('statement');
    expect(fieldWords(['signer', 'signedOn', 'note'])).toBe('signed by, date and note');
    expect(signatureWords({ status: 'unsigned' })).toBe('not signed');
    expect(signatureWords({ status: 'valid', fingerprint: 'SHA256:abc', chainHead: null, inOtherCopy: false })).toBe('signed by key SHA256:abc ✓');
    expect(signatureWords({ status: 'invalid', fingerprint: 'SHA256:abc', fields: ['statement'], message: 'Its statement differs.' })).toBe('signature does not match (key SHA256:abc): Its statement differs.');
  });
});
