/** Electron lifecycle only: single instance, the window, the menu, the IPC binding. */
import { BrowserWindow, Menu, app, dialog, ipcMain, shell } from 'electron';
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { EVENT_CHANNEL_PREFIX, type EventName, type MenuCommand } from '@shared/contract';
import { electronDialogs } from './electron-dialogs';
import { HANDLERS } from './handlers';
import { registerIpc } from './ipc';
import { menuTemplate, workbookPathFromArgv } from './menu';
import { resolveNativeBinding } from './native-binding';
import { shellOpener } from './security/open-external';
import { RecentFiles } from './recent-files';
import { createRouter } from './router';
import { Session } from './session';
import { createMainWindow, rendererOrigin, secureWindow, windowTitle } from './window';

const outDir = join(__dirname, '..');
let mainWindow: BrowserWindow | null = null;
const session = new Session();
const pendingOpen: string[] = [];

function emit(event: EventName, payload: unknown): void {
  mainWindow?.webContents.send(`${EVENT_CHANNEL_PREFIX}${event}`, payload);
}

function sendMenu(command: MenuCommand): void {
  // About is the OS's own panel; every other command is the renderer's.
  if (command === 'about') {
    app.showAboutPanel();
    return;
  }
  emit('menu', command);
}

function refreshMenu(recent: RecentFiles): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, recent.list(), sendMenu, session.workbook !== null)));
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

function createWindow(recent: RecentFiles): void {
  const origin = rendererOrigin(outDir, process.env.ELECTRON_RENDERER_URL);
  mainWindow = createMainWindow(BrowserWindow, outDir);
  secureWindow(mainWindow, origin, shellOpener(shell));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  mainWindow.webContents.once('did-finish-load', () => {
    for (const path of pendingOpen.splice(0)) sendMenu({ open: path });
  });
  void mainWindow.loadURL(origin.rendererUrl);
  refreshMenu(recent);
}

function start(): void {
  app.setAboutPanelOptions({
    applicationName: 'Demarc',
    applicationVersion: app.getVersion(),
    copyright: 'Shared-responsibility tables: Microsoft Learn. Service-model catalogue: Microsoft FinOps toolkit (MIT).'
  });
  const recent = new RecentFiles(join(app.getPath('userData'), 'recent-workbooks.json'));
  const nativeBinding = resolveNativeBinding({
    electronVersion: process.versions.electron,
    platform: process.platform,
    arch: process.arch,
    appRoot: app.getAppPath(),
    isPackaged: app.isPackaged,
    exists: existsSync
  });
  const router = createRouter(HANDLERS, {
    services: { clock: () => new Date().toISOString(), osUser: osUser(), ...(nativeBinding ? { nativeBinding } : {}) },
    session,
    recent,
    dialogs: electronDialogs(dialog, () => mainWindow, app.getPath('documents')),
    shell: {
      showItemInFolder: (path) => shell.showItemInFolder(path),
      workbookChanged: (workbook) => {
        mainWindow?.setTitle(windowTitle(workbook));
        if (workbook) app.addRecentDocument(workbook.path);
        refreshMenu(recent);
      }
    },
    emit,
    warmUp: true,
    log: (line) => console.error(line)
  });
  registerIpc(ipcMain, router, (event) => {
    // Only our own window's main frame may call the router.
    const frame = (event as Electron.IpcMainInvokeEvent).senderFrame;
    return mainWindow !== null && frame !== null && frame === mainWindow.webContents.mainFrame;
  });
  createWindow(recent);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const initial = workbookPathFromArgv(process.argv.slice(1));
  if (initial) pendingOpen.push(initial);
  app.on('second-instance', (_event, argv) => {
    const path = workbookPathFromArgv(argv);
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
      if (path) sendMenu({ open: path });
    }
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (mainWindow) sendMenu({ open: path });
    else pendingOpen.push(path);
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault());
  });
  app.on('window-all-closed', () => {
    session.close();
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => session.close());
  void app.whenReady().then(start);
}
