/**
 * As of a moment through a merge and its undo: the HQ workbook file is copied before the merge,
 * after it and after its undo. The undo logs the merge's operations (owners and fields patched,
 * parties, RACI rows), so the moment between merge and undo is rebuilt byte for byte as that
 * moment's copy reports it, with no gap; the merge entry itself logs no way back yet, so a moment
 * before it names it as a gap.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { reportJsonChunks, type ReportSource } from '@core/report-source';
import { workbookReportAsOf } from '@main/services/as-of-report';
import type { OpenWorkbook } from '@main/services/context';
import { workbookReport } from '@main/services/report';
import { closeWorkbook, openWorkbook } from '@main/services/workbook-service';
import { listChanges } from '@main/store/repos/change-log';
import { fileCopy, laptop, seededHq, type Laptop } from '@tests/helpers/merge-laptops';
import { tempDir } from '@tests/helpers/temp';

function reportText(source: ReportSource): string {
  const { asOf: _asOf, ...head } = source.head;
  return [...reportJsonChunks({ ...source, head })].join('');
}

const open: (OpenWorkbook | Laptop)[] = [];
afterEach(() => {
  for (const item of open.splice(0)) {
    if ('call' in item) item.close();
    else closeWorkbook(item);
  }
});

interface Checkpoint {
  label: string;
  entryId: number;
  at: string;
  copy: string;
}

function keeper(hq: Laptop, checkpoints: Checkpoint[]) {
  return (label: string) => {
    const wb = hq.session.require();
    const last = listChanges(wb.db, { newestFirst: true, limit: 1 })[0]!;
    const copy = join(tempDir(), 'hq.demarc');
    wb.db.exec(`VACUUM INTO '${copy}'`);
    checkpoints.push({ label, entryId: last.id, at: last.at, copy });
  };
}

function expectReplays(hq: Laptop, checkpoints: readonly Checkpoint[]): void {
  const wb = hq.session.require();
  for (const point of checkpoints) {
    const asOf = workbookReportAsOf(wb, hq.services, `#${point.entryId}`);
    expect(asOf.head.asOf?.gaps, point.label).toEqual([]);
    const copy = openWorkbook(hq.services, point.copy);
    open.push(copy);
    expect(reportText(asOf), `as of ${point.label} (#${point.entryId})`).toBe(reportText(workbookReport(copy, { ...hq.services, clock: () => point.at })));
    closeWorkbook(open.pop() as OpenWorkbook);
  }
}

describe('as-of through merges', () => {
  it('rewinds the undo of a merge exactly; names the merge itself, which does not log its way back', async () => {
    const { hq, dir, ids, people } = await seededHq();
    open.push(hq);
    const financePath = fileCopy(hq.path, join(dir, 'finance.demarc'));
    const finance = await laptop(financePath, 'finance', '2026-12-02T09:00:00.000Z');
    await finance.call('assets.update', { filter: { ids: [ids['vm-1']!, ids['vm-2']!] }, set: { ownerPartyId: people.Bob! } });
    const dave = await finance.call('parties.add', { name: 'Dave', kind: 'person' });
    await finance.call('raci.set', { assetId: ids['vm-3']!, layerId: 'applications', roles: { R: [dave.id], A: [people.Carol!] } });
    finance.close();
    const checkpoints: Checkpoint[] = [];
    const keep = keeper(hq, checkpoints);
    await hq.call('raci.set', { assetId: ids['vm-5']!, layerId: 'operating-system', roles: { R: [people.Carol!] } });
    keep('before the merge');
    await hq.call('merge.apply', { path: financePath });
    keep('merged');
    await hq.call('history.undo', {});
    keep('merge undone');
    await hq.call('assets.update', { filter: { ids: [ids['vm-4']!] }, set: { ownerPartyId: people.Alice! } });
    // The undo logged the merge's own operations (owners and fields patched, a party, RACI rows): rewound exactly.
    expectReplays(hq, checkpoints.slice(1));
    const merge = listChanges(hq.session.require().db, { action: 'workbook.merge' })[0]!;
    const gaps = workbookReportAsOf(hq.session.require(), hq.services, `#${checkpoints[0]!.entryId}`).head.asOf!.gaps;
    expect(gaps.map((g) => [g.entryId, g.action])).toEqual([[merge.id, 'workbook.merge']]);
  });
});
