import { useCallback, useEffect, useState } from 'react';
import type { ProgressEvent } from '@shared/contract';
import type { ImportPreview, ImportResult } from '@shared/contract/import';
import type { ColumnMapping, ImportFormat } from '@shared/import';
import { ApiError, call, onEvent } from '../../lib/api';

export type ImportStep =
  | { step: 'reading' }
  | { step: 'preview'; preview: ImportPreview }
  | { step: 'applying'; preview: ImportPreview }
  | { step: 'done'; result: ImportResult }
  | { step: 'closed' };

export interface ReadChoice {
  paths?: string[];
  format?: ImportFormat;
  mapping?: ColumnMapping;
  /** xlsx: the sheet to read. */
  sheet?: string;
}

/** The path in a refusal that says the file is Demarc's own export (main's import.preview). */
function roundTripPath(e: unknown): string | null {
  const path = e instanceof ApiError ? (e.details as { roundTripPath?: unknown } | undefined)?.roundTripPath : undefined;
  return typeof path === 'string' ? path : null;
}

/**
 * The import road for the dialog: preview (dialog or paths), re-preview, apply, cancel, progress.
 * A file that is Demarc's own RACI export goes to `onRoundTrip` (the Review changes view) instead.
 */
export function useImport(onClosed: () => void, onRoundTrip: (path: string) => void) {
  const [state, setState] = useState<ImportStep>({ step: 'reading' });
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(
    () =>
      onEvent('progress', (event) => {
        if (event.operation === 'import') setProgress(event);
      }),
    []
  );

  const preview = useCallback(
    async (choice: ReadChoice) => {
      setError(null);
      setProgress(null);
      setState((current) => (current.step === 'preview' ? current : { step: 'reading' }));
      try {
        const result = await call('import.preview', {
          ...(choice.paths ? { paths: choice.paths } : {}),
          ...(choice.format ? { format: choice.format } : {}),
          ...(choice.mapping ? { mapping: choice.mapping } : {}),
          ...(choice.sheet ? { sheet: choice.sheet } : {})
        });
        if (result === null) {
          setState({ step: 'closed' });
          onClosed();
          return;
        }
        setState({ step: 'preview', preview: result });
      } catch (e) {
        const exported = roundTripPath(e);
        if (exported !== null) {
          setState({ step: 'closed' });
          onRoundTrip(exported);
          return;
        }
        setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
        setState((current) => (current.step === 'reading' ? { step: 'closed' } : current));
      }
    },
    [onClosed, onRoundTrip]
  );

  const apply = useCallback(
    async (previewed: ImportPreview) => {
      setError(null);
      setProgress(null);
      setState({ step: 'applying', preview: previewed });
      try {
        const result = await call('import.apply', { token: previewed.token });
        setState({ step: 'done', result });
      } catch (e) {
        setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));
        // A cancelled or refused apply wrote nothing: back to the preview (its token may be spent).
        setState({ step: 'preview', preview: { ...previewed, canApply: false } });
      }
    },
    []
  );

  const cancel = useCallback(async (token?: string) => {
    await call('import.cancel', token ? { token } : {});
  }, []);

  return { state, progress, error, preview, apply, cancel, clearError: () => setError(null) };
}
