import { parseArgs } from 'node:util';
import type { MergeItem, MergePlan } from '@shared/contract/merge';
import { carriedWords } from '@shared/merge-carried';
import { EXIT, UsageError, type CliIo } from '../io';
import { withWorkbook } from './workbook-arg';

export const MERGE_HELP = `Usage: demarc merge <file.demarc> <other.demarc...> [--take ours|theirs[:FIELD=VALUE]]... [--decide SLOT=ours|theirs]... [--dry-run] [--json]

Merges copies of this workbook edited elsewhere, one after the other, each from the point where
the two change logs part. A change made on one side applies; the same thing changed differently on
both sides is a conflict, listed with ancestor / ours / theirs and who changed each. Every conflict
must be decided, and the workbook's rules must hold on the result, or nothing is written.
  --take theirs              decide every conflict for their side (or ours)
  --take theirs:subscription=Finance
                             only conflicts on assets whose field has that value (first rule wins)
  --decide SLOT=ours         decide one conflict (its slot is listed by --dry-run)
  --dry-run                  show what merging each file into the workbook as it is would do; write nothing
  --json                     print the plan (and result) of each file as JSON: each conflict with its
                             slot, ancestor (the value where the copies parted, read from the change
                             logs; null when no entry since recorded it), ours, theirs, oursBy and
                             theirsBy ({ actor, at, summary } of the last entry that changed it)
Exit codes: 0 merged (or nothing new), 1 conflicts left undecided in a dry run, 2 refused.`;

type Side = 'ours' | 'theirs';
const SIDES: readonly string[] = ['ours', 'theirs'];

function parseTake(text: string): { side: Side; where?: { field: string; value: string } } {
  const [side, where] = text.split(/:(.*)/s, 2) as [string, string | undefined];
  if (!SIDES.includes(side)) throw new UsageError(`demarc merge: --take: "${text}" must start with ours or theirs`);
  if (where === undefined) return { side: side as Side };
  const eq = where.indexOf('=');
  if (eq <= 0) throw new UsageError(`demarc merge: --take: "${text}": write FIELD=VALUE after the colon, e.g. theirs:subscription=Finance`);
  return { side: side as Side, where: { field: where.slice(0, eq).trim(), value: where.slice(eq + 1).trim() } };
}

function parseDecide(text: string): [string, Side] {
  const eq = text.lastIndexOf('=');
  const side = text.slice(eq + 1);
  if (eq <= 0 || !SIDES.includes(side)) throw new UsageError(`demarc merge: --decide: "${text}" must be SLOT=ours or SLOT=theirs`);
  return [text.slice(0, eq), side as Side];
}

const by = (who: MergeItem['oursBy']): string => (who ? ` (${who.actor}, ${who.at.slice(0, 16).replace('T', ' ')})` : '');

function planText(plan: MergePlan): string {
  const lines = [
    `${plan.theirs.path}: parted from this workbook after entry ${plan.ancestor.entries} (${plan.ancestor.at.slice(0, 16).replace('T', ' ')}, ${plan.ancestor.actor}: ${plan.ancestor.summary})`,
    `  ${plan.newEntries} new entries of theirs, ${plan.ourEntries} of ours; ${plan.counts.theirs} of their changes apply, ${plan.counts.ours} of ours stay, ${plan.counts.conflicts} conflicts (${plan.counts.undecided} undecided)`
  ];
  const carried = carriedWords(plan.carried);
  if (carried.length > 0) lines.push(`  carried as they are: ${carried.join(', ')}`);
  for (const c of plan.conflicts) {
    lines.push(`  conflict ${c.slot}`, `    ${c.subject} · ${c.detail}${c.choice ? ` → ${c.choice} (${c.decidedBy})` : ' → undecided'}`);
    lines.push(`    ancestor: ${c.ancestor ?? 'not recorded'}`, `    ours:     ${c.ours}${by(c.oursBy)}`, `    theirs:   ${c.theirs}${by(c.theirsBy)}`);
    if (c.rule) lines.push(`    rule:     ${c.rule}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function runMerge(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      take: { type: 'string', multiple: true },
      decide: { type: 'string', multiple: true },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' }
    },
    allowPositionals: true,
    strict: true
  });
  if (positionals.length < 2) throw new UsageError('demarc merge: expected the workbook and at least one copy to merge, e.g. demarc merge acme.demarc acme-finance.demarc');
  const decisions = { rules: (values.take ?? []).map(parseTake), items: Object.fromEntries((values.decide ?? []).map(parseDecide)) };
  return withWorkbook('merge', positionals[0], io, async (cli) => {
    const out: unknown[] = [];
    let undecided = 0;
    for (const file of positionals.slice(1)) {
      const path = cli.path(file);
      if (values['dry-run']) {
        const plan = (await cli.call('merge.preview', { path, decisions }))!;
        undecided += plan.counts.undecided;
        if (values.json) out.push(plan);
        else io.stdout(planText(plan));
        continue;
      }
      const result = await cli.call('merge.apply', { path, decisions });
      if (values.json) out.push(result);
      else io.stdout(`${planText(result.plan)}${result.summary}\n`);
    }
    if (values.json) io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return undecided > 0 ? EXIT.checkFailed : EXIT.ok;
  });
}
