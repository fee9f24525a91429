import { useCallback } from 'react';
import type { ExportFormat, ExportResult, ExportSince, ExportedAtChoice } from '@shared/contract/export';
import { call } from '../../lib/api';
import { useExportRun, type ExportRunStatus } from './useExportRun';

export type ExportStatus = ExportRunStatus<ExportResult>;

export interface ExportController {
  status: ExportStatus;
  /** `since`: a baseline, which adds the "Changes since" sheet (xlsx). */
  start: (format: ExportFormat, exportedAt: ExportedAtChoice, since?: ExportSince) => void;
  cancel: () => void;
  showInFolder: (path: string) => void;
  /** An error of Show in folder (the export itself reports through `status`). */
  shellError: string | null;
}

/** The RACI workbook or CSV export: one at a time, with the save dialog, progress, cancel and the result. */
export function useExport(): ExportController {
  const { status, run, cancel, showInFolder, shellError } = useExportRun<ExportResult>();
  const start = useCallback(
    (format: ExportFormat, exportedAt: ExportedAtChoice, since?: ExportSince) => run(() => call('export.run', { format, exportedAt, ...(since ? { since } : {}) })),
    [run]
  );
  return { status, start, cancel, showInFolder, shellError };
}
