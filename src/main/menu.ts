import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '@shared/contract';
import type { RecentWorkbook } from '@shared/contract/workbook';

/** The application menu as data, so it can be unit-tested without Electron. */
export function menuTemplate(
  platform: string,
  recent: RecentWorkbook[],
  send: (command: MenuCommand) => void,
  hasWorkbook: boolean
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const recentItems: MenuItemConstructorOptions[] = recent.length
    ? recent.map((entry) => ({ label: entry.name, sublabel: entry.path, enabled: entry.exists, click: () => send({ open: entry.path }) }))
    : [{ label: 'No recent workbooks', enabled: false }];
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Workbook…', accelerator: 'CmdOrCtrl+N', click: () => send('new-workbook') },
        { label: 'Open Workbook…', accelerator: 'CmdOrCtrl+O', click: () => send('open-workbook') },
        { label: 'Open Recent', submenu: recentItems },
        { type: 'separator' },
        { label: 'Import Inventory…', accelerator: 'CmdOrCtrl+I', enabled: hasWorkbook, click: () => send('import') },
        { label: 'Export RACI Workbook…', accelerator: 'CmdOrCtrl+E', enabled: hasWorkbook, click: () => send('export') },
        { type: 'separator' },
        { label: 'Save a Copy For…', enabled: hasWorkbook, click: () => send('save-copy') },
        { label: 'Merge Workbook…', enabled: hasWorkbook, click: () => send('merge') },
        { type: 'separator' },
        { label: 'Close Workbook', accelerator: 'CmdOrCtrl+W', enabled: hasWorkbook, click: () => send('close-workbook') },
        ...(isMac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const }])
      ]
    },
    {
      label: '&Edit',
      submenu: [
        // Undo/redo act on workbook edits, not text fields: the renderer decides which.
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => send('undo') },
        { label: 'Redo', accelerator: isMac ? 'Shift+CmdOrCtrl+Z' : 'CmdOrCtrl+Y', click: () => send('redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Find…', accelerator: 'CmdOrCtrl+F', click: () => send('find') }
      ]
    },
    {
      label: '&View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }]
    },
    {
      label: '&Help',
      submenu: [
        { label: 'Verify Workbook…', enabled: hasWorkbook, click: () => send('verify-workbook') },
        { type: 'separator' },
        { label: 'About Demarc', click: () => send('about') }
      ]
    }
  ];
}
