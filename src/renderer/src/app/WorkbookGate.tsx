import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { StartScreen } from './StartScreen';
import { Workbench } from './Workbench';
import { call } from '../lib/api';
import { workbookKeys } from './queries';
import { useWorkbookCommands } from './useWorkbookCommands';

/** Start screen until a workbook is open, then the workbench. */
export function WorkbookGate() {
  const current = useQuery({ queryKey: workbookKeys.current(), queryFn: () => call('workbook.current', {}) });
  const commands = useWorkbookCommands();
  const info = current.data ?? null;

  useEffect(() => {
    document.title = info ? `${info.name} — Demarc` : 'Demarc';
  }, [info]);

  if (current.isPending) return <div className="splash" aria-busy="true">Loading…</div>;
  if (!info) return <StartScreen commands={commands} />;
  return <Workbench info={info} commands={commands} />;
}
