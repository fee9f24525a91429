/**
 * Today's format on a workbook written by round-1 code: a copy of tests/fixtures/workbooks/round-1.demarc
 * opens migrated (original backed up), gains a workbook id that stays put across reopenings,
 * keeps everything its report said, and exports all three frameworks.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_FORMAT_VERSION } from '@main/store/migrations';
import { exportFramework } from '@main/services/framework-export';
import { workbookReport } from '@main/services/report';
import { wholeReport } from '@tests/helpers/whole-report';
import { closeWorkbook, openWorkbook, workbookInfo } from '@main/services/workbook-service';
import type { Report } from '@shared/report';
import { fixedClock, sha256File, tempDir } from '@tests/helpers/temp';
import { readWorkbook } from '@tests/helpers/read-back';
import { sharedData } from '@tests/helpers/fixture-paths';
import { asRound1Assets } from '@tests/helpers/round-1-report';

const FIXTURE = new URL('../../fixtures/workbooks/round-1.demarc', import.meta.url);
const REPORT = JSON.parse(readFileSync(new URL('../../fixtures/workbooks/round-1.report.json', import.meta.url), 'utf8')) as Report;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('a round-1 workbook (format 2) under the current format', () => {
  it('migrates with a stable workbook id and loses nothing', () => {
    const dir = tempDir();
    const path = join(dir, 'round-1.demarc');
    copyFileSync(FIXTURE, path);
    const original = sha256File(path);
    const ctx = { clock: fixedClock(), osUser: 'tester' };
    const wb = openWorkbook(ctx, path);
    expect(wb.formatVersion).toBe(LATEST_FORMAT_VERSION);
    expect(wb.backupPath).not.toBeNull();
    expect(sha256File(wb.backupPath!)).toBe(original);
    const info = workbookInfo(wb, ctx);
    expect(info.workbookId).toMatch(UUID_V4);
    // A workbook made before providers had models: every asset keeps following the default model.
    expect(info.modelByProvider).toEqual({});
    const report = wholeReport(workbookReport(wb, ctx));
    // Format 9 added a note per layer: a round-1 workbook has none.
    expect(asRound1Assets(report.assets)).toEqual(REPORT.assets.map((a) => ({ ...a, layers: a.layers.map((l) => ({ ...l, note: null })) })));
    expect(report.parties).toEqual(REPORT.parties);
    // The report's models now carry their columns' labels (an addition); everything else is as it was.
    expect(report.models.map(({ serviceModelLabels: _labels, ...rest }) => rest)).toEqual(REPORT.models);
    expect(report.models[0]?.serviceModelLabels).toEqual({ onprem: 'On-premises', iaas: 'IaaS', paas: 'PaaS', saas: 'SaaS' });
    closeWorkbook(wb);
    const again = openWorkbook(ctx, path);
    expect(again.backupPath).toBeNull();
    expect(workbookInfo(again, ctx).workbookId).toBe(info.workbookId);
    closeWorkbook(again);
  });

  it('exports CCM, FedRAMP and a valid OSCAL SSP', async () => {
    const dir = tempDir();
    const path = join(dir, 'round-1.demarc');
    copyFileSync(FIXTURE, path);
    const ctx = { clock: fixedClock(), osUser: 'tester' };
    const wb = openWorkbook(ctx, path);
    try {
      for (const framework of ['ccm', 'fedramp', 'oscal-ssp'] as const) {
        const out = join(dir, `round-1-${framework}.${framework === 'oscal-ssp' ? 'json' : 'xlsx'}`);
        const result = await exportFramework(wb, ctx, { framework, scope: {}, baseline: 'moderate', path: out, exportedAt: 'last-change' });
        expect(existsSync(out)).toBe(true);
        expect(result.assets).toBe(REPORT.assets.length);
        expect(result.counts.undetermined).toBe(0);
        if (framework === 'ccm') expect((await readWorkbook(out)).getWorksheet('CAIQv4.0.3')!.rowCount).toBe(263);
        if (framework === 'oscal-ssp') {
          const ajv = new Ajv({ strict: false });
          addFormats(ajv);
          const validate = ajv.compile(JSON.parse(sharedData('oscal', 'oscal_ssp_schema_v1.0.6.json').toString('utf8')) as object);
          expect(validate(JSON.parse(readFileSync(out, 'utf8')))).toBe(true);
        }
      }
    } finally {
      closeWorkbook(wb);
    }
  });
});
