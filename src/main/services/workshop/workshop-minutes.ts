/**
 * The minutes of a workshop: the model every output shares (the PDF, the HTML, the JSON, the
 * Workshop sheet of the audit export), and writing it to a file.
 */
import { FINDING_TITLES } from '@core/finding-messages';
import { layerVariants } from '@core/workshop/layer-variants';
import { minutesHtml } from '@core/workshop/minutes-html';
import type { ParsedInput } from '@shared/contract';
import type { MinutesSaveResult } from '@shared/contract/workshop';
import { FINDING_CODES, SEVERITIES, type FindingCode, type Severity } from '@shared/domain';
import { DemarcError } from '@shared/errors';
import type { WorkshopMinutes } from '@shared/workshop';
import { writeFileAtomically } from '../../export/atomic-file';
import type { EngineState } from '../../engine/state';
import { readSettings } from '../../store/repos/meta';
import type { OpenWorkbook, ServiceContext } from '../context';
import { exportTargetPath } from '../export-service';
import { signedOffAttendees } from './sign-off-seam';
import { actionView, groupAssets } from './workshop-step';
import { groupModel, groupNaming, groupRaci, readWorkshop, workshopSummary, type WorkshopRecord } from './workshop-view';

/** Prints HTML to PDF: Electron's printToPDF in the app, Chromium in the CLI and the tests. */
export type PrintPdf = (html: string) => Promise<Uint8Array>;

/** Customer-side asset layers in scope each attendee is Accountable for (the RACI in force). */
function accountableLayers(state: EngineState, record: WorkshopRecord): Map<number, number> {
  const attendees = new Set(record.attendeeIds);
  const counts = new Map<number, number>();
  const partyName = (id: number) => state.partyById.get(id)?.name ?? '';
  for (const group of record.groups) {
    const model = groupModel(state, group);
    const assets = groupAssets(state, group.assetIds);
    const raci = groupRaci(state, group);
    for (const layer of model.layers) {
      for (const v of layerVariants({ raci, assets, layerId: layer.id, overridesByAsset: state.overridesByAsset, assignmentsByAsset: state.assignmentsByAsset, partyName })) {
        for (const { partyId } of v.roles.A) if (attendees.has(partyId)) counts.set(partyId, (counts.get(partyId) ?? 0) + v.assets);
      }
    }
  }
  return counts;
}

function openFindings(state: EngineState, assetIds: readonly number[]): WorkshopMinutes['openFindings'] {
  const byCode = new Map<FindingCode, { severity: Severity; count: number; assets: Set<number> }>();
  for (const id of assetIds) {
    for (const f of state.findingsByAsset.get(id) ?? []) {
      const entry = byCode.get(f.code) ?? { severity: f.severity, count: 0, assets: new Set<number>() };
      entry.count++;
      entry.assets.add(id);
      byCode.set(f.code, entry);
    }
  }
  return [...byCode.entries()]
    .map(([code, e]) => ({ code, severity: e.severity, title: FINDING_TITLES[code], count: e.count, assets: e.assets.size }))
    .sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || FINDING_CODES.indexOf(a.code) - FINDING_CODES.indexOf(b.code));
}

export function workshopMinutes(wb: OpenWorkbook, ctx: ServiceContext, id: number): WorkshopMinutes {
  const state = wb.engine.state(ctx);
  const record = readWorkshop(wb, id);
  const workshop = workshopSummary(wb, ctx, id);
  const { groupLabel, layerTitle } = groupNaming(record.groups, (group) => groupModel(state, group));
  const assetIds = record.groups.flatMap((g) => g.assetIds);
  const signed = signedOffAttendees(wb, ctx, { assetIds });
  const accountable = accountableLayers(state, record);
  return {
    workshop,
    organisation: readSettings(wb.db, ctx.osUser).organisation,
    generatedAt: ctx.clock(),
    groups: record.groups.map((g) => ({ position: g.position, label: g.label, assets: g.assetIds.length })),
    decisions: record.decisions.map((d) => ({ ...d, groupLabel: groupLabel(d.groupPosition), layerTitle: layerTitle(d.groupPosition, d.layerId) })),
    actions: record.actions.map((a) => ({ ...actionView(state, a), groupLabel: groupLabel(a.groupPosition), layerTitle: layerTitle(a.groupPosition, a.layerId) })),
    signOff: workshop.attendees
      .filter((a) => accountable.has(a.partyId))
      .map((a) => ({ partyId: a.partyId, name: a.name, accountableLayers: accountable.get(a.partyId) ?? 0, signed: signed.has(a.partyId) })),
    openFindings: openFindings(state, assetIds)
  };
}

/** Writes the minutes as PDF, HTML or JSON; the file appears only when complete. */
export async function saveMinutes(
  wb: OpenWorkbook,
  ctx: ServiceContext,
  input: ParsedInput<'workshops.saveMinutes'> & { path: string },
  printPdf: PrintPdf | undefined,
  signal?: AbortSignal
): Promise<MinutesSaveResult> {
  const target = exportTargetPath(input.path, input.format, wb.path);
  const minutes = workshopMinutes(wb, ctx, input.id);
  let bytes: Uint8Array;
  if (input.format === 'json') bytes = Buffer.from(`${JSON.stringify(minutes, null, 2)}\n`, 'utf8');
  else {
    const html = minutesHtml(minutes, { pagePerGroup: input.pagePerGroup });
    if (input.format === 'html') bytes = Buffer.from(html, 'utf8');
    else if (printPdf === undefined) throw new DemarcError('INVALID_INPUT', 'Printing to PDF is not available here; save the minutes as HTML and print that.');
    else bytes = await printPdf(html);
  }
  try {
    const written = await writeFileAtomically(target, signal, (sink) => {
      sink.end(bytes);
      return Promise.resolve();
    });
    return { path: target, format: input.format, bytes: written.bytes, decisions: minutes.decisions.length, actions: minutes.actions.length };
  } catch (error) {
    if (error instanceof DemarcError) throw error; // cancelled: no file was written
    throw new DemarcError('BAD_FILE', `Could not write ${target}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
