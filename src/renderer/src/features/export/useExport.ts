import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProgressEvent } from '@shared/contract';
import type { ExportFormat, ExportResult, ExportedAtChoice } from '@shared/contract/export';
import { ApiError, call, onEvent } from '../../lib/api';

export type ExportStatus =
  | { kind: 'idle' }
  | { kind: 'running'; phase: string; done: number; total: number | null; cancelling: boolean }
  | { kind: 'done'; result: ExportResult }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

export interface ExportController {
  status: ExportStatus;
  start: (format: ExportFormat, exportedAt: ExportedAtChoice) => void;
  cancel: () => void;
  showInFolder: (path: string) => void;
  /** An error of Show in folder (the export itself reports through `status`). */
  shellError: string | null;
}

function isExportProgress(payload: unknown): payload is ProgressEvent {
  return typeof payload === 'object' && payload !== null && (payload as { operation?: unknown }).operation === 'export';
}

/** One export at a time: the save dialog, progress events, cancel, and the result. */
export function useExport(): ExportController {
  const [status, setStatus] = useState<ExportStatus>({ kind: 'idle' });
  const [shellError, setShellError] = useState<string | null>(null);
  const running = useRef(false);

  useEffect(
    () =>
      onEvent('progress', (payload) => {
        if (!isExportProgress(payload) || !running.current) return;
        setStatus((current) =>
          current.kind === 'running'
            ? { ...current, phase: payload.phase, done: payload.done, total: payload.total }
            : current
        );
      }),
    []
  );

  const start = useCallback((format: ExportFormat, exportedAt: ExportedAtChoice) => {
    if (running.current) return;
    running.current = true;
    setShellError(null);
    setStatus({ kind: 'running', phase: 'choosing', done: 0, total: null, cancelling: false });
    call('export.run', { format, exportedAt })
      .then((result) => setStatus(result ? { kind: 'done', result } : { kind: 'idle' }))
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.code === 'CANCELLED') setStatus({ kind: 'cancelled' });
        else setStatus({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      })
      .finally(() => {
        running.current = false;
      });
  }, []);

  const cancel = useCallback(() => {
    setStatus((current) => (current.kind === 'running' ? { ...current, cancelling: true } : current));
    call('export.cancel', {}).catch((error: unknown) => setShellError(error instanceof Error ? error.message : String(error)));
  }, []);

  const showInFolder = useCallback((path: string) => {
    setShellError(null);
    call('export.showInFolder', { path }).catch((error: unknown) => setShellError(error instanceof Error ? error.message : String(error)));
  }, []);

  return { status, start, cancel, showInFolder, shellError };
}
