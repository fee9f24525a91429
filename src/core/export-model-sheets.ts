/**
 * The sheet builders of the workbook's row model, one function per sheet (By party lives in
 * export-model-by-party.ts). Pure; rows are generated lazily, a page of the report at a time.
 */
import { ASSET_ATTRIBUTES, ATTRIBUTE_VOCABULARY, attributeLabel } from '@shared/asset-attributes';
import { RESPONSIBILITIES, SEVERITIES } from '@shared/domain';
import type { RaciEntry, ReportAsset, ReportHead, ReportLayer } from '@shared/report';
import { CHAIN_HEAD_ITEM } from './audit/chain';
import { CHANGES_COVER_ITEM, changesCoverText } from './export-model-changes';
import type { ExportCell, ExportColumn, ExportOptions, ExportSheet, ExportSource, SignOffExport } from './export-model-cells';
import {
  accountableHeader,
  PUBLISHED_HEADER,
  RACI_HEADERS,
  SIGNED_OFF_HEADER,
  SHEET_NAMES,
  names,
  serviceModelLabel,
  serviceModelsInUse,
  sheet,
  text,
  yesNo
} from './export-model-cells';
import type { CoverCounts } from './export-model-totals';
import { signatureCoverRows } from './export-model-sign-offs';
import type { ReportSource } from './report-source';

/** Cover items that describe the export rather than the content (left out of the content hash). */
export const COVER_EXPORT_ITEMS = {
  exportedAt: 'Exported at',
  exportedBy: 'Exported by',
  sha256: 'Logical-content SHA-256',
  /** Derived from the change log, which the content hash covers already. */
  chainHead: CHAIN_HEAD_ITEM
} as const;

/** The Cover: what the workbook is, which models it uses, counts, and the content hash. */
export function coverSheet(head: ReportHead, counts: CoverCounts, changeLogCount: number, options: ExportOptions): ExportSheet {
  const rows: ExportCell[][] = [
    ['Organisation', text(head.workbook.organisation)],
    ['Workbook', text(head.workbook.name)],
    [COVER_EXPORT_ITEMS.exportedAt, options.exportedAt],
    [COVER_EXPORT_ITEMS.exportedBy, text(options.exportedBy)]
  ];
  for (const model of head.models) {
    rows.push(
      ['Responsibility model', text(`${model.name} (${model.id}), version ${model.version}`)],
      ['Model source', text(`${model.source.title}, ${model.source.date}`)],
      ['Model source URL', text(model.source.url)],
      ['Provider', text(model.providerName)]
    );
  }
  rows.push(['Assets', counts.assets]);
  for (const sm of serviceModelsInUse(head)) rows.push([`Assets: ${sm.label}`, counts.perServiceModel.get(sm.id) ?? 0]);
  rows.push(['Assets: Unclassified', counts.perServiceModel.get(null) ?? 0]);
  for (const r of RESPONSIBILITIES) rows.push([`Asset layers: ${r}`, counts.perResponsibility.get(r) ?? 0]);
  rows.push(['Asset layers overridden', counts.overridden]);
  for (const severity of SEVERITIES) {
    rows.push([`Findings: ${severity}`, counts.findingsBySeverity[severity]]);
  }
  rows.push(
    ['Parties', head.parties.length],
    ['Change log entries', changeLogCount],
    ['Last change at', text(head.workbook.lastChangeAt)],
    ...(options.changeLogChainHead ? [[COVER_EXPORT_ITEMS.chainHead, text(options.changeLogChainHead)] satisfies ExportCell[]] : []),
    ...(options.changesSince ? [[CHANGES_COVER_ITEM, text(changesCoverText(options.changesSince))] satisfies ExportCell[]] : []),
    ...signatureCoverRows(options.signOffs?.list ?? []),
    [COVER_EXPORT_ITEMS.sha256, options.workbookSha256 ?? 'not computed'],
    [
      'About the SHA-256',
      'SHA-256 of what this workbook says: for each sheet in order (continuation sheets joined), one ' +
        'JSON line [sheet name, headers], then one JSON array line per row, cells as text, number or ' +
        'null; this Cover without its export rows (exported at, exported by, change-log chain head, SHA-256). ' +
        'It depends on the content only, not on the export time or the file bytes.'
    ]
  );
  return sheet(
    SHEET_NAMES.cover,
    [
      { header: 'Item', width: 30 },
      { header: 'Value', width: 90, wrap: true }
    ],
    rows.length,
    () => rows
  );
}

