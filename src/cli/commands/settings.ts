import { parseArgs } from 'node:util';
import type { PartyListEntry } from '@shared/contract/engine';
import type { WorkbookInfo } from '@shared/contract/workbook';
import type { ResponsibilityModel } from '@shared/domain';
import type { CliRouter } from '../cli-router';
import { EXIT, UsageError, type CliIo } from '../io';
import { partyByName, withWorkbook } from './workbook-arg';

export const SETTINGS_HELP = `Usage: demarc settings <file.demarc> [get [KEY]] [--json]
       demarc settings <file.demarc> set KEY VALUE... [--json]

The workbook's settings, as Settings shows them in the app; set prints the setting it changed.
  get [KEY]                              all settings, or one: organisation, review-period-days,
                                         default-team
  set organisation NAME                  the organisation the workbook and its exports name
  set review-period-days N               how many days a review stays current (1 to 3650)
  set default-team LAYER PARTY|none      the person or team Responsible and Accountable by default
                                         on a layer of the default model (its id or title)
The person the change log names is not a setting of the workbook: --actor NAME, DEMARC_USER or
the OS user name.`;

const KEYS = ['organisation', 'review-period-days', 'default-team'] as const;
type Key = (typeof KEYS)[number];

const isKey = (value: string): value is Key => (KEYS as readonly string[]).includes(value);

function keyOf(value: string | undefined): Key {
  if (value !== undefined && isKey(value)) return value;
  const hint = value === 'user' || value === 'user-name' ? ' The person acting is named with --actor NAME or DEMARC_USER, never in the workbook.' : '';
  throw new UsageError(`demarc settings: ${value === undefined ? 'expected a setting' : `"${value}" is not a setting`}; use one of: ${KEYS.join(', ')}.${hint}`);
}

interface SettingsView {
  organisation: string;
  reviewPeriodDays: number;
  /** Layer id → the party's name. */
  defaultTeamPerLayer: Record<string, string>;
  actingAs: string;
}

function viewOf(info: WorkbookInfo, parties: readonly PartyListEntry[]): SettingsView {
  const nameOf = (id: number) => parties.find((p) => p.id === id)?.name ?? `party ${id}`;
  return {
    organisation: info.organisation,
    reviewPeriodDays: info.reviewPeriodDays,
    defaultTeamPerLayer: Object.fromEntries(Object.entries(info.defaultTeamPerLayer).map(([layer, id]) => [layer, nameOf(id)])),
    actingAs: info.userName
  };
}

/** The field of --json each setting is. */
const FIELD = {
  organisation: 'organisation',
  'review-period-days': 'reviewPeriodDays',
  'default-team': 'defaultTeamPerLayer'
} as const satisfies Record<Key, keyof SettingsView>;

function text(view: SettingsView, model: ResponsibilityModel, key?: Key): string {
  const teams = model.layers.filter((l) => view.defaultTeamPerLayer[l.id] !== undefined).map((l) => `  ${l.title} (${l.id}): ${view.defaultTeamPerLayer[l.id]}`);
  const lines: Record<Key, string[]> = {
    organisation: [`organisation:       ${view.organisation}`],
    'review-period-days': [`review-period-days: ${view.reviewPeriodDays}`],
    'default-team': teams.length > 0 ? ['default-team:', ...teams] : ['default-team:       none']
  };
  if (key) return lines[key].join('\n');
  return [...KEYS.flatMap((k) => lines[k]), `acting as:          ${view.actingAs} (this machine's, not stored in the workbook)`].join('\n');
}

async function current(cli: CliRouter): Promise<{ info: WorkbookInfo; model: ResponsibilityModel; parties: PartyListEntry[] }> {
  const info = await cli.call('workbook.current', {});
  if (info === null) throw new UsageError('demarc settings: no workbook is open');
  const [model, parties] = await Promise.all([cli.call('models.get', { id: info.defaultModelId }), cli.call('parties.list', {})]);
  return { info, model, parties };
}

function layerIn(model: ResponsibilityModel, ref: string): string {
  const wanted = ref.trim().toLowerCase();
  const layer = model.layers.find((l) => l.id === wanted || l.title.toLowerCase() === wanted);
  if (layer) return layer.id;
  throw new UsageError(`demarc settings: default-team: "${ref}" is not a layer of ${model.name}; use one of: ${model.layers.map((l) => l.id).join(', ')}.`);
}

async function set(cli: CliRouter, key: Key, args: string[]): Promise<void> {
  const [first, second] = args;
  const expect = (n: number, usage: string) => {
    if (args.length !== n || args.some((a) => a.trim() === '')) throw new UsageError(`demarc settings: set ${key} ${usage}`);
  };
  switch (key) {
    case 'organisation':
      expect(1, 'NAME');
      await cli.call('settings.update', { organisation: first! });
      return;
    case 'review-period-days': {
      expect(1, 'N (a whole number of days, 1 to 3650)');
      const days = Number(first);
      if (!/^\d+$/.test(first!) || days < 1 || days > 3650) throw new UsageError(`demarc settings: review-period-days: a whole number of days from 1 to 3650, not "${first}"`);
      await cli.call('settings.update', { reviewPeriodDays: days });
      return;
    }
    case 'default-team': {
      expect(2, 'LAYER PARTY|none');
      const { info, model, parties } = await current(cli);
      const layerId = layerIn(model, first!);
      const teams = { ...info.defaultTeamPerLayer };
      if (second!.trim().toLowerCase() === 'none') delete teams[layerId];
      else teams[layerId] = partyByName('settings', parties, second!, 'default-team').id;
      await cli.call('settings.update', { defaultTeamPerLayer: teams });
    }
  }
}

export async function runSettings(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean' } }, allowPositionals: true, strict: true });
  const [file, action = 'get', ...rest] = positionals;
  if (action !== 'get' && action !== 'set') throw new UsageError(`demarc settings: "${action}": use get or set`);
  if (action === 'get' && rest.length > 1) throw new UsageError('demarc settings: get takes at most one setting');
  const key = action === 'set' || rest.length === 1 ? keyOf(rest[0]) : undefined;
  return withWorkbook('settings', file, io, async (cli) => {
    if (action === 'set') await set(cli, key!, rest.slice(1));
    const { info, model, parties } = await current(cli);
    const view = viewOf(info, parties);
    if (values.json) {
      const json = key === undefined ? view : { [FIELD[key]]: view[FIELD[key]] };
      io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    } else io.stdout(`${text(view, model, key)}\n`);
    return EXIT.ok;
  });
}
