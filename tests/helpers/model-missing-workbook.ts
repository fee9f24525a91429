/**
 * The recipe of tests/fixtures/workbooks/model-missing.demarc: a real workbook made by the CLI
 * from a real inventory (nsc-infra's `az resource list`, UTF-16LE, 20 resources), then damaged by
 * hand with SQL as a bad merge or an older version would leave it: some assets name responsibility
 * models the workbook does not hold. Tests build a fresh one (at the current format) with it; the
 * committed file is rebuilt with `DEMARC_REBUILD_FIXTURES=1 npx vitest run tests/main/engine/model-missing.test.ts`.
 */
import Database from 'better-sqlite3';
import { columnOf } from '@main/store/asset-fields';
import { fixturePath } from './import-fixture';
import { cli } from './run-cli';

/** The damage: model id → the asset types named so (network: a lost custom model; storage: an old version's id). */
export const MISSING_MODELS = {
  'contoso-network-2025': 'Microsoft.Network/%',
  'microsoft-classic-2019': 'Microsoft.Storage/storageAccounts'
} as const;

/** The model chosen by hand for the virtual machine before the damage: present, so never a finding. */
export const KEPT_MODEL = 'microsoft-classic-2023';

export const INVENTORY = 'inventory/nsc-infra_az-resource-list-full_utf16le.json';

async function step(args: string[]): Promise<void> {
  const run = await cli(args);
  if (run.code !== 0) throw new Error(`demarc ${args.join(' ')} failed (${run.code}): ${run.stderr}`);
}

/** Builds the damaged workbook at `path` (a new file). */
export async function buildModelMissingWorkbook(path: string): Promise<void> {
  await step(['new', path, '--org', 'Contoso (damaged model references)']);
  await step(['import', path, fixturePath(INVENTORY)]);
  await step(['parties', path, 'add', 'Network Team', '--kind', 'team']);
  await step(['assign', path, '--where', 'type=Microsoft.Network/virtualNetworks', '--owner', 'Network Team']);
  await step(['override', path, '--asset', 'vnet-koreacentral-1', '--layer', 'network-controls', '--to', 'shared', '--why', 'The provider runs the perimeter firewall under contract']);
  await step(['assign', path, '--where', 'type=Microsoft.Compute/virtualMachines', '--model', KEPT_MODEL]);
  // The hand edit: with the workbook closed, as another tool would.
  const db = new Database(path, { fileMustExist: true });
  try {
    const model = columnOf('modelId');
    const type = columnOf('type');
    for (const [id, pattern] of Object.entries(MISSING_MODELS)) {
      db.prepare(`UPDATE assets SET ${model} = ? WHERE ${type} LIKE ?`).run(id, pattern);
    }
  } finally {
    db.close();
  }
}
