/** The plain data the findings engine and the report read: one workbook, already loaded. */
import type {
  Asset,
  LayerNote,
  LayerOverride,
  Party,
  RaciAssignment,
  ResponsibilityModel,
  WorkbookSettings
} from '@shared/domain';

export interface EngineInput {
  settings: WorkbookSettings;
  /** Every model in use, by id: the workbook default and any asset's own modelId. */
  models: Record<string, ResponsibilityModel>;
  assets: Asset[];
  parties: Party[];
  overrides: LayerOverride[];
  assignments: RaciAssignment[];
  /** Notes per asset × layer (absent: none). Findings never read them; the report and export do. */
  notes?: LayerNote[];
  /** The clock, as an ISO 8601 string (the core never reads the system time). */
  now: string;
}
