/**
 * The findings grouped by code with a few examples each (what `demarc check` prints), read from
 * the file a page of assets at a time, as the report is: the workbook's engine state (hundreds of
 * MB at 100k assets) is never loaded, and nothing the size of the inventory is held. The groups,
 * their order, fix and examples are those of findings.summary and findings.list over the loaded
 * state, whose findings come in the same order (asset by asset in id order).
 */
import { FINDING_TITLES, type Words } from '@core/finding-messages';
import { checkInto, type FindingSink } from '@core/findings';
import type { FindingAsset } from '@core/engine-input';
import type { EnginePages } from '@core/report';
import type { FindingGroup } from '@shared/contract/engine';
import type { FindingCode } from '@shared/domain';
import { findingPages } from '../engine/input';
import type { OpenWorkbook, ServiceContext } from './context';
import { worstFirst } from './findings';

/** One example finding of a group. */
export interface FindingExample {
  assetId: number;
  asset: string;
  layerId: string | null;
  message: string;
}

export interface FindingDigestGroup extends FindingGroup {
  /** The group's first findings, asset by asset in id order. */
  examples: FindingExample[];
}

/**
 * Every finding code present, worst first, with its count, distinct assets, title, fix and its
 * first `examples` findings.
 */
export function findingDigest(wb: OpenWorkbook, ctx: ServiceContext, examples: number, pageSize?: number): FindingDigestGroup[] {
  return findingDigestOf(findingPages(wb, ctx, pageSize).pages, examples);
}

/**
 * The digest of any pass over pages of engine input (the file's, or the workbook as it was). The
 * words of a finding are made only for the examples printed and each group's fix (its first
 * finding's): at 100k assets, a few dozen of some 150,000.
 */
export function findingDigestOf(pages: EnginePages<FindingAsset>, examples: number): FindingDigestGroup[] {
  const groups = new Map<FindingCode, FindingDigestGroup & { lastAssetId: number }>();
  const sink: FindingSink = {
    add(asset, code, severity, layerId, text) {
      let group = groups.get(code);
      let words: Words | undefined;
      if (group === undefined) {
        words = text();
        group = { code, severity, count: 0, assets: 0, title: FINDING_TITLES[code], fix: words.fix, examples: [], lastAssetId: -1 };
        groups.set(code, group);
      }
      group.count++;
      // Findings come asset by asset in id order: a new asset id is a new asset for the group.
      if (asset.id !== group.lastAssetId) {
        group.assets++;
        group.lastAssetId = asset.id;
      }
      if (group.examples.length < examples) group.examples.push({ assetId: asset.id, asset: asset.name, layerId, message: (words ?? text()).message });
    }
  };
  for (const page of pages()) checkInto(page, sink);
  return [...groups.values()].sort(worstFirst).map(({ lastAssetId: _last, ...group }) => group);
}
