import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, logicalContentHash } from '../../../src/main/export/content-hash';
import { buildChangeLog, buildTestReport } from './report-builder';

describe('canonicalJson', () => {
  it('sorts keys, drops undefined members, keeps array order and escapes like JSON', () => {
    expect(canonicalJson({ b: 1, a: [3, undefined, { d: 'x"y', c: null }], u: undefined, n: NaN })).toBe(
      '{"a":[3,null,{"c":null,"d":"x\\"y"}],"b":1,"n":null}'
    );
    expect(canonicalJson('é\u2028')).toBe(JSON.stringify('é\u2028'));
  });
});

describe('logicalContentHash', () => {
  it('is the SHA-256 of the canonical JSON of { changeLog, report }', () => {
    const report = buildTestReport({ assets: 3 });
    const changeLog = buildChangeLog(2);
    const expected = createHash('sha256').update(canonicalJson({ changeLog, report }), 'utf8').digest('hex');
    expect(logicalContentHash(report, changeLog)).toBe(expected);
  });

  it('does not depend on key order but does on content', () => {
    const report = buildTestReport({ assets: 4 });
    const reverseKeys = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reverseKeys)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([k, v]) => [k, reverseKeys(v)])
            )
          : value;
    const reversed = reverseKeys(report) as typeof report;
    expect(Object.keys(reversed)[0]).toBe('findings');
    expect(logicalContentHash(reversed, [])).toBe(logicalContentHash(report, []));
    const changed = structuredClone(report);
    changed.assets[0]!.layers[0]!.R = ['Someone else'];
    expect(logicalContentHash(changed, [])).not.toBe(logicalContentHash(report, []));
    expect(logicalContentHash(report, buildChangeLog(1))).not.toBe(logicalContentHash(report, []));
  });

  it('hashes large reports in chunks with the same result as one string', () => {
    const report = buildTestReport({ assets: 300 });
    const whole = createHash('sha256')
      .update(canonicalJson({ changeLog: [], report }))
      .digest('hex');
    expect(canonicalJson({ changeLog: [], report }).length).toBeGreaterThan(1 << 17);
    expect(logicalContentHash(report, [])).toBe(whole);
  });
});