export function modelSheet(head: ReportHead): ExportSheet {
  const models = head.models;
  const serviceModels = serviceModelsInUse(head);
  const columns: ExportColumn[] = [
    { header: 'Model', width: 28, wrap: true },
    { header: 'Version', width: 12 },
    { header: 'Layer', width: 36, wrap: true },
    ...serviceModels.map((sm) => ({ header: sm.label, width: 13, responsibilityFill: true })),
    { header: 'Always customer', width: 10 },
    { header: 'Provider', width: 14 },
    { header: 'Source', width: 60, wrap: true }
  ];
  const rowCount = models.reduce((n, m) => n + m.layers.length, 0);
  function* rows(): Iterable<ExportCell[]> {
    for (const model of models) {
      const source = text(`${model.source.title}, ${model.source.date}, ${model.source.url}${model.source.note ? `. ${model.source.note}` : ''}`);
      for (const layer of model.layers) {
        yield [
          text(model.name),
          text(model.version),
          text(layer.title),
          ...serviceModels.map((sm) => layer.cells[sm.id] ?? null),
          yesNo(layer.permanentCustomer),
          text(model.providerName),
          source
        ];
      }
    }
  }
  return sheet(SHEET_NAMES.models, columns, rowCount, rows);
}

function tagsText(tags: Record<string, string>): ExportCell {
  const keys = Object.keys(tags).sort();
  return keys.length === 0 ? null : text(keys.map((k) => `${k}=${tags[k] ?? ''}`).join('; '));
}

/** Why an asset has its service model: a person's choice says so; otherwise the classifier's (or importer's) reason. */
function serviceModelWhy(asset: ReportAsset): ExportCell {
  if (asset.serviceModelSource === 'manual') return 'Chosen by hand';
  return text(asset.classificationReason);
}

export function matrixSheet(source: ReportSource, layers: ReadonlyMap<string, string>, assetCount: number, signOffs?: SignOffExport): ExportSheet {
  const slot = new Map([...layers.keys()].map((id, i) => [id, i]));
  const columns: ExportColumn[] = [
    { header: 'Asset', width: 30, wrap: true },
    { header: 'Asset id', width: 9 },
    { header: 'Type', width: 28 },
    { header: 'Subscription', width: 20 },
    { header: 'Resource group', width: 20 },
    { header: 'Service model', width: 13 },
    { header: 'Model', width: 14 },
    { header: 'Owner', width: 20 },
    { header: 'Tags', width: 30 }
  ];
  for (const title of layers.values()) {
    columns.push(
      { header: title, width: 14, responsibilityFill: true },
      { header: accountableHeader(title), width: 20 }
    );
  }
  columns.push({ header: SIGNED_OFF_HEADER, width: 26, wrap: true });
  // After the layers, so the layer columns keep their places for readers of older exports.
  columns.push(
    { header: 'Not seen in last import', width: 12 },
    { header: 'Other columns', width: 40, wrap: true },
    // Not wrapped: one reason per asset would make every row of the grid two lines tall.
    { header: 'Why this service model', width: 60 },
    ...ASSET_ATTRIBUTES.map((attribute) => ({ header: ATTRIBUTE_VOCABULARY[attribute].label, width: 16 }))
  );
  function* rows(): Iterable<ExportCell[]> {
    for (const page of source.assetPages()) for (const asset of page) {
      const row: ExportCell[] = [
        text(asset.name),
        asset.id,
        text(asset.type),
        text(asset.subscription),
        text(asset.resourceGroup),
        serviceModelLabel(source.head, asset.modelId, asset.serviceModel),
        text(asset.modelId),
        text(asset.owner),
        tagsText(asset.tags)
      ];
      const base = row.length;
      // Pushed, not `row.length = …` then fill: an array grown by its length is holey in V8 for
      // good, and JSON.stringify (the content hash) takes a slower path over every such row.
      for (let i = 0; i < layers.size * 2; i += 1) row.push(null);
      row.push(text(signOffs?.signedOff(asset.id, null) ?? null));
      for (const layer of asset.layers) {
        const i = slot.get(layer.layerId);
        if (i === undefined) continue;
        row[base + i * 2] = layer.responsibility;
        row[base + i * 2 + 1] = names(layer.A);
      }
      row.push(asset.notSeenInLastImport ? yesNo(true) : null, tagsText(asset.extra), serviceModelWhy(asset));
      for (const attribute of ASSET_ATTRIBUTES) row.push(text(attributeLabel(attribute, asset[attribute]) || null));
      yield row;
    }
  }
  return { ...sheet(SHEET_NAMES.matrix, columns, assetCount, rows), frozenColumns: 1 };
}

/** One RACI row: the same cells in the RACI sheet and the CSV export. */
export function raciRow(asset: RaciEntry, layer: ReportLayer, signOffs?: SignOffExport): ExportCell[] {
  return [
    text(asset.name),
    asset.id,
    text(layer.title),
    layer.responsibility,
    layer.published,
    yesNo(layer.overridden),
    text(layer.justification),
    names(layer.R),
    names(layer.A),
    names(layer.C),
    names(layer.I),
    text(layer.note),
    text(signOffs?.signedOff(asset.id, layer.layerId) ?? null),
    ...ASSET_ATTRIBUTES.map((attribute) => text(attributeLabel(attribute, asset[attribute]) || null))
  ];
}

