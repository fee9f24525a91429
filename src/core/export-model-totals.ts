/**
 * The export's first pass: what the Cover counts and the By party sheet lists, tallied a page at
 * a time before any sheet is written. The Cover comes first in the workbook and in the content
 * hash, so its numbers must be known before the rows they count are streamed. Pure.
 */
import type { Responsibility, ServiceModel, Severity } from '@shared/domain';
import type { ReportAsset, ReportFinding, ReportHead } from '@shared/report';
import { PartyTally } from './export-model-by-party';
import { layerColumns } from './export-model-cells';

/** The Cover's counts. */
export interface CoverCounts {
  assets: number;
  perServiceModel: Map<ServiceModel | null, number>;
  /** Asset layers per responsibility that applies. */
  perResponsibility: Map<Responsibility, number>;
  overridden: number;
  findingsBySeverity: Record<Severity, number>;
}

/** Everything the sheets need to know before they are written, taken one page at a time. */
export class ExportTally {
  readonly layers: Map<string, string>;
  readonly cover: CoverCounts = {
    assets: 0,
    perServiceModel: new Map(),
    perResponsibility: new Map(),
    overridden: 0,
    findingsBySeverity: { error: 0, warning: 0, info: 0 }
  };
  readonly byParty: PartyTally;
  /** Rows of the RACI table: asset layers. */
  raciRows = 0;
  findings = 0;

  constructor(readonly head: ReportHead) {
    this.layers = layerColumns(head);
    this.byParty = new PartyTally(head.parties, this.layers);
  }

  addAssets(page: readonly ReportAsset[]): void {
    const { perServiceModel, perResponsibility } = this.cover;
    for (const asset of page) {
      this.cover.assets += 1;
      perServiceModel.set(asset.serviceModel, (perServiceModel.get(asset.serviceModel) ?? 0) + 1);
      for (const layer of asset.layers) {
        perResponsibility.set(layer.responsibility, (perResponsibility.get(layer.responsibility) ?? 0) + 1);
        if (layer.overridden) this.cover.overridden += 1;
      }
      this.raciRows += asset.layers.length;
      this.byParty.add(asset);
    }
  }

  addFindings(page: readonly ReportFinding[]): void {
    for (const finding of page) this.cover.findingsBySeverity[finding.severity] += 1;
    this.findings += page.length;
  }
}
