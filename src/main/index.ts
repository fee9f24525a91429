/** Electron lifecycle only: single instance, the window, the menu, the IPC binding. */
import { BrowserWindow, Menu, app, dialog, ipcMain, safeStorage, shell } from 'electron';
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { EVENT_CHANNEL_PREFIX, type EventName, type EventPayloads, type MenuCommand } from '@shared/contract';
import { electronDialogs } from './electron-dialogs';
import { HANDLERS } from './handlers';
import { registerIpc } from './ipc';
import { menuTemplate } from './menu';
import { resolveAppIcon, resolveNativeBinding } from './native-binding';
import { workbookPathFromArgv } from './open-from-os';
import { SessionGrants } from './security/file-grants';
import { shellOpener } from './security/open-external';
import { RecentFiles } from './recent-files';
import { electronPdfPrinter } from './print-pdf';
import { LocalUserFile } from './local-user';
import { SafeStorageKeyFile } from './signing/safe-storage-key';
import { createRouter } from './router';
import { Session } from './session';
import { createMainWindow, rendererOrigin, secureWindow, windowTitle } from './window';

const outDir = join(__dirname, '..');

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/**
 * The desktop app: one window over one Session. Its state (the window, the recent list, files
 * the OS asked to open before the renderer was ready) lives in this closure, not in the module.
 */
function runDesktopApp(): void {
  let mainWindow: BrowserWindow | null = null;
  let recent: RecentFiles | null = null;
  const session = new Session();
  /** The files the user chose in this session; a workbook on the recent list counts as chosen. */
  const grants = new SessionGrants(
    (path, purpose) => purpose === 'workbook' && recent !== null && recent.list().some((entry) => resolve(entry.path) === path)
  );
  /** Workbooks the OS asked us to open before the renderer could take them. */
  const pendingOpen: string[] = [];
  let rendererReady = false;
  const appPaths = () => ({
    platform: process.platform,
    appRoot: app.getAppPath(),
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    exists: existsSync
  });

  function emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
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
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate(process.platform, recent.list(), sendMenu, session.workbook !== null)
      )
    );
  }

  function createWindow(recent: RecentFiles): void {
    const origin = rendererOrigin(outDir, process.env.ELECTRON_RENDERER_URL);
    rendererReady = false;
    mainWindow = createMainWindow(BrowserWindow, outDir, resolveAppIcon(appPaths()));
    secureWindow(mainWindow, origin, shellOpener(shell));
    mainWindow.once('ready-to-show', () => mainWindow?.show());
    mainWindow.on('closed', () => {
      mainWindow = null;
      rendererReady = false;
    });
    mainWindow.webContents.once('did-finish-load', () => {
      rendererReady = true;
      for (const path of pendingOpen.splice(0)) sendMenu({ open: path });
    });
    void mainWindow.loadURL(origin.rendererUrl);
    refreshMenu(recent);
  }

  /** A double-clicked workbook (argv, second instance, macOS open-file) opens in this instance. */
  function openFromOs(path: string): void {
    // A double-click or a command line naming the file is the user's choice of it.
    grants.grant(path, 'workbook');
    if (mainWindow && rendererReady) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
      sendMenu({ open: path });
      return;
    }
    pendingOpen.push(path);
    // macOS keeps running with no window: a double-click brings one back.
    if (!mainWindow && recent && app.isReady()) createWindow(recent);
  }

  function start(): void {
    const icon = resolveAppIcon(appPaths());
    app.setAboutPanelOptions({
      applicationName: 'Demarc',
      applicationVersion: app.getVersion(),
      version: `Electron ${process.versions.electron}`,
      copyright:
        'Shared-responsibility tables: Microsoft Learn. Service-model catalogue: Microsoft FinOps toolkit (MIT).',
      ...(icon ? { iconPath: icon } : {})
    });
    const recentFiles = new RecentFiles(join(app.getPath('userData'), 'recent-workbooks.json'));
    recent = recentFiles;
    const nativeBinding = resolveNativeBinding({
      ...appPaths(),
      electronVersion: process.versions.electron,
      arch: process.arch
    });
    const router = createRouter(HANDLERS, {
      services: {
        clock: () => new Date().toISOString(),
        osUser: osUser(),
        // userData is per OS user: the person's own name never travels with a workbook.
        localUser: new LocalUserFile(join(app.getPath('userData'), 'user.json')),
        // The key that signs this person's sign-offs, encrypted by the OS (safeStorage), never in a workbook.
        signingKey: new SafeStorageKeyFile(join(app.getPath('userData'), 'signing-key.json'), safeStorage),
        ...(nativeBinding ? { nativeBinding } : {})
      },
      session,
      recent: recentFiles,
      dialogs: electronDialogs(dialog, () => mainWindow, app.getPath('documents')),
      files: grants,
      shell: {
        showItemInFolder: (path) => shell.showItemInFolder(path),
        workbookChanged: (workbook) => {
          mainWindow?.setTitle(windowTitle(workbook));
          if (workbook) app.addRecentDocument(workbook.path);
          refreshMenu(recentFiles);
        }
      },
      emit,
      warmUp: true,
      printPdf: electronPdfPrinter(BrowserWindow),
      log: (line) => console.error(line)
    });
    registerIpc(ipcMain, router, (event) => {
      // Only our own window's main frame may call the router.
      const frame = (event as Electron.IpcMainInvokeEvent).senderFrame;
      return mainWindow !== null && frame !== null && frame === mainWindow.webContents.mainFrame;
    }, (path) => grants.grant(path, 'read'));
    createWindow(recentFiles);
  }

  if (!app.requestSingleInstanceLock()) {
    app.quit();
  } else {
    const initial = workbookPathFromArgv(process.argv.slice(1), process.cwd());
    if (initial) pendingOpen.push(initial);
    app.on('second-instance', (_event, argv, workingDirectory) => {
      // Relative paths are relative to where the second instance was started, not to us.
      const path = workbookPathFromArgv(argv.slice(1), workingDirectory);
      if (path) openFromOs(path);
      else if (mainWindow) {
        if (mainWindow.isMinimized()) mainWindow.restore();
        mainWindow.focus();
      } else if (recent) createWindow(recent);
    });
    app.on('open-file', (event, path) => {
      event.preventDefault();
      openFromOs(path);
    });
    app.on('activate', () => {
      if (!mainWindow && recent) createWindow(recent);
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
}

runDesktopApp();
