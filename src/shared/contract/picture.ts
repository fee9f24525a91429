/**
 * Contract of the demarcation picture: the drawing of the workbook (a scope, a model, or one
 * asset's stack) with its SVG, two models side by side, and the picture saved as SVG or PNG.
 * All reads: no change-log entry.
 */
import { z } from 'zod';
import { idSchema, modelIdSchema, pathSchema } from './bounds';
import { PICTURE_THEMES, PictureScopeSchema, type PictureComparison, type PictureDrawing, type PictureView } from '../picture';

export const PICTURE_FORMATS = ['svg', 'png'] as const;
export type PictureFormat = (typeof PICTURE_FORMATS)[number];

/** The PNG width `demarc picture` and the save dialog use unless told otherwise. */
export const DEFAULT_PNG_WIDTH = 1600;

const which = {
  /** Which assets are counted (default: the whole workbook). */
  scope: PictureScopeSchema.default({}),
  /** The model drawn (default: the workbook's); its assets are counted. */
  modelId: modelIdSchema.optional(),
  /** One asset's stack under its own model (scope and modelId are then not used). */
  assetId: idSchema.optional()
};

export const pictureMethods = {
  'picture.get': z
    .object({
      ...which,
      /** Cells as focusable buttons with accessible names (default), or one image. */
      interactive: z.boolean().default(true),
      /** Prefix of the ids inside the SVG: unique per picture shown on a page. */
      idPrefix: z.string().max(31).regex(/^[a-z][a-z0-9-]{0,30}$/).default('picture')
    })
    .strict(),
  /** The assets of model `a` drawn under `a` and under `b`, the cells where the line moved outlined. */
  'picture.compare': z.object({ scope: PictureScopeSchema.default({}), a: modelIdSchema, b: modelIdSchema }).strict(),
  /**
   * Writes the picture to a file (native save dialog without `path`; null when cancelled). The
   * file appears only when complete. PNG: `width` pixels wide, the height in proportion.
   */
  'picture.save': z
    .object({
      ...which,
      format: z.enum(PICTURE_FORMATS),
      path: pathSchema.optional(),
      theme: z.enum(PICTURE_THEMES).default('light'),
      width: z.number().int().min(100).max(8000).default(DEFAULT_PNG_WIDTH)
    })
    .strict()
};

export interface PictureSaveResult {
  path: string;
  format: PictureFormat;
  /** Pixels for a PNG; the SVG's own units for an SVG. */
  width: number;
  height: number;
  bytes: number;
  /** SHA-256 (hex) of the file's bytes. */
  sha256: string;
  title: string;
  scopeLabel: string;
  totals: PictureDrawing['totals'];
  /** Per column: its assets and how many layers lie above the line. */
  columns: { serviceModel: string; label: string; assets: number; lineAfter: number }[];
  /** Customer-side asset layers with nobody Accountable, over the whole picture. */
  noAccountable: number;
  overrides: number;
}

export interface PictureOutputs {
  'picture.get': PictureView;
  'picture.compare': PictureComparison;
  'picture.save': PictureSaveResult | null;
}
