/** Contract of the History view: the workbook as it was at a moment (see src/main/services/as-of.ts), read only. */
import { z } from 'zod';
import { AsOfSchema, type AsOfInfo } from '../as-of';
import { AssetFilterSchema } from '../filter';
import { idSchema, offsetSchema } from './bounds';
import type { AssetDetail, AssetPage, FindingGroup } from './engine';

export const asOfMethods = {
  /** What an as-of answer stands on (the entry in effect, what was undone, the gaps), the asset count and the findings then. */
  'asOf.summary': z.object({ moment: AsOfSchema }).strict(),
  /** A page of the assets as they were (the grid's filter: text, type, owner…). */
  'asOf.assets': z
    .object({ moment: AsOfSchema, filter: AssetFilterSchema.default({}), offset: offsetSchema.default(0), limit: z.number().int().min(1).max(1000).default(100) })
    .strict(),
  /** One asset as it was: layers, overrides, RACI by name, notes, findings. */
  'asOf.asset': z.object({ moment: AsOfSchema, id: idSchema }).strict()
};

export interface AsOfSummary {
  info: AsOfInfo;
  assets: number;
  findings: FindingGroup[];
}

export interface AsOfOutputs {
  'asOf.summary': AsOfSummary;
  'asOf.assets': AssetPage;
  'asOf.asset': AssetDetail;
}
