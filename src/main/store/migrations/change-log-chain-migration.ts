/** The code half of migration 0008_change_log_chain: hash the log written before the chain, then log the upgrade. */
import { GENESIS_HASH, UPGRADE_ACTION } from '@core/audit/chain';
import { entryHash, chainExistingLog, recordHead } from '../repos/change-log-chain';
import type { MigrationContext } from './index';

export function chainChangeLog({ db, fromVersion, now, actor }: MigrationContext): void {
  const head = chainExistingLog(db);
  // A new workbook has nothing to attest; an upgraded one records the upgrade as the chain's next entry.
  if (fromVersion === 0) return;
  const user = db.prepare(`SELECT value FROM meta WHERE key = 'user_name'`).get() as { value: string } | undefined;
  // Written in the table as it stands at format 8 (one column per field; 0018 stores the canonical JSON).
  const entry = {
    id: (head?.id ?? 0) + 1,
    at: now().toISOString(),
    actor: user?.value ?? actor,
    action: UPGRADE_ACTION,
    entity: 'workbook',
    entityId: null,
    summary: `Upgraded the workbook from format ${fromVersion} to 7: the change log is a hash chain from here on (${head?.id ?? 0} earlier entries hashed as they stood)`,
    before: null,
    after: JSON.stringify({ fromVersion, toVersion: 7, chainedEntries: head?.id ?? 0 })
  };
  const prev = head?.hash ?? GENESIS_HASH;
  const hash = entryHash(prev, entry);
  db.prepare(
    `INSERT INTO change_log (id, at, actor, action, entity, entity_id, summary, before_json, after_json, prev_hash, hash)
     VALUES (@id, @at, @actor, @action, @entity, @entityId, @summary, @before, @after, @prev, @hash)`
  ).run({ ...entry, prev, hash });
  recordHead(db, { id: entry.id, hash });
}
