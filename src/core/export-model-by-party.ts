/**
 * The By party sheet: for every person, team, provider and third party, what they are Accountable
 * and Responsible for, per layer, with counts. Pure.
 */
import type { Report } from '../shared/report';
import type { ExportCell, ExportColumn, ExportSheet } from './export-model-cells';
import { KIND_LABELS, SHEET_NAMES, layerColumns, sheet, text } from './export-model-cells';

type Role = 'A' | 'R';

interface Tally {
  count: number;
  assets: string[];
  more: number;
}

type PerRole = Map<Role, Map<string, Tally>>;

/**
 * Assets named per row. A party accountable for a layer of 100k assets gets a readable sample and
 * a count, not a 32,767-character cell (which nobody reads and which would cost hundreds of MB
 * over all parties × layers); the RACI sheet, filtered by party, has the full list.
 */
export const BY_PARTY_ASSET_SAMPLE = 50;

/** One row per party × role × layer; parties with nothing assigned get one row saying so. */
export function byPartySheet(report: Report): ExportSheet {
  const layers = layerColumns(report);
  // party name → role → layer id → tally; Map keeps first-seen order, so output is deterministic.
  const tallies = new Map<string, PerRole>();
  for (const party of report.parties) tallies.set(party.name, new Map());
  for (const asset of report.assets) {
    for (const layer of asset.layers) {
      for (const role of ['A', 'R'] as const) {
        for (const name of layer[role]) {
          let perRole = tallies.get(name);
          if (!perRole) tallies.set(name, (perRole = new Map<Role, Map<string, Tally>>()));
          let perLayer = perRole.get(role);
          if (!perLayer) perRole.set(role, (perLayer = new Map<string, Tally>()));
          let tally = perLayer.get(layer.layerId);
          if (!tally) perLayer.set(layer.layerId, (tally = { count: 0, assets: [], more: 0 }));
          tally.count += 1;
          if (tally.assets.length < BY_PARTY_ASSET_SAMPLE) tally.assets.push(asset.name);
          else tally.more += 1;
        }
      }
    }
  }
  const partyByName = new Map(report.parties.map((p) => [p.name, p]));
  const rows: ExportCell[][] = [];
  for (const [name, perRole] of tallies) {
    const party = partyByName.get(name);
    const kind = party ? KIND_LABELS[party.kind] : 'not in party list';
    const active = !party
      ? null
      : party.active
        ? 'yes'
        : `no${party.leftAt ? ` (left ${party.leftAt})` : ''}`;
    let any = false;
    for (const role of ['A', 'R'] as const) {
      const perLayer = perRole.get(role);
      if (!perLayer) continue;
      const ordered = [...layers.keys()].filter((id) => perLayer.has(id));
      for (const layerId of ordered) {
        const tally = perLayer.get(layerId);
        if (!tally) continue;
        any = true;
        const list =
          tally.assets.join('; ') +
          (tally.more > 0 ? `; … and ${tally.more} more (filter the RACI sheet for all)` : '');
        rows.push([
          text(name),
          kind,
          active,
          role === 'A' ? 'Accountable' : 'Responsible',
          text(layers.get(layerId)),
          tally.count,
          text(list)
        ]);
      }
    }
    if (!any)
      rows.push([
        text(name),
        kind,
        active,
        null,
        null,
        0,
        'Not Accountable or Responsible for any asset layer'
      ]);
  }
  const columns: ExportColumn[] = [
    { header: 'Party', width: 26 },
    { header: 'Kind', width: 12 },
    { header: 'Active', width: 12 },
    { header: 'Role', width: 13 },
    { header: 'Layer', width: 30 },
    { header: 'Count', width: 8 },
    { header: 'Assets', width: 70, wrap: true }
  ];
  return sheet(SHEET_NAMES.byParty, columns, rows.length, () => rows);
}
