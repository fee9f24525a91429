/**
 * Issue 20, CLI parity: `demarc settings` shows and changes what Settings shows in the app —
 * organisation, review period, the default team per layer — each change one change-log entry;
 * the acting person is this machine's, never a setting of the workbook.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cli } from '@tests/helpers/run-cli';
import { seedParties } from '@tests/helpers/seed';
import { createTestWorkbook } from '@tests/helpers/workbook';

function workbook(): string {
  const t = createTestWorkbook({ organisation: 'Acme' });
  seedParties(t.wb.db, [
    { name: 'Platform Team', kind: 'team' },
    { name: 'Azure', kind: 'provider' }
  ]);
  t.close();
  return t.path;
}

const log = (path: string) => {
  const db = new Database(path, { readonly: true });
  const rows = db.prepare("SELECT actor, summary FROM change_log WHERE action = 'settings.update' ORDER BY id").all();
  db.close();
  return rows;
};

describe('demarc settings', () => {
  it('shows every setting, and who is acting (not stored in the workbook)', async () => {
    const path = workbook();
    const run = await cli(['settings', path]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      [
        'organisation:       Acme',
        'review-period-days: 365',
        'default-team:       none',
        "acting as:          cli-tester (this machine's, not stored in the workbook)",
        ''
      ].join('\n')
    );
    expect(JSON.parse((await cli(['settings', path, 'get', 'organisation', '--json'])).stdout)).toEqual({ organisation: 'Acme' });
  });

  it('sets the organisation, the review period and a default team, each logged once; none removes a team', async () => {
    const path = workbook();
    expect((await cli(['settings', path, 'set', 'organisation', 'Contoso Ltd'])).code).toBe(0);
    expect((await cli(['settings', path, 'set', 'review-period-days', '30'])).code).toBe(0);
    const team = await cli(['settings', path, 'set', 'default-team', 'Operating system', 'platform team', '--json'], undefined, { DEMARC_USER: 'Alice Martin' });
    expect(team.code, team.stderr).toBe(0);
    expect(JSON.parse(team.stdout)).toEqual({ defaultTeamPerLayer: { 'operating-system': 'Platform Team' } });
    expect(JSON.parse((await cli(['settings', path, '--json'], undefined, { DEMARC_USER: 'Alice Martin' })).stdout)).toEqual({
      organisation: 'Contoso Ltd',
      reviewPeriodDays: 30,
      defaultTeamPerLayer: { 'operating-system': 'Platform Team' },
      actingAs: 'Alice Martin'
    });
    expect((await cli(['settings', path, 'get', 'default-team'])).stdout).toBe('default-team:\n  Operating system (operating-system): Platform Team\n');
    // The same value again changes nothing and logs nothing.
    expect((await cli(['settings', path, 'set', 'organisation', 'Contoso Ltd'])).code).toBe(0);
    expect((await cli(['settings', path, 'set', 'default-team', 'operating-system', 'none'])).code).toBe(0);
    expect((await cli(['settings', path, 'get', 'default-team'])).stdout).toBe('default-team:       none\n');
    expect(log(path)).toEqual([
      { actor: 'cli-tester', summary: 'Settings: organisation → Contoso Ltd' },
      { actor: 'cli-tester', summary: 'Settings: review period → 30 days' },
      { actor: 'Alice Martin', summary: 'Settings: default team per layer' },
      { actor: 'cli-tester', summary: 'Settings: default team per layer' }
    ]);
  });

  it('refuses what is not a setting, a bad value, a layer or party it does not know, and a provider as default team', async () => {
    const path = workbook();
    const refused = async (args: string[]) => {
      const run = await cli(['settings', path, ...args]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      return run.stderr;
    };
    expect(await refused(['set', 'user', 'Bob'])).toBe(
      'demarc settings: "user" is not a setting; use one of: organisation, review-period-days, default-team. The person acting is named with --actor NAME or DEMARC_USER, never in the workbook.\n'
    );
    expect(await refused(['set', 'review-period-days', '0'])).toBe('demarc settings: review-period-days: a whole number of days from 1 to 3650, not "0"\n');
    expect(await refused(['set', 'default-team', 'roof', 'Platform Team'])).toMatch(/^demarc settings: default-team: "roof" is not a layer of .*; use one of: .*operating-system/);
    expect(await refused(['set', 'default-team', 'operating-system', 'Nobody'])).toMatch(/^demarc settings: default-team: no party is named "Nobody"/);
    expect(await refused(['set', 'default-team', 'operating-system', 'Azure'])).toMatch(/is not a person or team of this workbook/);
    expect(await refused(['set', 'organisation'])).toBe('demarc settings: set organisation NAME\n');
    expect(log(path)).toEqual([]);
  });
});
