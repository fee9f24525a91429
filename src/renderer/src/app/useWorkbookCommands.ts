import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { MenuCommand } from '@shared/contract';
import type { WorkbookInfo } from '@shared/contract/workbook';
import { ApiError, call, onEvent } from '../lib/api';
import { workbookKeys } from './queries';

export interface WorkbookCommands {
  create: (organisation?: string) => void;
  open: (path?: string) => void;
  close: () => void;
  busy: boolean;
  error: string | null;
  clearError: () => void;
  /** Menu commands the workbench handles itself (find, undo, import…), latest first. */
  lastMenuCommand: { command: MenuCommand; seq: number } | null;
}

/** New / Open / Close, from buttons and from the native menu, with one error channel. */
export function useWorkbookCommands(): WorkbookCommands {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [lastMenuCommand, setLastMenuCommand] = useState<WorkbookCommands['lastMenuCommand']>(null);

  const adopt = (info: WorkbookInfo | null) => {
    if (!info) return; // dialog cancelled
    setError(null);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'recent' });
    queryClient.setQueryData(workbookKeys.current(), info);
    void queryClient.invalidateQueries({ queryKey: workbookKeys.recent() });
  };
  const fail = (e: unknown) => setError(e instanceof ApiError || e instanceof Error ? e.message : String(e));

  const create = useMutation({
    mutationFn: (organisation?: string) => call('workbook.create', organisation ? { organisation } : {}),
    onSuccess: adopt,
    onError: fail
  });
  const open = useMutation({
    mutationFn: (path?: string) => call('workbook.open', path ? { path } : {}),
    onSuccess: adopt,
    onError: (e) => {
      fail(e);
      void queryClient.invalidateQueries({ queryKey: workbookKeys.recent() });
    }
  });
  const close = useMutation({
    mutationFn: () => call('workbook.close', {}),
    onSuccess: () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'recent' });
      queryClient.setQueryData(workbookKeys.current(), null);
      void queryClient.invalidateQueries({ queryKey: workbookKeys.recent() });
    },
    onError: fail
  });

  const { mutate: createMutate } = create;
  const { mutate: openMutate } = open;
  const { mutate: closeMutate } = close;
  useEffect(() => {
    let seq = 0;
    return onEvent('menu', (command) => {
      if (command === 'new-workbook') createMutate(undefined);
      else if (command === 'open-workbook') openMutate(undefined);
      else if (command === 'close-workbook') closeMutate();
      else if (typeof command === 'object' && 'open' in command) openMutate(command.open);
      else setLastMenuCommand({ command, seq: ++seq });
    });
  }, [createMutate, openMutate, closeMutate]);

  return {
    create: (organisation) => create.mutate(organisation),
    open: (path) => open.mutate(path),
    close: () => close.mutate(),
    busy: create.isPending || open.isPending || close.isPending,
    error,
    clearError: () => setError(null),
    lastMenuCommand
  };
}
