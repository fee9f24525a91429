/**
 * What Demarc changed after an export was made, read from the change log since the export's
 * revision, cell by cell: each entry is turned into the row operations that take the workbook back
 * to before it (its logged `before`: the edit's reverse operations, or the rows it replaced), so
 * the assets an edited sheet names can be rewound to the export and each cell's value at export
 * compared with Demarc's now and the sheet's. An entry whose effect cannot be read back from what
 * it logged (an inventory import, a model change, a merge, a workshop decision) makes the cells it
 * may have changed *unknown*: a sheet edit there is a conflict, never applied silently. Pure.
 */
import type { Asset, ChangeLogEntry, RaciAssignment } from '@shared/domain';
import type { RoundTripField } from '@shared/contract/roundtrip';
import { assetIdsOf, entryChange, type BackOp } from '../audit/entry-change';
import type { EngineInput } from '../engine-input';

/** A row operation that takes one step back (the operations of an entry's way back that touch cells). */
export type Rewind = Extract<
  BackOp,
  { op: 'patchAssets' | 'putOverride' | 'deleteOverride' | 'putNote' | 'deleteNote' | 'putAssignments' | 'deleteAssignments' }
>;

/** The cells of the round trip an unreadable entry may have changed. */
const EVERY_FIELD: readonly RoundTripField[] = ['owner', 'serviceModel', 'responsibility', 'justification', 'R', 'A', 'C', 'I', 'note'];
/** What an inventory import writes, directly or through the owner and service model. */
const IMPORTED: readonly RoundTripField[] = ['owner', 'serviceModel', 'responsibility', 'R', 'A', 'C', 'I'];
const ROLES: readonly RoundTripField[] = ['R', 'A', 'C', 'I'];
const DECIDED: readonly RoundTripField[] = ['responsibility', 'justification', 'R', 'A', 'C', 'I'];

/** Cells an entry may have changed without saying how: on these assets (null: every asset), layer (null: any). */
interface Unknown {
  label: string;
  ids: ReadonlySet<number> | null;
  layerId: string | null;
  fields: readonly RoundTripField[];
}

