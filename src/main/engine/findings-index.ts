/**
 * The findings of a loaded workbook, by asset. Findings depend on one asset at a time (its own
 * fields, overrides and assignments; parties, models and settings are shared), so an edit that
 * touched a few assets replaces their findings and leaves the other 100k as they are. The flat
 * list in asset order (the Findings area, the dashboard's counts) is rebuilt only when asked for.
 */
import type { Finding, FindingCode, Severity } from '@shared/domain';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export class FindingsIndex {
  readonly byAsset = new Map<number, Finding[]>();
  readonly codes = new Map<number, Set<FindingCode>>();
  /** Index into SEVERITIES of each asset's worst finding (0 = error). */
  readonly worst = new Map<number, number>();
  private flat: Finding[] | null;

  /**
   * @param findings every finding, in asset order
   * @param order the asset ids in input order, to rebuild the flat list after a replacement
   */
  constructor(
    findings: Finding[],
    private readonly order: () => readonly { id: number }[]
  ) {
    this.flat = findings;
    for (const f of findings) this.add(f);
  }

  private add(f: Finding): void {
    const list = this.byAsset.get(f.assetId);
    if (list === undefined) {
      this.byAsset.set(f.assetId, [f]);
      this.codes.set(f.assetId, new Set([f.code]));
      this.worst.set(f.assetId, RANK[f.severity]);
    } else {
      list.push(f);
      this.codes.get(f.assetId)?.add(f.code);
      if (RANK[f.severity] < (this.worst.get(f.assetId) ?? 3)) this.worst.set(f.assetId, RANK[f.severity]);
    }
  }

  /** Every finding, in asset order then in the order the core found them. */
  get all(): Finding[] {
    if (this.flat === null) {
      const flat: Finding[] = [];
      for (const { id } of this.order()) {
        const list = this.byAsset.get(id);
        if (list !== undefined) for (const f of list) flat.push(f);
      }
      this.flat = flat;
    }
    return this.flat;
  }

  /** Replaces the findings of these assets with `findings` (which must be theirs). */
  replace(assetIds: Iterable<number>, findings: readonly Finding[]): void {
    for (const id of assetIds) {
      this.byAsset.delete(id);
      this.codes.delete(id);
      this.worst.delete(id);
    }
    for (const f of findings) this.add(f);
    this.flat = null;
  }
}
