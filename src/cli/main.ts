/**
 * `demarc <command>`: parses arguments and calls the same router and services as the app.
 * Exit codes: 0 success, 1 a check failed, 2 bad input or usage (one clear line on stderr).
 */
import { DemarcError } from '@shared/errors';
import { ASSIGN_HELP, runAssign } from './commands/assign';
import { CHECK_HELP, runCheck } from './commands/check';
import { DIFF_HELP, runDiff } from './commands/diff';
import { COPY_HELP, runCopy } from './commands/copy';
import { EXPORT_HELP, runExport } from './commands/export';
import { IMPORT_HELP, runImport } from './commands/import';
import { INFO_HELP, runInfo } from './commands/info';
import { LOG_HELP, runLog } from './commands/log';
import { MAPPING_HELP, runMapping } from './commands/mapping';
import { MODELS_HELP, runModels } from './commands/models';
import { MERGE_HELP, runMerge } from './commands/merge';
import { NEW_HELP, runNew } from './commands/new';
import { NOTE_HELP, runNote } from './commands/note';
import { REPAIR_HELP, runRepair } from './commands/repair';
import { OVERRIDE_HELP, runOverride } from './commands/override';
import { PARTIES_HELP, runParties } from './commands/parties';
import { PICTURE_HELP, runPicture } from './commands/picture';
import { RACI_HELP, runRaci } from './commands/raci';
import { REPORT_HELP, runReport } from './commands/report';
import { VERIFY_HELP, runVerify } from './commands/verify';
import { SIGNOFF_HELP, runSignoff } from './commands/signoff';
import { KEY_HELP, runKey } from './commands/key';
import { WORKSHOP_HELP, runWorkshop } from './commands/workshop';
import { SETTINGS_HELP, runSettings } from './commands/settings';
import { SETS_HELP, runSets } from './commands/sets';
import { EXIT, EXIT_CODE_OF, UsageError, type CliIo } from './io';

export interface CliCommand {
  summary: string;
  help: string;
  run: (args: string[], io: CliIo) => Promise<number>;
}

export const COMMANDS: Record<string, CliCommand> = {
  new: { summary: 'create a workbook', help: NEW_HELP, run: runNew },
  info: { summary: 'show a workbook’s format, organisation and counts', help: INFO_HELP, run: runInfo },
  import: { summary: 'import an asset inventory (az/ARM/Resource Graph JSON, CSV, xlsx), or review and apply an edited RACI export', help: IMPORT_HELP, run: runImport },
  report: { summary: 'who carries each layer of each asset, with RACI and findings', help: REPORT_HELP, run: runReport },
  check: { summary: 'list findings by code; exit 1 on any error', help: CHECK_HELP, run: runCheck },
  assign: { summary: 'set service model, model, owner or reviewed on every asset matching a filter', help: ASSIGN_HELP, run: runAssign },
  parties: { summary: 'list, add, leave or reassign parties', help: PARTIES_HELP, run: runParties },
  override: { summary: 'override one layer of one asset, with a justification', help: OVERRIDE_HELP, run: runOverride },
  raci: { summary: 'set R, A, C, I on one layer of one asset', help: RACI_HELP, run: runRaci },
  note: { summary: 'write (or remove) the note on one layer of one asset', help: NOTE_HELP, run: runNote },
  repair: { summary: 'list rows naming a missing party or a layer the model lacks, and remove, reassign or move them', help: REPAIR_HELP, run: runRepair },
  export: { summary: 'write the audit RACI workbook (xlsx), the RACI table (CSV), or a CCM / FedRAMP / OSCAL SSP view', help: EXPORT_HELP, run: runExport },
  picture: { summary: 'draw the demarcation line with the workbook’s numbers, as SVG or PNG', help: PICTURE_HELP, run: runPicture },
  mapping: { summary: 'show, save, import or reset the layer → control mapping', help: MAPPING_HELP, run: runMapping },
  models: { summary: 'list the responsibility models; set the default model or a provider’s model', help: MODELS_HELP, run: runModels },
  signoff: { summary: 'sign off a scope (asset × layer, asset, filter, workbook), or list sign-offs and whether they still hold', help: SIGNOFF_HELP, run: runSignoff },
  key: { summary: 'show or create your signing key (Ed25519, kept on this computer) that signs your sign-offs', help: KEY_HELP, run: runKey },
  diff: { summary: 'what changed between two dates, per asset and layer, from the change log', help: DIFF_HELP, run: runDiff },
  verify: { summary: 'check the change log’s hash chain (and against an earlier export); exit 1 on any break', help: VERIFY_HELP, run: runVerify },
  workshop: { summary: 'list workshops, show one, write its minutes (PDF, HTML, JSON)', help: WORKSHOP_HELP, run: runWorkshop },
  sets: { summary: 'list, show, save, rename or delete saved sets (a named filter or selection; --where set=NAME)', help: SETS_HELP, run: runSets },
  copy: { summary: 'save a copy of the workbook for someone to edit offline (--for LABEL)', help: COPY_HELP, run: runCopy },
  merge: { summary: 'merge copies edited offline: three-way, every conflict decided, rules kept', help: MERGE_HELP, run: runMerge },
  log: { summary: 'the change log: who changed what and when, for the workbook or one asset', help: LOG_HELP, run: runLog },
  settings: { summary: 'show or change the workbook’s settings (organisation, review period, default teams)', help: SETTINGS_HELP, run: runSettings }
};

