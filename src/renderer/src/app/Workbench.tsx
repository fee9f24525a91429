import { useCallback, useEffect, useState } from 'react';
import type { WorkbookInfo } from '@shared/contract/workbook';
import type { WorkbookCommands } from './useWorkbookCommands';
import { ErrorBanner } from '../components/ErrorBanner';
import { menuUndo } from '../lib/edit-target';
import { requestFind } from '../lib/find-request';
import { UndoRedoButtons } from '../features/history/UndoRedoButtons';
import { useHistory } from '../features/history/useHistory';
import { useUndoShortcuts } from '../features/history/useUndoShortcuts';
import { ImportLauncher } from '../features/import/ImportLauncher';
import type { SectionId } from '../lib/navigation';
import { SECTIONS } from './sections';
import { StatusBar } from './StatusBar';
import { useRefreshOnWrite } from './useRefreshOnWrite';

/** The layout every area lives in: navigation, the area, the status bar. */
export function Workbench({ info, commands }: { info: WorkbookInfo; commands: WorkbookCommands }) {
  const [active, setActive] = useState<{ id: SectionId; params: Record<string, string> }>({ id: 'inventory', params: {} });
  const section = SECTIONS.find((candidate) => candidate.id === active.id) ?? SECTIONS[0]!;
  const View = section.component;
  useRefreshOnWrite();
  const history = useHistory();
  const { mutate: undo } = history.undo;
  const { mutate: redo } = history.redo;
  const undoNow = useCallback(() => undo(), [undo]);
  const redoNow = useCallback(() => redo(), [redo]);
  useUndoShortcuts(undoNow, redoNow);

  // Find: go to the inventory (keeping its filters if already there) and focus its search box.
  const find = useCallback(() => {
    setActive((current) => (current.id === 'inventory' ? current : { id: 'inventory', params: {} }));
    window.setTimeout(requestFind, 0);
  }, []);

  useEffect(() => {
    // Ctrl/Cmd+1..9 switches areas; Ctrl/Cmd+F finds.
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      if (event.key.toLowerCase() === 'f' && !event.shiftKey) {
        event.preventDefault();
        find();
        return;
      }
      const target = SECTIONS.find((candidate) => candidate.shortcut === event.key);
      if (target) {
        event.preventDefault();
        setActive({ id: target.id, params: {} });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [find]);

  // Menu commands the workbench owns (New/Open/Close are handled by useWorkbookCommands).
  const menu = commands.lastMenuCommand;
  useEffect(() => {
    if (!menu) return;
    if (menu.command === 'undo') menuUndo('undo', undoNow);
    else if (menu.command === 'redo') menuUndo('redo', redoNow);
    else if (menu.command === 'find') window.setTimeout(find, 0);
    else if (menu.command === 'export') window.setTimeout(() => setActive({ id: 'export', params: { dialog: 'open' } }), 0);
    else if (menu.command === 'verify-workbook') window.setTimeout(() => setActive({ id: 'audit', params: { verify: 'run', seq: String(menu.seq) } }), 0);
    else if (menu.command === 'merge' || menu.command === 'save-copy') window.setTimeout(() => setActive({ id: 'merge', params: { action: menu.command === 'merge' ? 'merge' : 'copy' } }), 0);
  }, [menu, undoNow, redoNow, find]);

  return (
    <div className="workbench">
      <header className="topbar">
        <div className="topbar__title">
          <span className="brand">Demarc</span>
          <h1 className="workbook-name">{info.name}</h1>
          <span className="muted">{info.organisation}</span>
        </div>
        <div className="topbar__actions">
          <UndoRedoButtons history={history} />
          <ImportLauncher disabled={commands.busy} />
          <button type="button" onClick={() => commands.open()} disabled={commands.busy}>
            Open…
          </button>
          <button type="button" onClick={() => commands.close()} disabled={commands.busy}>
            Close
          </button>
        </div>
      </header>
      {commands.error && <ErrorBanner message={commands.error} onDismiss={commands.clearError} />}
      <div className="workbench__body">
        <nav className="sidenav" aria-label="Areas">
          <ul>
            {SECTIONS.map((candidate) => (
              <li key={candidate.id}>
                <button
                  type="button"
                  className={candidate.id === section.id ? 'sidenav__item is-active' : 'sidenav__item'}
                  aria-current={candidate.id === section.id ? 'page' : undefined}
                  onClick={() => setActive({ id: candidate.id, params: {} })}
                  title={candidate.shortcut ? `${candidate.label} (Ctrl+${candidate.shortcut})` : candidate.label}
                >
                  {candidate.label}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <main className="area" aria-labelledby="area-title">
          <h2 id="area-title" className="area__title">
            {section.label}
          </h2>
          <View key={`${section.id}:${JSON.stringify(active.params)}`} info={info} params={active.params} navigate={(id, params) => setActive({ id, params: params ?? {} })} />
        </main>
      </div>
      <StatusBar info={info} />
    </div>
  );
}
