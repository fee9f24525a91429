/**
 * `demarc import <wb> edited.xlsx` when the file is Demarc's own RACI export: the review of every
 * changed cell (before → after, by asset), then the apply as one step. The JSON of `--dry-run
 * --json` is the contract's RoundTripPreview (documented in docs/roundtrip.md).
 */
import type { RoundTripChange, RoundTripPreview } from '@shared/contract/roundtrip';
import { DemarcError } from '@shared/errors';
import type { CliRouter } from '../cli-router';
import { EXIT, UsageError, type CliIo } from '../io';

export interface RoundTripFlags {
  dryRun: boolean;
  json: boolean;
  accept: 'all' | 'none';
  onConflict: 'sheet' | 'workbook' | 'fail';
  anyWorkbook: boolean;
  createParties: boolean;
}

export const ROUND_TRIP_HELP = `An edited RACI export of this workbook (recognised by its hidden "Demarc" sheet) is reviewed
and applied instead: every changed cell before → after, one undoable step, one change-log entry.
  --accept all|none          apply every change (default) or none (review only)
  --on-conflict sheet|workbook|fail
                             a cell changed both in the sheet and, since the export, in Demarc
                             (each shown with its value at the export, in Demarc and in the sheet):
                             keep the sheet's value, the workbook's, or stop with exit 1 (default);
                             cells changed on one side only never conflict
  --any-workbook             apply an export of another workbook by asset id anyway
  --create-parties           names that are no party become new parties (people)`;

export function parseRoundTripFlags(values: Record<string, string | boolean | string[] | undefined>): RoundTripFlags {
  const accept = (values.accept as string | undefined) ?? 'all';
  const onConflict = (values['on-conflict'] as string | undefined) ?? 'fail';
  if (accept !== 'all' && accept !== 'none') throw new UsageError(`demarc import: --accept: "${accept}" is not all or none`);
  if (onConflict !== 'sheet' && onConflict !== 'workbook' && onConflict !== 'fail') {
    throw new UsageError(`demarc import: --on-conflict: "${onConflict}" is not sheet, workbook or fail`);
  }
  return {
    dryRun: values['dry-run'] === true,
    json: values.json === true,
    accept,
    onConflict,
    anyWorkbook: values['any-workbook'] === true,
    createParties: values['create-parties'] === true
  };
}

const FIELD_LABELS: Record<RoundTripChange['field'], string> = {
  owner: 'Owner',
  serviceModel: 'Service model',
  responsibility: 'Responsibility',
  justification: 'Justification',
  R: 'R',
  A: 'A',
  C: 'C',
  I: 'I',
  note: 'Comments'
};

const shown = (value: string | null): string => (value === null ? '(empty)' : JSON.stringify(value));

function printReview(p: RoundTripPreview, io: CliIo): void {
  const lines: string[] = [];
  const id = p.identity;
  lines.push(`${p.fileName}: Demarc export${id ? ` made at revision ${id.revision}${id.exportedAt ? ` (${id.exportedAt})` : ''}` : ''}; the workbook is at revision ${p.workbook.revision}`);
  const c = p.counts;
  lines.push(`${c.rows} rows read: ${c.changes} changes on ${c.assets} assets, ${c.conflicts} conflicts, ${c.apart} rows apart, ${c.errors} errors`);
  if (c.demarcOnly > 0) lines.push(`${c.demarcOnly} cells changed in Demarc since the export still show the exported value in the sheet: Demarc's values stand`);
  for (const group of p.groups) {
    lines.push(`${group.assetName} (#${group.assetId})`);
    for (const change of group.changes) {
      const where = change.layerTitle ? `${change.layerTitle} — ${FIELD_LABELS[change.field]}` : FIELD_LABELS[change.field];
      lines.push(`  ${change.cell}  ${where}: ${shown(change.before)} → ${shown(change.after)}`);
      const conflict = change.conflict;
      if (conflict) {
        const exported = conflict.atExportKnown ? shown(conflict.atExport) : '(not recorded)';
        lines.push(`    CONFLICT: at the export ${exported}; in Demarc now ${shown(conflict.inDemarc)}; in the sheet ${shown(conflict.inSheet)} — changed in Demarc by ${conflict.changedBy.join('; ')}`);
      }
    }
  }
  for (const row of p.apart) lines.push(`apart: ${row.cell}${row.assetName ? ` ${JSON.stringify(row.assetName)}` : ''}: ${row.reason}`);
  if (p.newParties.length > 0) lines.push(`New parties: ${p.newParties.join(', ')}`);
  for (const w of p.warnings) lines.push(`warning: ${w}`);
  io.stdout(`${lines.join('\n')}\n`);
}

/** Reviews and (unless a dry run) applies an edited export; answers the exit code. */
export async function runRoundTripImport(cli: CliRouter, path: string, flags: RoundTripFlags, io: CliIo): Promise<number> {
  const preview = await cli.call('roundtrip.preview', { path, anyWorkbook: flags.anyWorkbook, createParties: flags.createParties });
  if (preview === null) throw new UsageError('demarc import: no file given');
  if (flags.json) io.stdout(`${JSON.stringify(preview, null, 2)}\n`);
  else printReview(preview, io);
  if (!preview.canApply) {
    for (const e of preview.errors) io.stderr(`${e.message}\n`);
    io.stderr('demarc import: nothing was applied\n');
    return EXIT.usage;
  }
  const conflicts = preview.counts.conflicts;
  const unresolved = flags.accept === 'all' && flags.onConflict === 'fail' && conflicts > 0;
  if (unresolved) io.stderr(`demarc import: ${conflicts} conflict${conflicts === 1 ? '' : 's'} left open: choose --on-conflict sheet or workbook; nothing was applied\n`);
  if (flags.dryRun || unresolved) return unresolved ? EXIT.checkFailed : EXIT.ok;
  const reject = flags.accept === 'none' ? preview.groups.flatMap((g) => g.changes.map((c) => c.id)) : [];
  try {
    const result = await cli.call('roundtrip.apply', {
      token: preview.token,
      reject,
      ...(flags.onConflict === 'fail' ? {} : { onConflict: flags.onConflict })
    });
    if (!flags.json) io.stdout(`${result.summary}\n`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof DemarcError && error.code === 'RULE_VIOLATION') {
      io.stderr(`${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
