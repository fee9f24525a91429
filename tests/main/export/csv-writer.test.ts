import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvField, csvRecord, writeRaciCsv } from '@main/export/csv-writer';
import { tempDir } from '@tests/helpers/temp';
import { filesIn } from '@tests/helpers/read-back';
import { buildTestReport, raciRowCount } from '@tests/helpers/report-builder';
import { reportSourceOf } from '@core/report-source';

describe('csvField', () => {
  it('quotes text, doubles quotes, leaves numbers bare and empties empty', () => {
    expect(csvField('plain')).toBe('"plain"');
    expect(csvField('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvField(42)).toBe('42');
    expect(csvField(null)).toBe('');
    expect(csvField('=1+1')).toBe(`"'=1+1"`);
    expect(csvField('-2+3,=cmd|x')).toBe(`"'-2+3,=cmd|x"`);
    expect(csvRecord(['a', 1, null])).toBe('"a",1,\r\n');
  });
});

describe('writeRaciCsv', () => {
  it('writes UTF-8 with a BOM, CRLF, a header and one record per asset × layer', async () => {
    const report = buildTestReport({ assets: 7 });
    const path = join(tempDir(), 'raci.csv');
    const progress: number[] = [];
    const result = await writeRaciCsv(reportSourceOf(report), raciRowCount(report), { path, onProgress: (done) => progress.push(done) });
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(7 * 10 + 2);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\r|\n/);
    expect(
      text.startsWith(
        '"Asset","Asset id","Layer","Responsibility","Published","Overridden","Justification","R","A","C","I","Comments","Signed off by / on","Criticality","Data classification","Environment"\r\n'
      )
    ).toBe(true);
    const rows = (parse(text) as string[][]).slice(1);
    expect(rows).toEqual(
      report.assets.flatMap((a) =>
        a.layers.map((l) => [
          a.name,
          String(a.id),
          l.title,
          l.responsibility,
          l.published,
          l.overridden ? 'yes' : 'no',
          l.justification ?? '',
          l.R.join('; '),
          l.A.join('; '),
          l.C.join('; '),
          l.I.join('; '),
          l.note ?? '',
          '',
          // The asset's criticality, data classification, environment (none stated here).
          '',
          '',
          ''
        ])
      )
    );
    expect(text).toContain('Émilie Ölund');
    expect(result.rows).toBe(70);
    expect(progress.at(-1)).toBe(70);
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('leaves no file and no temp file when aborted, and keeps the previous file', async () => {
    const dir = tempDir();
    const path = join(dir, 'raci.csv');
    writeFileSync(path, 'previous');
    const controller = new AbortController();
    const writing = writeRaciCsv(reportSourceOf(buildTestReport({ assets: 3000 })), raciRowCount(buildTestReport({ assets: 3000 })), {
      path,
      signal: controller.signal,
      onProgress: (done, total) => {
        if (done < total) controller.abort();
      }
    });
    await expect(writing).rejects.toMatchObject({ name: 'AbortError' });
    expect(filesIn(dir)).toEqual(['raci.csv']);
    expect(readFileSync(path, 'utf8')).toBe('previous');
  });
});
