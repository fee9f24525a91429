import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, call, onEvent } from '../../lib/api';

export type ExportRunStatus<T> =
  | { kind: 'idle' }
  | { kind: 'running'; phase: string; done: number; total: number | null; cancelling: boolean }
  | { kind: 'done'; result: T }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string };

export interface ExportRun<T> {
  status: ExportRunStatus<T>;
  /** Runs one export (the call asks main for the save dialog); ignored while one runs. */
  run: (exporting: () => Promise<T | null>) => void;
  cancel: () => void;
  showInFolder: (path: string) => void;
  /** An error of Show in folder or Cancel (the export itself reports through `status`). */
  shellError: string | null;
}

/**
 * One export at a time, whatever it writes: the save dialog, progress events, cancel (main's
 * export.cancel stops whichever export runs), the result and Show in folder.
 */
export function useExportRun<T>(): ExportRun<T> {
  const [status, setStatus] = useState<ExportRunStatus<T>>({ kind: 'idle' });
  const [shellError, setShellError] = useState<string | null>(null);
  const running = useRef(false);

  useEffect(
    () =>
      onEvent('progress', (payload) => {
        if (payload.operation !== 'export' || !running.current) return;
        setStatus((current) => (current.kind === 'running' ? { ...current, phase: payload.phase, done: payload.done, total: payload.total } : current));
      }),
    []
  );

  const run = useCallback((exporting: () => Promise<T | null>) => {
    if (running.current) return;
    running.current = true;
    setShellError(null);
    setStatus({ kind: 'running', phase: 'choosing', done: 0, total: null, cancelling: false });
    exporting()
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

  return { status, run, cancel, showInFolder, shellError };
}
