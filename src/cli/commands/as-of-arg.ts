/** `--as-of` of `demarc report` and `demarc check`: the argument's check and the lines that say what the answer stands on. */
import { AsOfSchema, type AsOfInfo } from '@shared/as-of';
import { UsageError } from '../io';

/** Refuses an --as-of that is neither a day, an instant nor an entry, before the workbook is opened. */
export function checkAsOfArg(command: string, value: string | undefined): void {
  if (value === undefined) return;
  const parsed = AsOfSchema.safeParse(value);
  if (!parsed.success) throw new UsageError(`demarc ${command}: --as-of ${JSON.stringify(value)}: give a date (2026-03-31), a date and time (2026-03-31T14:00:00Z) or a change-log entry (#123)`);
}

/** "As of …: entry #12 …; 3 later entries undone …" and each gap, for the text output. */
export function asOfLines(info: AsOfInfo): string {
  const lines = [
    `As of ${info.requested} (${info.at}): the workbook just after entry #${info.entry.id} (${info.entry.at}, ${info.entry.actor}: ${info.entry.summary})`,
    `  rebuilt from the change log (chain verified, head ${info.chainHead}): ${info.undone} later entr${info.undone === 1 ? 'y' : 'ies'} undone, ${info.assetsLeftOut} asset(s) created later left out`
  ];
  if (info.gaps.length === 0) lines.push('  every later entry was undone from its log: nothing is shown as it is now');
  for (const gap of info.gaps) lines.push(`  shown as it is now — entry #${gap.entryId} (${gap.at}, ${gap.actor}: ${gap.summary}): ${gap.reason}`);
  return `${lines.join('\n')}\n\n`;
}