function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const list = Object.entries(COMMANDS)
    .map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`)
    .join('\n');
  return `Usage: demarc <command> [options]

Demarc: who is responsible for each layer of each asset, provider or customer, and who is accountable.

Commands:
${list}

Every command takes --help and --json. Exit codes: 0 ok, 1 a check failed, 2 bad input or usage.
The change log names the person at this machine: --actor NAME (any command), else the
DEMARC_USER environment variable, else the OS user name. A workbook never stores it.`;
}

/**
 * Takes the global `--actor NAME` (or `--actor=NAME`) out of a command's arguments: the person the
 * change log names, passed on as DEMARC_USER.
 */
function withActor(args: string[], io: CliIo): { args: string[]; io: CliIo } {
  const rest: string[] = [];
  let actor: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--actor') {
      actor = args[++i];
      if (actor === undefined || actor.trim() === '') throw new UsageError('demarc: --actor needs a name (--actor "Alice Martin").');
    } else if (arg.startsWith('--actor=')) actor = arg.slice('--actor='.length);
    else rest.push(arg);
  }
  if (actor !== undefined && actor.trim() === '') throw new UsageError('demarc: --actor needs a name (--actor "Alice Martin").');
  return { args: rest, io: actor === undefined ? io : { ...io, env: { ...io.env, DEMARC_USER: actor.trim() } } };
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${mainHelp()}\n`);
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${__DEMARC_VERSION__}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`demarc: unknown command "${name}". Run demarc --help for the list.\n`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.help}\n`);
    return EXIT.ok;
  }
  try {
    const acting = withActor(rest, io);
    return await command.run(acting.args, acting.io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof UsageError) {
      io.stderr(`${message}\n`);
      return EXIT.usage;
    }
    if (error instanceof DemarcError) {
      io.stderr(`demarc ${name}: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
      return EXIT_CODE_OF[error.code];
    }
    // node:util parseArgs reports unknown options with ERR_PARSE_ARGS_* codes.
    if (typeof (error as { code?: unknown }).code === 'string' && String((error as { code: string }).code).startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`demarc ${name}: ${message}. Run demarc ${name} --help.\n`);
      return EXIT.usage;
    }
    io.stderr(`demarc ${name}: unexpected error: ${message}\n`);
    return EXIT.checkFailed;
  }
}