/** How the RACI table's columns are shown, by header (the rest are 20 wide and plain). */
const RACI_COLUMN_LOOK: Readonly<Record<string, Omit<ExportColumn, 'header'>>> = {
  Asset: { width: 30 },
  'Asset id': { width: 9 },
  Layer: { width: 30 },
  Responsibility: { width: 14, list: 'responsibilities' },
  [PUBLISHED_HEADER]: { width: 12 },
  Overridden: { width: 11 },
  Justification: { width: 40, wrap: true },
  R: { width: 24, list: 'parties' },
  A: { width: 24, list: 'parties' },
  C: { width: 24, list: 'parties' },
  I: { width: 24, list: 'parties' },
  Comments: { width: 40, wrap: true },
  [SIGNED_OFF_HEADER]: { width: 26 }
};

/** The RACI table: one row per asset × layer (`rowCount` of them). */
export function raciSheet(source: ReportSource, rowCount: number, signOffs?: SignOffExport): ExportSheet {
  const columns: ExportColumn[] = RACI_HEADERS.map((header) => ({ header, width: 20, ...RACI_COLUMN_LOOK[header] }));
  function* rows(): Iterable<ExportCell[]> {
    const pages = source.raciPages?.() ?? source.assetPages();
    for (const page of pages) for (const asset of page) for (const layer of asset.layers) yield raciRow(asset, layer, signOffs);
  }
  return { ...sheet(SHEET_NAMES.raci, columns, rowCount, rows), frozenColumns: 1 };
}

export function findingsSheet(source: ReportSource, layers: ReadonlyMap<string, string>, findingCount: number): ExportSheet {
  const columns: ExportColumn[] = [
    { header: 'Code', width: 26 },
    { header: 'Severity', width: 10 },
    { header: 'Asset', width: 30, wrap: true },
    { header: 'Asset id', width: 9 },
    { header: 'Layer', width: 28 },
    { header: 'Message', width: 60, wrap: true },
    { header: 'How to fix', width: 60, wrap: true }
  ];
  function* rows(): Iterable<ExportCell[]> {
    for (const page of source.findingPages()) for (const f of page) {
      const layer = f.layerId === null ? null : (layers.get(f.layerId) ?? f.layerId);
      yield [f.code, f.severity, text(f.asset), f.assetId, text(layer), text(f.message), text(f.fix)];
    }
  }
  return sheet(SHEET_NAMES.findings, columns, findingCount, rows);
}

export function changeLogSheet(source: ExportSource): ExportSheet {
  const columns: ExportColumn[] = [
    { header: 'When', width: 22 },
    { header: 'Who', width: 20 },
    { header: 'Action', width: 18 },
    { header: 'Entity', width: 14 },
    { header: 'Entity id', width: 12 },
    { header: 'Summary', width: 80, wrap: true }
  ];
  function* rows(): Iterable<ExportCell[]> {
    for (const e of source.changeLog()) {
      yield [text(e.at), text(e.actor), text(e.action), text(e.entity), text(e.entityId), text(e.summary)];
    }
  }
  return sheet(SHEET_NAMES.changeLog, columns, source.changeLogCount, rows);
}

/** The identity rows, by their label on the hidden identity sheet (read back by core/roundtrip). */
export const IDENTITY_ITEMS = {
  format: 'Format',
  workbookId: 'Workbook id',
  revision: 'Export revision',
  sha256: 'Logical-content SHA-256',
  exportedAt: 'Exported at'
} as const;

/** The format marker on the identity sheet: a reader refuses an identity it does not know. */
export const IDENTITY_FORMAT = 'Demarc RACI export 1';

/**
 * The hidden identity sheet: which workbook the export was made from, at which revision, and the
 * content hash. Left out of the content hash (it carries it); Excel and LibreOffice keep hidden
 * sheets when a participant saves the file.
 */
export function identitySheet(options: ExportOptions): ExportSheet | null {
  const identity = options.identity;
  if (identity === undefined) return null;
  const rows: ExportCell[][] = [
    [IDENTITY_ITEMS.format, IDENTITY_FORMAT],
    [IDENTITY_ITEMS.workbookId, identity.workbookId],
    [IDENTITY_ITEMS.revision, identity.revision],
    [IDENTITY_ITEMS.sha256, options.workbookSha256 ?? 'not computed'],
    [IDENTITY_ITEMS.exportedAt, options.exportedAt]
  ];
  const columns: ExportColumn[] = [
    { header: 'Item', width: 24 },
    { header: 'Value', width: 70 }
  ];
  return { ...sheet(SHEET_NAMES.identity, columns, rows.length, () => rows), hidden: true };
}

export function listsSheet(partyNames: readonly string[]): ExportSheet {
  const count = Math.max(partyNames.length, RESPONSIBILITIES.length);
  function* rows(): Iterable<ExportCell[]> {
    for (let i = 0; i < count; i += 1) yield [text(partyNames[i]), RESPONSIBILITIES[i] ?? null];
  }
  const lists = sheet(
    SHEET_NAMES.lists,
    [
      { header: 'Parties', width: 30 },
      { header: 'Responsibilities', width: 16 }
    ],
    count,
    rows
  );
  return { ...lists, hidden: true };
}
