import { useCallback } from 'react';
import type { ExportedAtChoice } from '@shared/contract/export';
import type { Baseline, FrameworkExport, FrameworkExportResult } from '@shared/contract/frameworks';
import type { AssetFilter } from '@shared/filter';
import { call } from '../../lib/api';
import { useExportRun, type ExportRun } from './useExportRun';

export interface FrameworkExportRequest {
  framework: FrameworkExport;
  scope: AssetFilter;
  baseline: Baseline;
  caiqPath: string | null;
  exportedAt: ExportedAtChoice;
}

export type FrameworkExportController = Omit<ExportRun<FrameworkExportResult>, 'run'> & { start: (request: FrameworkExportRequest) => void };

/** A framework export (CCM, FedRAMP, OSCAL SSP): save dialog, progress, cancel, result. */
export function useFrameworkExport(): FrameworkExportController {
  const { run, ...rest } = useExportRun<FrameworkExportResult>();
  const start = useCallback(
    (request: FrameworkExportRequest) =>
      run(() =>
        call('export.framework', {
          framework: request.framework,
          scope: request.scope,
          baseline: request.baseline,
          exportedAt: request.exportedAt,
          ...(request.caiqPath !== null && request.framework === 'ccm' ? { caiqPath: request.caiqPath } : {})
        })
      ),
    [run]
  );
  return { ...rest, start };
}
