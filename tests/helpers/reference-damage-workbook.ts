/**
 * The recipe of tests/fixtures/workbooks/reference-damage.demarc: a real workbook made by the CLI
 * from a real inventory (nsc-infra's `az resource list`, UTF-16LE, 20 resources), then damaged by
 * hand with SQL, foreign keys off, as another SQLite tool, an old version or a bad merge leaves it:
 * a party removed while it still owns an asset and holds roles, and overrides, notes and RACI rows
 * on layers the assets' model (Microsoft 2026, the default) does not have. Tests build a fresh one
 * (at the current format) with it; the committed file is rebuilt with
 * `DEMARC_REBUILD_FIXTURES=1 npx vitest run tests/main/engine/reference-damage.test.ts`.
 */
import Database from 'better-sqlite3';
import { fixturePath } from './import-fixture';
import { cli } from './run-cli';

export const INVENTORY = 'inventory/nsc-infra_az-resource-list-full_utf16le.json';

/** The party removed by hand, with the id the workbook gave it. */
export const REMOVED_PARTY = { name: 'Dana Contractor', id: 3 } as const;

/** The damage, as the findings must name it. */
export const DAMAGE = {
  /** Dana owned the virtual machine and held these roles. */
  owned: ['flink'],
  roles: [
    { asset: 'flink', layerId: 'operating-system', role: 'R' },
    { asset: '2dtfinalteam4storagetest', layerId: 'customer-data', role: 'A' }
  ],
  /** The classic model's identity layer, kept by an old version after the default model changed. */
  classicLayer: { asset: 'vnet-koreacentral-1', layerId: 'identity-and-directory-infrastructure', holds: 'an override (shared) and a note' },
  /** A layer id no model has (a hand edit). */
  strayLayer: { asset: 'giwachainserver', layerId: 'legacy-app-layer', holds: 'a note and a RACI row (C)' }
} as const;

async function step(args: string[]): Promise<void> {
  const run = await cli(args);
  if (run.code !== 0) throw new Error(`demarc ${args.join(' ')} failed (${run.code}): ${run.stderr}`);
}

/** Builds the damaged workbook at `path` (a new file). */
export async function buildReferenceDamageWorkbook(path: string): Promise<void> {
  await step(['new', path, '--org', 'Contoso (damaged party and layer references)']);
  await step(['import', path, fixturePath(INVENTORY)]);
  await step(['parties', path, 'add', 'Platform Team', '--kind', 'team']);
  await step(['parties', path, 'add', REMOVED_PARTY.name, '--kind', 'person']);
  await step(['parties', path, 'add', 'Erik Data', '--kind', 'person']);
  await step(['assign', path, '--where', 'type=Microsoft.Compute/virtualMachines', '--owner', REMOVED_PARTY.name]);
  await step(['raci', path, '--asset', 'flink', '--layer', 'operating-system', '--R', `${REMOVED_PARTY.name},Platform Team`]);
  await step(['raci', path, '--asset', '2dtfinalteam4storagetest', '--layer', 'customer-data', '--A', REMOVED_PARTY.name, '--R', 'Platform Team']);
  await step(['override', path, '--asset', 'vnet-koreacentral-1', '--layer', 'network-controls', '--to', 'shared', '--why', 'The provider runs the perimeter firewall under contract']);
  await step(['note', path, '--asset', 'vnet-koreacentral-1', '--layer', 'network-controls', '--text', 'Firewall rules reviewed with the provider each quarter']);
  await step(['note', path, '--asset', 'giwachainserver', '--layer', 'applications', '--text', 'Schema owned by the data team']);
  await step(['raci', path, '--asset', 'giwachainserver', '--layer', 'applications', '--C', 'Erik Data']);
  // The hand edit: with the workbook closed and foreign keys off, as another SQLite tool would.
  const db = new Database(path, { fileMustExist: true });
  try {
    db.pragma('foreign_keys = OFF');
    const id = db.prepare('SELECT id FROM parties WHERE name = ?').pluck().get(REMOVED_PARTY.name);
    if (id !== REMOVED_PARTY.id) throw new Error(`${REMOVED_PARTY.name} has id ${String(id)}, not ${REMOVED_PARTY.id}`);
    db.prepare('DELETE FROM parties WHERE id = ?').run(REMOVED_PARTY.id);
    const asset = db.prepare('SELECT id FROM assets WHERE name = ?').pluck();
    const vnet = asset.get(DAMAGE.classicLayer.asset);
    db.prepare("UPDATE layer_overrides SET layer_id = ? WHERE asset_id = ? AND layer_id = 'network-controls'").run(DAMAGE.classicLayer.layerId, vnet);
    db.prepare("UPDATE layer_notes SET layer_id = ? WHERE asset_id = ? AND layer_id = 'network-controls'").run(DAMAGE.classicLayer.layerId, vnet);
    const server = asset.get(DAMAGE.strayLayer.asset);
    db.prepare("UPDATE layer_notes SET layer_id = ? WHERE asset_id = ? AND layer_id = 'applications'").run(DAMAGE.strayLayer.layerId, server);
    db.prepare("UPDATE raci_assignments SET layer_id = ? WHERE asset_id = ? AND layer_id = 'applications'").run(DAMAGE.strayLayer.layerId, server);
  } finally {
    db.close();
  }
}
