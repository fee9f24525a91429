import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { MethodInput, ProgressEvent } from '@shared/contract';
import { call, onEvent } from '../../lib/api';
import { useInvalidateWorkbook } from '../../lib/useInvalidateWorkbook';

/** One bulk edit (one transaction, one undo step) with the engine's progress when it sends any. */
export function useBulkUpdate() {
  const invalidate = useInvalidateWorkbook();
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  const mutation = useMutation({
    mutationFn: (args: MethodInput<'assets.update'>) => call('assets.update', args),
    onMutate: () => setProgress(null),
    onSettled: () => invalidate()
  });
  const pending = mutation.isPending;
  useEffect(() => {
    if (!pending) return;
    return onEvent('progress', (payload) => {
      const event = payload as ProgressEvent;
      if (event.operation.startsWith('assets')) setProgress(event);
    });
  }, [pending]);
  return { mutation, progress };
}
