/**
 * The By party sheet: for every person, team, provider and third party, what they are Accountable
 * and Responsible for, per layer, with counts. Its tallies are taken a page of assets at a time in
 * the export's first pass (export-model-totals.ts), so the sheet is known before any is written.
 * Pure.
 */
import type { ReportAsset, ReportParty } from '@shared/report';
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

function activeLabel(party: ReportParty | undefined): string | null {
  if (!party) return null;
  return party.active ? 'yes' : `no${party.leftAt ? ` (left ${party.leftAt})` : ''}`;
}

/**
 * Who holds A and R on which layer, over the assets added so far (in id order). Parties appear
 * by first appearance (the party list, then names only found in assignments); one tally per
 * party × role × layer in a flat array: one Map lookup per name occurrence, which matters over a
 * million asset layers.
 */
export class PartyTally {
  private readonly layerIndex: Map<string, number>;
  private readonly partyIndex = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly tallies: (Tally | undefined)[] = [];
  private readonly slots: number;

  constructor(
    private readonly parties: readonly ReportParty[],
    private readonly layers: ReadonlyMap<string, string>
  ) {
    this.layerIndex = new Map([...layers.keys()].map((id, i) => [id, i]));
    this.slots = ROLES.length * layers.size;
    for (const party of parties) this.indexOf(party.name);
  }

  private indexOf(name: string): number {
    let index = this.partyIndex.get(name);
    if (index === undefined) {
      this.partyIndex.set(name, (index = this.names.length));
      this.names.push(name);
    }
    return index;
  }

  /** Counts one asset's Accountables and Responsibles. */
  add(asset: ReportAsset): void {
    const size = this.layers.size;
    for (const layer of asset.layers) {
      const l = this.layerIndex.get(layer.layerId) ?? 0;
      for (let r = 0; r < ROLES.length; r += 1) {
        for (const name of layer[ROLES[r] ?? 'A']) {
          const slot = this.indexOf(name) * this.slots + r * size + l;
          let tally = this.tallies[slot];
          if (!tally) this.tallies[slot] = tally = { count: 0, assets: [], more: 0 };
          tally.count += 1;
          if (tally.assets.length < BY_PARTY_ASSET_SAMPLE) tally.assets.push(asset.name);
          else tally.more += 1;
        }
      }
    }
  }

  /** One row per party × role × layer; parties with nothing assigned get one row saying so. */
  rows(): ExportCell[][] {
    const partyByName = new Map(this.parties.map((p) => [p.name, p]));
    const layerTitles = [...this.layers.values()];
    const size = this.layers.size;
    const rows: ExportCell[][] = [];
    this.names.forEach((name, p) => {
      const party = partyByName.get(name);
      const kind = party ? KIND_LABELS[party.kind] : 'not in party list';
      const active = activeLabel(party);
      let any = false;
      ROLES.forEach((role, r) => {
        layerTitles.forEach((title, l) => {
          const tally = this.tallies[p * this.slots + r * size + l];
          if (!tally) return;
          any = true;
          const more = tally.more > 0 ? `; … and ${tally.more} more (filter the RACI sheet for all)` : '';
          const label = role === 'A' ? 'Accountable' : 'Responsible';
          rows.push([text(name), kind, active, label, text(title), tally.count, text(tally.assets.join('; ') + more)]);
        });
      });
      if (!any) rows.push([text(name), kind, active, null, null, 0, 'Not Accountable or Responsible for any asset layer']);
    });
    return rows;
  }
}

const COLUMNS: ExportColumn[] = [
  { header: 'Party', width: 26 },
  { header: 'Kind', width: 12 },
  { header: 'Active', width: 12 },
  { header: 'Role', width: 13 },
  { header: 'Layer', width: 30 },
  { header: 'Count', width: 8 },
  { header: 'Assets', width: 70, wrap: true }
];

/** The By party sheet of a complete tally. */
export function byPartySheet(tally: PartyTally): ExportSheet {
  const rows = tally.rows();
  return sheet(SHEET_NAMES.byParty, COLUMNS, rows.length, () => rows);
}
