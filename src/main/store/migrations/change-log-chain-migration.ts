/** The code half of migration 0008_change_log_chain: hash the log written before the chain, then log the upgrade. */
import { UPGRADE_ACTION } from '@core/audit/chain';
import { appendChange } from '../repos/change-log';
import { chainExistingLog } from '../repos/change-log-chain';
import type { MigrationContext } from './index';

export function chainChangeLog({ db, fromVersion, now, actor }: MigrationContext): void {
  const head = chainExistingLog(db);
  // A new workbook has nothing to attest; an upgraded one records the upgrade as the chain's next entry.
  if (fromVersion === 0) return;
  const user = db.prepare(`SELECT value FROM meta WHERE key = 'user_name'`).get() as { value: string } | undefined;
  appendChange(db, {
    at: now().toISOString(),
    actor: user?.value ?? actor,
    action: UPGRADE_ACTION,
    entity: 'workbook',
    entityId: null,
    summary: `Upgraded the workbook from format ${fromVersion} to 7: the change log is a hash chain from here on (${head?.id ?? 0} earlier entries hashed as they stood)`,
    after: { fromVersion, toVersion: 7, chainedEntries: head?.id ?? 0 }
  });
}
