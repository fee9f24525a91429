/**
 * As of a moment equals a replay through workshop decisions (a RACI, an override, a deferred
 * action, its closing and the undo of that) and a round trip (an edited export applied, then
 * undone): the workbook file is copied after each, and the report as of each moment of the edited
 * workbook is byte for byte the report of that moment's copy — with no gap, since those entries
 * log their way back. A decision logged before they did stays a named gap.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { reportText } from '@tests/helpers/as-of-report';
import { applyImport } from '@main/import/import-service';
import { assetDetail } from '@main/engine/asset-detail';
import { updateAssets } from '@main/services/asset-update';
import { workbookAsOf } from '@main/services/as-of';
import { workbookReportAsOf } from '@main/services/as-of-report';
import type { OpenWorkbook, ServiceContext } from '@main/services/context';
import { exportWorkbook } from '@main/services/export-service';
import { undo } from '@main/services/history';
import { addParty } from '@main/services/parties';
import { setRaci } from '@main/services/raci-assign';
import { workbookReport } from '@main/services/report';
import { applyRoundTrip, previewRoundTrip } from '@main/services/roundtrip';
import { closeWorkbook, createWorkbook, openWorkbook } from '@main/services/workbook-service';
import { closeAction, decide } from '@main/services/workshop/workshop-decide';
import { startWorkshop } from '@main/services/workshop/workshops';
import { listChanges } from '@main/store/repos/change-log';
import { editEntry, rechain } from '@tests/helpers/change-log-tamper';
import { azJson } from '@tests/helpers/import-fixture';
import { editExport } from '@tests/helpers/roundtrip-edit';
import { fixedClock, tempDir } from '@tests/helpers/temp';

const open: OpenWorkbook[] = [];
afterEach(() => {
  for (const wb of open.splice(0)) closeWorkbook(wb);
});

async function decidedAndRoundTripped() {
  const dir = tempDir();
  const ctx: ServiceContext = { clock: fixedClock('2026-03-02T09:00:00.000Z'), osUser: 'tester' };
  const wb = createWorkbook(ctx, { path: join(dir, 'acme.demarc'), organisation: 'Acme' });
  open.push(wb);
  const checkpoints: { label: string; entryId: number; at: string; copy: string }[] = [];
  const keep = (label: string) => {
    const last = listChanges(wb.db, { newestFirst: true, limit: 1 })[0]!;
    const copy = join(tempDir(), 'acme.demarc');
    wb.db.exec(`VACUUM INTO '${copy}'`);
    checkpoints.push({ label, entryId: last.id, at: last.at, copy });
  };
  const inventory = join(dir, 'q1.json');
  writeFileSync(inventory, azJson(['vm-web-01', 'vm-web-02', 'vm-db-01'].map((name) => ({ name }))));
  await applyImport(wb, ctx, { paths: [inventory] });
  const alice = addParty(wb, ctx, { name: 'Alice Martin', kind: 'person' });
  const platform = addParty(wb, ctx, { name: 'Platform team', kind: 'team' });
  const network = addParty(wb, ctx, { name: 'Network team', kind: 'team' });
  const ids = wb.engine.state(ctx).input.assets.map((a) => a.id);
  updateAssets(wb, ctx, { filter: { ids }, set: { ownerPartyId: alice.id } });
  setRaci(wb, ctx, { assetId: ids[0]!, layerId: 'network-controls', roles: { R: [alice.id] } });
  keep('start');

  const workshop = startWorkshop(wb, ctx, { title: 'Q1 review', heldOn: '2026-03-02', attendees: [alice.id, platform.id, network.id], scope: {} });
  decide(wb, ctx, { id: workshop.id, group: 0, layerId: 'network-controls', decision: { kind: 'raci', roles: { R: [network.id], A: [platform.id] }, reason: 'NSGs are run centrally' } });
  keep('workshop RACI');
  decide(wb, ctx, { id: workshop.id, group: 0, layerId: 'operating-system', decision: { kind: 'override', responsibility: 'shared', justification: 'patched by the MSP' } });
  keep('workshop override');
  const deferred = decide(wb, ctx, { id: workshop.id, group: 0, layerId: 'identities-and-users', decision: { kind: 'defer', title: 'Find who grants logins', ownerPartyId: network.id, dueOn: '2026-03-01' } });
  keep('workshop defer');
  closeAction(wb, ctx, { actionId: deferred.actions[0]!.id, note: 'the DBA team' });
  keep('action closed');
  undo(wb, ctx);
  keep('undo of the close');

  const exported = join(dir, 'raci.xlsx');
  await exportWorkbook(wb, ctx, { format: 'xlsx', path: exported, exportedAt: 'last-change' });
  const layer = (assetId: number, layerId: string) => assetDetail(wb, ctx, assetId).layers.find((l) => l.layerId === layerId)!.title;
  const edited = join(dir, 'raci-edited.xlsx');
  await editExport(exported, edited, [
    { sheet: 'RACI', assetId: ids[1]!, layer: layer(ids[1]!, 'applications'), header: 'A', value: 'Platform team' },
    { sheet: 'RACI', assetId: ids[2]!, layer: layer(ids[2]!, 'applications'), header: 'Comments', value: 'reviewed with the app team' },
    { sheet: 'Matrix', assetId: ids[2]!, header: 'Owner', value: 'Network team' }
  ]);
  const preview = await previewRoundTrip(wb, ctx, { path: edited, anyWorkbook: false, createParties: false });
  expect(preview.errors).toEqual([]);
  expect(applyRoundTrip(wb, ctx, { token: preview.token, reject: [], resolve: {} }).applied).toBe(3);
  keep('round trip');
  undo(wb, ctx);
  keep('undo of the round trip');
  setRaci(wb, ctx, { assetId: ids[1]!, layerId: 'applications', roles: { I: [alice.id] } });
  return { wb, ctx, checkpoints };
}

describe('as-of through workshop decisions and round trips', () => {
  it('reports each moment exactly as the copy kept then, with nothing left as it is now', async () => {
    const { wb, ctx, checkpoints } = await decidedAndRoundTripped();
    const actions = listChanges(wb.db, { afterId: checkpoints[0]!.entryId }).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['workshops.decide', 'workshops.closeAction', 'roundtrip.apply', 'history.undo']));
    for (const point of checkpoints) {
      const asOf = workbookReportAsOf(wb, ctx, `#${point.entryId}`);
      expect(asOf.head.asOf?.gaps, point.label).toEqual([]);
      const copy = openWorkbook(ctx, point.copy);
      open.push(copy);
      expect(reportText(asOf), `as of ${point.label} (#${point.entryId})`).toBe(reportText(workbookReport(copy, { ...ctx, clock: () => point.at })));
      closeWorkbook(open.pop()!);
    }
    const texts = checkpoints.map((p) => reportText(workbookReportAsOf(wb, ctx, `#${p.entryId}`)));
    expect(new Set(texts).size).toBe(texts.length);
    // The open action is a finding then, not before it was deferred nor while it was closed.
    const actionOpen = (label: string) => workbookAsOf(wb, ctx, `#${checkpoints.find((c) => c.label === label)!.entryId}`).state.findings.some((f) => f.code === 'ACTION_OPEN');
    expect(['workshop override', 'workshop defer', 'action closed', 'undo of the close'].map(actionOpen)).toEqual([false, true, false, true]);
  });

  it('names a workshop decision logged without its way back (before Demarc logged it) as a gap', async () => {
    const { wb, ctx, checkpoints } = await decidedAndRoundTripped();
    const decision = listChanges(wb.db, { action: 'workshops.decide', limit: 1 })[0]!;
    const { ops: _ops, ...before } = decision.before as Record<string, unknown>;
    // The entry as an older Demarc wrote it (no way back logged), the chain hashed over it as that Demarc would have.
    const path = wb.path;
    closeWorkbook(open.pop()!);
    const raw = new Database(path);
    editEntry(raw, decision.id, { before: JSON.stringify(before) });
    rechain(raw);
    raw.close();
    const reopened = openWorkbook(ctx, path);
    open.push(reopened);
    const gaps = workbookAsOf(reopened, ctx, `#${checkpoints[0]!.entryId}`).info.gaps;
    expect(gaps.map((g) => [g.entryId, g.action])).toEqual([[decision.id, 'workshops.decide']]);
    expect(gaps[0]!.reason).toContain('cannot undo a "workshops.decide" entry from what it logged');
  });
});
