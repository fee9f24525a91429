import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { MINUTES_FORMATS, type MinutesFormat } from '@shared/contract/workshop';
import { DemarcError } from '@shared/errors';
import { DECISION_KIND_LABELS, type WorkshopSummary } from '@shared/workshop';
import type { CliRouter } from '../cli-router';
import { EXIT, UsageError, type CliIo } from '../io';
import { withWorkbook } from './workbook-arg';

export const WORKSHOP_HELP = `Usage: demarc workshop <file.demarc> <action> ...

Workshops run in the app (Workshop area): a guided walk through decision groups, layer by layer,
decisions recorded with who was in the room. From the command line:
  list [--json]                          every workshop: date, title, status, progress
  show WORKSHOP [--json]                 its attendees, scope, groups, decisions and actions
  minutes WORKSHOP --out FILE [--page-per-group] [--json]
                                         write the minutes: FILE.pdf (printed with Chromium, Chrome
                                         or Edge; CHROMIUM_PATH names one), FILE.html or FILE.json
WORKSHOP is a workshop's id (as list shows it) or its exact title.`;

function line(w: WorkshopSummary): string {
  return `#${w.id}  ${w.heldOn}  ${w.title}  [${w.status}]  ${w.attendees.length} attendees, ${w.assets} assets in ${w.groups} groups, ${w.decidedSteps}/${w.steps} steps decided, ${w.openActions} open actions`;
}

export async function resolveWorkshop(cli: CliRouter, ref: string | undefined): Promise<number> {
  if (ref === undefined) throw new UsageError('demarc workshop: name the workshop (its id or title); `demarc workshop FILE list` shows them');
  const all = await cli.call('workshops.list', {});
  const byId = /^#?\d+$/.test(ref) ? all.find((w) => w.id === Number(ref.replace('#', ''))) : undefined;
  const found = byId ?? all.filter((w) => w.title.toLowerCase() === ref.toLowerCase());
  if (!Array.isArray(found)) return found.id;
  if (found.length === 1) return found[0]!.id;
  const known = all.map((w) => `#${w.id} "${w.title}"`).join(', ') || 'none';
  throw new DemarcError('NOT_FOUND', `${found.length > 1 ? 'several workshops are called' : 'no workshop is'} "${ref}" (workshops: ${known}); name it by id.`);
}

function minutesFormat(out: string): MinutesFormat {
  const ext = extname(out).slice(1).toLowerCase();
  if ((MINUTES_FORMATS as readonly string[]).includes(ext)) return ext as MinutesFormat;
  throw new UsageError(`demarc workshop minutes: --out ${out}: end the file name in .pdf, .html or .json`);
}

export async function runWorkshop(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean' }, out: { type: 'string' }, 'page-per-group': { type: 'boolean' } },
    allowPositionals: true,
    strict: true
  });
  const [file, action, ref, ...extra] = positionals;
  if (action === undefined) throw new UsageError('demarc workshop: expected a workbook file and an action: list, show or minutes');
  if (extra.length > 0) throw new UsageError(`demarc workshop: unexpected argument "${extra[0] ?? ''}"`);
  return withWorkbook('workshop', file, io, async (cli) => {
    switch (action) {
      case 'list': {
        const all = await cli.call('workshops.list', {});
        io.stdout(values.json ? `${JSON.stringify(all, null, 2)}\n` : all.length === 0 ? 'No workshop yet.\n' : `${all.map(line).join('\n')}\n`);
        return EXIT.ok;
      }
      case 'show': {
        const minutes = await cli.call('workshops.minutes', { id: await resolveWorkshop(cli, ref) });
        if (values.json) {
          io.stdout(`${JSON.stringify(minutes, null, 2)}\n`);
          return EXIT.ok;
        }
        const w = minutes.workshop;
        const lines = [line(w), `Scope: ${w.scopeLabel}`, `Attendees: ${w.attendees.map((a) => a.name).join(', ')}`, '', 'Decisions:'];
        for (const d of minutes.decisions) lines.push(`  ${d.groupLabel} › ${d.layerTitle}: ${DECISION_KIND_LABELS[d.kind]} — ${d.before} → ${d.after}${d.reason === null ? '' : ` (${d.reason})`}`);
        if (minutes.decisions.length === 0) lines.push('  none');
        lines.push('', 'Actions:');
        for (const a of minutes.actions) lines.push(`  ${a.title} — ${a.owner}, due ${a.dueOn}, ${a.closedAt === null ? 'open' : `closed ${a.closedAt.slice(0, 10)}`} (${a.groupLabel} › ${a.layerTitle})`);
        if (minutes.actions.length === 0) lines.push('  none');
        io.stdout(`${lines.join('\n')}\n`);
        return EXIT.ok;
      }
      case 'minutes': {
        if (values.out === undefined) throw new UsageError('demarc workshop minutes: --out FILE.pdf|.html|.json is required');
        const format = minutesFormat(values.out);
        const id = await resolveWorkshop(cli, ref);
        const saved = await cli.call('workshops.saveMinutes', { id, format, path: cli.path(values.out), pagePerGroup: values['page-per-group'] ?? false });
        if (saved === null) throw new UsageError('demarc workshop minutes: no file given');
        io.stdout(values.json ? `${JSON.stringify(saved, null, 2)}\n` : `${saved.path} (${saved.format}, ${saved.bytes} bytes): ${saved.decisions} decisions, ${saved.actions} actions\n`);
        return EXIT.ok;
      }
      default:
        throw new UsageError(`demarc workshop: unknown action "${action}": use list, show or minutes`);
    }
  });
}
