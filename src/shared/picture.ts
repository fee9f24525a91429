/**
 * The demarcation picture as it crosses the contract: the drawing (every cell with its geometry,
 * band, counts and accessible name; the line as one stepped path) and its SVG as an element
 * tree. core/picture draws both; main serialises the tree to a file, a PNG or the audit Cover,
 * and the renderer shows the same tree as React elements. Plain JSON data only.
 */
import type { z } from 'zod';
import type { ModelLayer, Responsibility } from './domain';
import { AssetFilterSchema } from './filter';

/**
 * Which assets a picture counts: the inventory's filter without `findingCode` (findings are
 * derived in memory, while the picture's numbers come from SQL over the workbook).
 */
export const PictureScopeSchema = AssetFilterSchema.omit({ findingCode: true });
export type PictureScope = z.infer<typeof PictureScopeSchema>;

export const PICTURE_THEMES = ['light', 'print'] as const;
export type PictureTheme = (typeof PICTURE_THEMES)[number];

/**
 * How a cell is filled: who carries the layer, or `third-party` when the model names a party
 * operating it for the customer (accountability stays where `responsibility` says).
 */
export const PICTURE_BANDS = ['customer', 'shared', 'provider', 'third-party', 'unknown'] as const;
export type PictureBand = (typeof PICTURE_BANDS)[number];

/** An Accountable on a cell, with how many of the cell's assets name them. */
export interface PictureAccountable {
  name: string;
  assets: number;
  /** false: the party has left (the cell still names them; a finding says so). */
  active: boolean;
}

export interface PictureCell {
  /** `${serviceModel}:${layerId}`: unique within a drawing. */
  id: string;
  serviceModel: string;
  layerId: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Who carries the layer: the published cell, or for one asset its value after overrides. */
  responsibility: Responsibility;
  /** The published cell of the model. */
  published: Responsibility;
  band: PictureBand;
  /** The model party operating the layer for the customer, by name. */
  operatedBy: string | null;
  /** Above the line: the customer holds duties here (customer or shared). */
  customerSide: boolean;
  /** A provider cell above the line (a model whose provider layers are not all at the bottom). */
  island: boolean;
  /** The band in a word or two: the cue that is not colour, with the pattern. */
  label: string;
  assets: number;
  /** Assets with an override on this layer (the asset panel's "Overridden"). */
  overrides: number;
  /** The most common Accountables (at most two), most assets first. */
  accountable: PictureAccountable[];
  /** How many other parties are Accountable on some of the cell's assets. */
  accountableMore: number;
  /** Customer-side assets on this layer with nobody Accountable. */
  noAccountable: number;
  /** "PaaS, Operating system: provider; 57 assets" and what else the cell says. */
  accessibleName: string;
}

export interface PictureColumn {
  serviceModel: string;
  label: string;
  /** Assets of the scope in this column (for one asset: 1). */
  assets: number;
  x: number;
  width: number;
  /**
   * How many layers, from the top, lie above the line in this column (0: the provider carries
   * every layer; layers.length: the customer holds every one).
   */
  lineAfter: number;
  /** Where the line crosses this column. */
  lineY: number;
}

export interface PictureRow extends ModelLayer {
  y: number;
  height: number;
}

export interface PictureDrawing {
  width: number;
  height: number;
  /** The SVG's <title>. */
  title: string;
  /** The SVG's <desc>: the whole picture in words. */
  description: string;
  /** What is counted: "Whole workbook", "Resource group prod"... */
  scopeLabel: string;
  /** One asset's stack (a single column, after its overrides) rather than a model's. */
  asset: { id: number; name: string } | null;
  model: { id: string; name: string; version: string; providerName: string; source: { title: string; url: string; date: string } };
  columns: PictureColumn[];
  rows: PictureRow[];
  cells: PictureCell[];
  /** The demarcation line: one continuous stepped path (SVG path data), left to right. */
  line: { d: string; points: [number, number][] } | null;
  /** Sentences shown under the picture (assets outside its columns, the model's source). */
  notes: string[];
  totals: {
    /** Assets in the scope, whatever their model. */
    scope: number;
    /** Assets drawn in a column. */
    drawn: number;
    /** Assets of this model with no service model. */
    unclassified: number;
    /** Assets of this model under a service model the model has no column for. */
    uncovered: number;
    /** Assets of the scope that use another model. */
    otherModels: number;
  };
}

/** How a cell differs from the aligned cell of another drawing. */
export type PictureChange = 'line-moved' | 'band-changed' | 'added' | 'removed';

/** Cells of two drawings that differ, keyed by each drawing's cell id. */
export interface PictureDiff {
  a: Record<string, PictureChange>;
  b: Record<string, PictureChange>;
  /** Service models with a cell on the other side of the line in `b` than in `a`. */
  lineMovedIn: string[];
  /** Cells whose side of the line differs. */
  lineMovedCells: number;
}

/** An SVG element as plain data: serialised to text in main, to React elements in the renderer. */
export interface SvgElement {
  tag: string;
  attrs: Record<string, string | number>;
  children: (SvgElement | string)[];
}

/** A drawing with its SVG (light theme, interactive: cells focusable, with accessible names). */
export interface PictureView {
  drawing: PictureDrawing;
  svg: SvgElement;
}

/** Two drawings side by side, the cells that differ outlined in both SVGs. */
export interface PictureComparison {
  a: PictureView;
  b: PictureView;
  diff: PictureDiff;
}

