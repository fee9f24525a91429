/**
 * The pages of assets a Matrix sheet was compared with, kept for the RACI sheets that follow it, so
 * each asset is read from the workbook once rather than once per sheet: a page is a range of asset
 * ids with every asset in it (read by id range), each as far as the diff reads (DiffedAsset).
 * The RACI sheet names its assets in the same ascending order, so a page is let go once the RACI
 * rows are past it. The layers of assets with nothing of their own are one shared list per model,
 * service model and owner; the layers kept are counted (a shared list once), and past KEPT_LAYERS no
 * further page is kept (those assets are read again for the RACI sheet, as before), so a workbook
 * of heavily edited assets does not hold them all between the sheets.
 */
import type { DiffedAsset } from '@core/roundtrip/shown';

/** Layers that may be kept between the sheets, a list shared by many assets counted once: ~10,000 assets with every layer their own. */
export const KEPT_LAYERS = 100_000;

export interface KeptPage {
  from: number;
  to: number;
  assets: readonly DiffedAsset[];
}

export class KeptPages {
  private pages: KeptPage[] = [];
  /** The layer lists kept (a shared list once), and how many layers they hold. */
  private lists = new Set<DiffedAsset['layers']>();
  private layers = 0;
  private closed = false;

  constructor(private readonly limit = KEPT_LAYERS) {}

  /**
   * Keeps the page of every asset with an id from `from` to `to` — unless a page overlapping it
   * was kept (a sheet that went back in id order) or the limit is reached: then no further page is.
   */
  keep(from: number, to: number, assets: readonly DiffedAsset[]): void {
    if (this.closed) return;
    const last = this.pages[this.pages.length - 1];
    if (last !== undefined && from <= last.to) return this.close();
    for (const asset of assets) {
      if (this.lists.has(asset.layers)) continue;
      this.lists.add(asset.layers);
      this.layers += asset.layers.length;
    }
    if (this.layers > this.limit) return this.close();
    this.pages.push({ from, to, assets });
  }

  /** The kept page holding `id`, if any; the pages before it are let go (the rows come in ascending id order). */
  covering(id: number): KeptPage | undefined {
    // The RACI sheets have begun: the pages kept are all there will be.
    this.close();
    let first = 0;
    while (first < this.pages.length && this.pages[first]!.to < id) first++;
    if (first > 0) this.pages = this.pages.slice(first);
    const page = this.pages[0];
    return page !== undefined && page.from <= id ? page : undefined;
  }

  /** Keeps nothing more (what is kept still serves). */
  close(): void {
    this.closed = true;
    this.lists.clear();
  }

  /** Lets go of every page. */
  clear(): void {
    this.close();
    this.pages = [];
  }
}
