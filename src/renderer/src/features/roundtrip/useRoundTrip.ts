import { useCallback, useMemo, useState } from 'react';
import type { ConflictChoice, RoundTripPreview, RoundTripResult } from '@shared/contract/roundtrip';
import { ApiError, call } from '../../lib/api';

export interface ReadOptions {
  anyWorkbook?: boolean;
  createParties?: boolean;
}

export type RoundTripStep =
  | { step: 'reading' }
  | { step: 'review'; preview: RoundTripPreview }
  | { step: 'applying'; preview: RoundTripPreview }
  | { step: 'done'; result: RoundTripResult }
  | { step: 'closed' };

const message = (e: unknown): string => (e instanceof ApiError || e instanceof Error ? e.message : String(e));

/**
 * The review of an edited export: read it (a path, or the native dialog), let the user reject
 * changes and settle conflicts, apply the rest as one step. Nothing is written before Apply.
 */
export function useRoundTrip(onClosed: () => void) {
  const [state, setState] = useState<RoundTripStep>({ step: 'reading' });
  const [error, setError] = useState<string | null>(null);
  const [rejected, setRejected] = useState<ReadonlySet<string>>(new Set());
  const [choices, setChoices] = useState<Readonly<Record<string, ConflictChoice>>>({});
  /** Set when the file is another workbook's export: the user may insist on applying it by asset id. */
  const [otherWorkbook, setOtherWorkbook] = useState<string | null>(null);
  const [options, setOptions] = useState<ReadOptions>({});

  const read = useCallback(
    async (path?: string, readOptions: ReadOptions = {}) => {
      setError(null);
      setOtherWorkbook(null);
      setOptions(readOptions);
      setState({ step: 'reading' });
      try {
        const preview = await call('roundtrip.preview', { ...(path ? { path } : {}), ...readOptions });
        if (preview === null) {
          setState({ step: 'closed' });
          onClosed();
          return;
        }
        setRejected(new Set());
        setChoices({});
        setState({ step: 'review', preview });
      } catch (e) {
        const other = e instanceof ApiError ? (e.details as { otherWorkbook?: unknown } | undefined)?.otherWorkbook : undefined;
        if (typeof other === 'string' && path) setOtherWorkbook(path);
        setError(message(e));
        setState({ step: 'closed' });
      }
    },
    [onClosed]
  );

  const toggle = useCallback((ids: readonly string[], accept: boolean) => {
    setRejected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (accept) next.delete(id);
        else next.add(id);
      }
      return next;
    });
  }, []);

  const settle = useCallback((id: string, choice: ConflictChoice) => setChoices((current) => ({ ...current, [id]: choice })), []);

  const apply = useCallback(
    async (preview: RoundTripPreview) => {
      setError(null);
      setState({ step: 'applying', preview });
      try {
        const result = await call('roundtrip.apply', { token: preview.token, reject: [...rejected], resolve: choices });
        setState({ step: 'done', result });
      } catch (e) {
        setError(message(e));
        setState({ step: 'review', preview });
      }
    },
    [rejected, choices]
  );

  const preview = state.step === 'review' || state.step === 'applying' ? state.preview : null;
  const openConflicts = useMemo(
    () => (preview ? preview.groups.flatMap((g) => g.changes).filter((c) => c.conflict !== null && !rejected.has(c.id) && choices[c.id] === undefined).length : 0),
    [preview, rejected, choices]
  );
  const accepted = preview ? preview.counts.changes - [...rejected].length : 0;

  return { state, error, read, options, otherWorkbook, toggle, settle, apply, rejected, choices, openConflicts, accepted, clearError: () => setError(null) };
}
