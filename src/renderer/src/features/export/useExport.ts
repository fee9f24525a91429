import { useCallback } from 'react';
import type { ExportFormat, ExportResult, ExportedAtChoice } from '@shared/contract/export';
import { call } from '../../lib/api';
import { useExportRun, type ExportRunStatus } from './useExportRun';

export type ExportStatus = ExportRunStatus<ExportResult>;

export interface ExportController {
  status: ExportStatus;
  start: (format: ExportFormat, exportedAt: ExportedAtChoice) => void;
  cancel: () => void;
  showInFolder: (path: string) => void;
  /** An error of Show in folder (the export itself reports through `status`). */
  shellError: string | null;
}

/** The RACI workbook or CSV export: one at a time, with the save dialog, progress, cancel and the result. */
export function useExport(): ExportController {
  const { status, run, cancel, showInFolder, shellError } = useExportRun<ExportResult>();
  const start = useCallback((format: ExportFormat, exportedAt: ExportedAtChoice) => run(() => call('export.run', { format, exportedAt })), [run]);
  return { status, start, cancel, showInFolder, shellError };
}
