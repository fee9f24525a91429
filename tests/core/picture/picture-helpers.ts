/** Hand-made workbooks for the picture's truth tables, and reading its SVG back as XML. */
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import type { Asset, LayerOverride, Party, RaciAssignment, ResponsibilityModel } from '@shared/domain';
import { composeAggregates, type PictureFacts } from '@core/picture/aggregates';
import { drawPicture } from '@core/picture/draw';
import type { PictureDrawing } from '@shared/picture';
import { parties as defaultParties } from '@tests/helpers/builders';

export interface HandMade {
  model: ResponsibilityModel;
  assets: Asset[];
  overrides?: LayerOverride[];
  assignments?: RaciAssignment[];
  parties?: Party[];
  defaultTeamPerLayer?: Record<string, number>;
}

/**
 * The facts SQL would read, grouped here from plain rows (the SQL itself is proven against the
 * engine in tests/main/picture): per (service model, owner), and per asset × layer exception.
 */
export function factsOf(workbook: HandMade): PictureFacts {
  const groups = new Map<string, PictureFacts['groups'][number]>();
  for (const a of workbook.assets) {
    const key = `${a.serviceModel}|${a.ownerPartyId}`;
    const group = groups.get(key) ?? { serviceModel: a.serviceModel, owner: a.ownerPartyId, assets: 0 };
    group.assets++;
    groups.set(key, group);
  }
  const exceptions = new Map<string, PictureFacts['exceptions'][number]>();
  const byPair = new Map<string, { override: LayerOverride['responsibility'] | null; accountable: number[]; asset: Asset }>();
  const assetOf = (id: number) => workbook.assets.find((a) => a.id === id)!;
  for (const o of workbook.overrides ?? []) {
    const pair = byPair.get(`${o.assetId}|${o.layerId}`) ?? { override: null, accountable: [], asset: assetOf(o.assetId) };
    pair.override = o.responsibility;
    byPair.set(`${o.assetId}|${o.layerId}`, pair);
  }
  for (const r of workbook.assignments ?? []) {
    if (r.role !== 'A') continue;
    const pair = byPair.get(`${r.assetId}|${r.layerId}`) ?? { override: null, accountable: [], asset: assetOf(r.assetId) };
    pair.accountable.push(r.partyId);
    byPair.set(`${r.assetId}|${r.layerId}`, pair);
  }
  for (const [key, pair] of byPair) {
    const layerId = key.slice(key.indexOf('|') + 1);
    const accountable = [...pair.accountable].sort((x, y) => x - y);
    const exKey = `${pair.asset.serviceModel}|${pair.asset.ownerPartyId}|${layerId}|${pair.override}|${accountable.join(',')}`;
    const ex = exceptions.get(exKey) ?? { serviceModel: pair.asset.serviceModel, owner: pair.asset.ownerPartyId, layerId, override: pair.override, accountable, assets: 0 };
    ex.assets++;
    exceptions.set(exKey, ex);
  }
  return { groups: [...groups.values()], exceptions: [...exceptions.values()], scopeAssets: workbook.assets.length };
}

/** Draws a hand-made workbook (or one of its assets) as the app does. */
export function drawHandMade(workbook: HandMade, options: { assetId?: number; scopeLabel?: string } = {}): PictureDrawing {
  const parties = workbook.parties ?? defaultParties();
  const ctx = { model: workbook.model, parties, settings: { defaultTeamPerLayer: workbook.defaultTeamPerLayer ?? {} } };
  const scoped: HandMade =
    options.assetId === undefined
      ? workbook
      : {
          ...workbook,
          assets: workbook.assets.filter((a) => a.id === options.assetId),
          overrides: (workbook.overrides ?? []).filter((o) => o.assetId === options.assetId),
          assignments: (workbook.assignments ?? []).filter((r) => r.assetId === options.assetId)
        };
  const asset = options.assetId === undefined ? undefined : scoped.assets[0];
  return drawPicture({
    model: workbook.model,
    aggregates: composeAggregates(ctx, factsOf(scoped)),
    partyOf: (id) => parties.find((p) => p.id === id) ?? null,
    scopeLabel: options.scopeLabel ?? 'Whole workbook',
    ...(asset === undefined ? {} : { asset: { id: asset.id, name: asset.name, serviceModel: asset.serviceModel } })
  });
}

/** Parses SVG text as XML; any error or warning fails. */
export function parseSvg(text: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      throw new Error(`SVG is not well-formed XML (${level}): ${message}`);
    }
  }).parseFromString(text, 'image/svg+xml');
}

export function elements(node: Document | Element, tag: string): Element[] {
  return Array.from(node.getElementsByTagName(tag));
}

/** The cell groups of a parsed picture, by data-cell. */
export function cellElements(doc: Document): Map<string, Element> {
  return new Map(
    elements(doc, 'g')
      .filter((g) => g.hasAttribute('data-cell'))
      .map((g) => [g.getAttribute('data-cell')!, g])
  );
}