/** One entry as read: its label and the way back, per asset. */
interface Step {
  /** Its place in the log (rewound newest first). */
  seq: number;
  label: string;
  rewinds: Rewind[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const numbers = (v: unknown): number[] => (Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : []);

/** Records a workbook keeps beside the sheet's cells (parties, workshops' decisions and actions): passed over. */
const NO_CELLS = new Set(['putParty', 'deleteParty', 'putDecision', 'deleteDecision', 'putAction', 'deleteAction']);

/**
 * The way back from one asset-level entry, kept to what touches cells (core/audit/entry-change.ts
 * reads it); null when it cannot be read: the entry logged no previous value of something it
 * changed, moved assets to another model, or did something no cell shows the way back of.
 */
function rewindsOf(entry: ChangeLogEntry): Rewind[] | null {
  const change = entryChange(entry);
  if (change.gap !== undefined) return null;
  const out: Rewind[] = [];
  for (const op of change.back) {
    const name = op.op === 'record' ? op.logged.op : op.op;
    if (NO_CELLS.has(name)) continue;
    if (op.op === 'record' || op.op === 'putParty' || op.op === 'deleteParty') return null;
    out.push(op);
  }
  // An entry read as parties alone is a party's change, not an asset's: no way back for cells to follow.
  return out.length === 0 && change.back.some((op) => op.op === 'putParty' || op.op === 'deleteParty') ? null : out;
}

/** The assets an entry names (its entity id, or the ids it logged). */
function idsNamed(entry: ChangeLogEntry): number[] {
  const ids = new Set<number>();
  if (entry.entity === 'asset' && entry.entityId !== null && /^\d+$/.test(entry.entityId)) ids.add(Number(entry.entityId));
  for (const side of [entry.before, entry.after]) if (isRecord(side)) for (const id of numbers(side.ids)) ids.add(id);
  return [...ids];
}

/** What the change log says happened since an export. */
export class SinceExport {
  /** The entries that changed each asset, oldest first (one entry is shared by every asset it changed). */
  private readonly steps = new Map<number, Step[]>();
  private readonly unknowns: Unknown[] = [];
  readonly warnings: string[] = [];

  constructor(entries: readonly ChangeLogEntry[]) {
    const news: string[] = [];
    for (const entry of entries) {
      const label = `${entry.at} ${entry.actor}: ${entry.summary}`;
      const [family] = entry.action.split('.');
      if (entry.action === 'import.apply') {
        this.unknowns.push({ label, ids: null, layerId: null, fields: IMPORTED });
      } else if (entry.action === 'settings.update') {
        const teams = (side: unknown) => JSON.stringify(isRecord(side) ? (side.defaultTeamPerLayer ?? null) : null);
        if (teams(entry.before) !== teams(entry.after)) this.unknowns.push({ label, ids: null, layerId: null, fields: ROLES });
      } else if (family === 'models' || entry.action === 'workbook.merge') {
        this.unknowns.push({ label, ids: null, layerId: null, fields: EVERY_FIELD });
      } else if (entry.entity === 'asset' || entry.action === 'parties.reassign' || (entry.action.startsWith('history.') && entry.entity === 'party')) {
        this.readAssetEntry(entry, label);
        continue;
      } else if (family === 'parties' || entry.entity === 'party') {
        news.push(label);
      }
      // Sign-offs, workshops' records, control mappings, copies: no cell of the sheet holds them.
    }
    if (news.length > 0) {
      this.warnings.push(
        `Since the export the parties changed (${news.length} change${news.length === 1 ? '' : 's'}: ${news.slice(0, 3).join('; ')}${news.length > 3 ? '…' : ''}): a name renamed since reads as the party's new name, or as no party; check those cells.`
      );
    }
  }

  private readAssetEntry(entry: ChangeLogEntry, label: string): void {
    const rewinds = entry.action === 'workshops.decide' ? null : rewindsOf(entry);
    if (rewinds === null) {
      const ids = idsNamed(entry);
      const layerId = isRecord(entry.after) && typeof entry.after.layerId === 'string' ? entry.after.layerId : null;
      const fields = entry.action === 'workshops.decide' ? DECIDED : EVERY_FIELD;
      this.unknowns.push({ label, ids: ids.length === 0 ? null : new Set(ids), layerId, fields });
      return;
    }
    const step: Step = { seq: entry.id, label, rewinds };
    for (const id of new Set(rewinds.flatMap(assetIdsOf))) {
      const steps = this.steps.get(id) ?? [];
      this.steps.set(id, steps);
      steps.push(step);
    }
  }

  /** Whether the log holds anything that changed this asset. */
  touches(assetId: number): boolean {
    return this.steps.has(assetId);
  }

  /** The entries that may have changed a cell without saying how (empty: the cell can be rewound). */
  unknownFor(assetId: number, layerId: string | null, field: RoundTripField): string[] {
    return this.unknowns.filter((u) => (u.ids === null || u.ids.has(assetId)) && (u.layerId === null || layerId === null || u.layerId === layerId) && u.fields.includes(field)).map((u) => u.label);
  }

  /** The entries that changed an asset (on a layer, or the asset itself: its owner, service model). */
  changedBy(assetId: number, layerId: string | null): string[] {
    const at = (a: number, l: string) => a === assetId && (layerId === null || l === layerId);
    const touchesLayer = (r: Rewind): boolean =>
      r.op === 'patchAssets' ? r.ids.includes(assetId) : 'row' in r ? at(r.row.assetId, r.row.layerId) : 'rows' in r ? r.rows.some((x) => at(x.assetId, x.layerId)) : at(r.assetId, r.layerId);
    return (this.steps.get(assetId) ?? []).filter((s) => s.rewinds.some(touchesLayer)).map((s) => s.label);
  }

  /**
   * The page as it was at the export: its assets' fields, overrides, roles and notes rewound
   * through every entry since, newest first (what they share — parties, models, settings — is
   * today's).
   */
  rewind(page: EngineInput): EngineInput {
    const ids = new Set(page.assets.map((a) => a.id).filter((id) => this.steps.has(id)));
    if (ids.size === 0) return page;
    const assets = new Map(page.assets.map((a) => [a.id, a]));
    const key = (assetId: number, layerId: string) => `${assetId}|${layerId}`;
    const overrides = new Map(page.overrides.map((o) => [key(o.assetId, o.layerId), o]));
    const notes = new Map((page.notes ?? []).map((n) => [key(n.assetId, n.layerId), n]));
    const roleKey = (a: RaciAssignment) => `${a.assetId}|${a.layerId}|${a.role}|${a.partyId}`;
    const roles = new Map(page.assignments.map((a) => [roleKey(a), a]));
    const mine = (assetId: number) => ids.has(assetId);
    const steps = [...new Set([...ids].flatMap((id) => this.steps.get(id)!))].sort((a, b) => b.seq - a.seq);
    for (const step of steps) {
      for (const r of step.rewinds) {
        switch (r.op) {
          case 'patchAssets':
            for (const id of r.ids) {
              const asset = assets.get(id);
              if (asset !== undefined && mine(id)) assets.set(id, { ...asset, ...(r.patch as Partial<Asset>) });
            }
            break;
          case 'putOverride':
            if (mine(r.row.assetId)) overrides.set(key(r.row.assetId, r.row.layerId), r.row);
            break;
          case 'deleteOverride':
            overrides.delete(key(r.assetId, r.layerId));
            break;
          case 'putNote':
            if (mine(r.row.assetId)) notes.set(key(r.row.assetId, r.row.layerId), r.row);
            break;
          case 'deleteNote':
            notes.delete(key(r.assetId, r.layerId));
            break;
          case 'putAssignments':
            for (const row of r.rows) if (mine(row.assetId)) roles.set(roleKey(row), row);
            break;
          case 'deleteAssignments':
            for (const row of r.rows) roles.delete(roleKey(row));
            break;
        }
      }
    }
    return { ...page, assets: page.assets.map((a) => assets.get(a.id)!), overrides: [...overrides.values()], notes: [...notes.values()], assignments: [...roles.values()] };
  }
}
