/**
 * The By party sheet: for every person, team, provider and third party, what they are Accountable
 * and Responsible for, per layer, with counts. Pure.
 */
import type { Report } from '@shared/report';
import type { ExportCell, ExportColumn, ExportSheet } from './export-model-cells';
import { KIND_LABELS, SHEET_NAMES, sheet, text } from './export-model-cells';

const ROLES = ['A', 'R'] as const;

interface Tally {
  count: number;
  assets: string[];
  more: number;
}

/**
 * Assets named per row. A party accountable for a layer of 100k assets gets a readable sample and
 * a count, not a 32,767-character cell (which nobody reads and which would cost hundreds of MB
 * over all parties × layers); the RACI sheet, filtered by party, has the full list.
 */
export const BY_PARTY_ASSET_SAMPLE = 50;

function activeLabel(party: Report['parties'][number] | undefined): string | null {
  if (!party) return null;
  return party.active ? 'yes' : `no${party.leftAt ? ` (left ${party.leftAt})` : ''}`;
}

/** One row per party × role × layer; parties with nothing assigned get one row saying so. */
export function byPartySheet(report: Report, layers: ReadonlyMap<string, string>): ExportSheet {
  const layerIndex = new Map([...layers.keys()].map((id, i) => [id, i]));
  // Parties by first appearance (the party list, then names only found in assignments), and one
  // tally per party × role × layer in a flat array: one Map lookup per name occurrence, which
  // matters over a million asset layers.
  const partyIndex = new Map<string, number>();
  const names: string[] = [];
  const tallies: (Tally | undefined)[] = [];
  const indexOf = (name: string): number => {
    let index = partyIndex.get(name);
    if (index === undefined) {
      partyIndex.set(name, (index = names.length));
      names.push(name);
    }
    return index;
  };
  for (const party of report.parties) indexOf(party.name);
  const slots = ROLES.length * layers.size;
  for (const asset of report.assets) {
    for (const layer of asset.layers) {
      const l = layerIndex.get(layer.layerId) ?? 0;
      for (let r = 0; r < ROLES.length; r += 1) {
        for (const name of layer[ROLES[r] ?? 'A']) {
          const slot = indexOf(name) * slots + r * layers.size + l;
          let tally = tallies[slot];
          if (!tally) tallies[slot] = tally = { count: 0, assets: [], more: 0 };
          tally.count += 1;
          if (tally.assets.length < BY_PARTY_ASSET_SAMPLE) tally.assets.push(asset.name);
          else tally.more += 1;
        }
      }
    }
  }
  const partyByName = new Map(report.parties.map((p) => [p.name, p]));
  const layerTitles = [...layers.values()];
  const rows: ExportCell[][] = [];
  names.forEach((name, p) => {
    const party = partyByName.get(name);
    const kind = party ? KIND_LABELS[party.kind] : 'not in party list';
    const active = activeLabel(party);
    let any = false;
    ROLES.forEach((role, r) => {
      layerTitles.forEach((title, l) => {
        const tally = tallies[p * slots + r * layers.size + l];
        if (!tally) return;
        any = true;
        const more = tally.more > 0 ? `; … and ${tally.more} more (filter the RACI sheet for all)` : '';
        const label = role === 'A' ? 'Accountable' : 'Responsible';
        rows.push([
          text(name),
          kind,
          active,
          label,
          text(title),
          tally.count,
          text(tally.assets.join('; ') + more)
        ]);
      });
    });
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
  });
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
