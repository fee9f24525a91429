/**
 * The e2e harness: serves the built renderer on 127.0.0.1, launches Debian's Chromium through
 * playwright-core, and runs the REAL built preload in the page with a tiny `electron` shim whose
 * ipcRenderer.invoke reaches the real router (through registerIpc and an IpcMainLike double,
 * over a same-origin WebSocket to this harness, see serveRenderer) over a real workbook in a temp
 * folder. Each request goes renderer → preload → ipc → router →
 * services → SQLite, as in the app.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve as resolvePath } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { WebSocketServer } from 'ws';
import { EVENT_CHANNEL_PREFIX, INVOKE_CHANNEL } from '@shared/contract';
import { HANDLERS } from '@main/handlers';
import { registerIpc, type IpcMainLike } from '@main/ipc';
import { LocalUserFile } from '@main/local-user';
import { SafeStorageKeyFile, type SafeStorageLike } from '@main/signing/safe-storage-key';
import { fakeSafeStorage } from '../fake-safe-storage';
import { RecentFiles } from '@main/recent-files';
import { createRouter } from '@main/router';
import { SessionGrants } from '@main/security/file-grants';
import type { DialogPort } from '@main/router-context';
import { Session } from '@main/session';

/** The repository: the nearest folder above this file with the Vite config (this file is also bundled into bench/.data). */
function repositoryRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'electron.vite.config.ts'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no electron.vite.config.ts above ${from}`);
  }
}
const ROOT = repositoryRoot(__dirname);
const RENDERER_DIR = join(ROOT, 'out', 'renderer');
const PRELOAD = join(ROOT, 'out', 'preload', 'index.js');
export const SCREENSHOT_DIR = join(ROOT, 'tests', 'e2e', '__screenshots__');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2'
};

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error('Chromium not found: apt-get install -y chromium, or set CHROMIUM_PATH');
  return found;
}

/** Each launched app's invoke handler, by the id its preload shim connects with. */
type Invoke = (channel: string, argsJson: string) => Promise<{ text: string; mainMs: number }>;
const apps = new Map<string, Invoke>();
const IPC_PATH = '/__demarc-ipc/';

/**
 * Serves the built renderer on 127.0.0.1, and stands in for Electron's IPC: the preload shim's
 * ipcRenderer.invoke sends a message over one WebSocket per page to IPC_PATH<app id> on the same
 * origin (the app's CSP allows connect-src 'self'), answered by that app's router. Like Electron's
 * IPC it is a persistent message channel between the page and main (a request per call went
 * through the browser's whole HTTP stack: ~5 ms a call here), and it keeps the requests out of
 * Playwright's protocol, which the tests drive.
 * Request: {"id", "channel", "args" (JSON of the argument list)}; answer: {"id", "mainMs", and
 * "result" or "error"}, mainMs being main's time on it (the UI bench's breakdown reads it).
 */
function serveRenderer(): Promise<{ server: Server; url: string }> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('out/renderer is missing: run `npx electron-vite build` first');
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = normalize(join(RENDERER_DIR, pathname === '/' ? 'index.html' : pathname));
    if (req.method !== 'GET' || !file.startsWith(RENDERER_DIR) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  const sockets = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const invoke = pathname.startsWith(IPC_PATH) ? apps.get(pathname.slice(IPC_PATH.length)) : undefined;
    if (!invoke) {
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => {
      // A broken frame fails the page's pending calls (its socket closes), not the test process.
      ws.on('error', () => ws.terminate());
      ws.on('message', (data: Buffer) => {
        const receivedAt = performance.timeOrigin + performance.now();
        let request: { id: number; channel: string; args: string };
        try {
          request = JSON.parse(data.toString('utf8')) as typeof request;
        } catch {
          ws.close(1007, 'the harness IPC expects JSON');
          return;
        }
        const { id, channel, args } = request;
        invoke(channel, args).then(
          ({ text, mainMs }) => ws.send(`{"id":${id},"mainMs":${mainMs.toFixed(2)},"receivedAt":${receivedAt},"repliedAt":${performance.timeOrigin + performance.now()},"result":${text ?? 'null'}}`),
          (error: unknown) => ws.send(JSON.stringify({ id, error: error instanceof Error ? error.message : String(error) }))
        );
      });
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}/` });
    });
  });
}

/** The preload, run as the sandbox would run it: CommonJS with `require('electron')` only. */
function preloadInitScript(appId: string): string {
  const source = readFileSync(PRELOAD, 'utf8');
  return `(() => {
    const listeners = new Map();
    // One socket per page; window.__demarcIpcTimings, when a test sets it to an array, gets each
    // call's {sent, answered, mainMs, receivedAt, repliedAt} (page clock) for the UI bench's breakdown.
    const ipc = { next: 0, pending: new Map() };
    ipc.ready = new Promise((resolve, reject) => {
      const socket = new WebSocket('ws://' + location.host + ${JSON.stringify(IPC_PATH + appId)});
      socket.onopen = () => resolve(socket);
      socket.onerror = () => reject(new Error('the harness IPC socket failed'));
      socket.onclose = () => { for (const call of ipc.pending.values()) call.reject(new Error('the harness IPC socket closed')); ipc.pending.clear(); };
      socket.onmessage = (event) => {
        const answer = JSON.parse(event.data);
        const call = ipc.pending.get(answer.id);
        if (!call) return;
        ipc.pending.delete(answer.id);
        if (Array.isArray(window.__demarcIpcTimings)) window.__demarcIpcTimings.push({ sent: call.sent, answered: performance.now(), mainMs: answer.mainMs ?? 0, receivedAt: answer.receivedAt - performance.timeOrigin, repliedAt: answer.repliedAt - performance.timeOrigin });
        if ('error' in answer) call.reject(new Error(answer.error));
        else call.resolve(answer.result);
      };
    });
    const __electronShim = {
      // Chromium gives dropped File objects no path: tests name the paths by file name.
      webUtils: { getPathForFile: (file) => (window.__demarcDroppedPaths || {})[file.name] || '' },
      contextBridge: { exposeInMainWorld: (key, value) => { Object.defineProperty(window, key, { value, configurable: false, writable: false }); } },
      ipcRenderer: {
        // JSON both ways, as the harness's stand-in for IPC: the contract must survive a structured clone as plain data.
        invoke: (channel, ...args) => new Promise((resolve, reject) => {
          const id = ++ipc.next;
          const fail = (error) => { ipc.pending.delete(id); reject(error); };
          ipc.pending.set(id, { resolve, reject, sent: performance.now() });
          ipc.ready.then((socket) => {
            if (socket.readyState !== WebSocket.OPEN) return fail(new Error('the harness IPC socket closed'));
            socket.send(JSON.stringify({ id, channel, args: JSON.stringify(args) }));
          }, fail);
        }),
        on: (channel, fn) => { if (!listeners.has(channel)) listeners.set(channel, new Set()); listeners.get(channel).add(fn); },
        removeListener: (channel, fn) => { listeners.get(channel)?.delete(fn); }
      }
    };
    window.__demarcEmit = (channel, payload) => { for (const fn of listeners.get(channel) ?? []) fn({}, payload); };
    const require = (name) => { if (name === 'electron') return __electronShim; throw new Error('a sandboxed preload may only require electron, not ' + name); };
    const module = { exports: {} };
    const exports = module.exports;
    ${source}
  })();`;
}

/** Answers the native dialogs: tests queue the paths a user would pick. */
export class DialogDouble implements DialogPort {
  readonly newPaths: (string | null)[] = [];
  readonly openPaths: (string | null)[] = [];
  readonly importFiles: string[][] = [];
  readonly exportPaths: (string | null)[] = [];
  readonly modelFiles: (string | null)[] = [];
  readonly mappingFiles: (string | null)[] = [];
  readonly caiqFiles: (string | null)[] = [];
  readonly verifyFiles: (string | null)[] = [];
  chooseNewWorkbookPath = () => Promise.resolve(this.newPaths.shift() ?? null);
  chooseWorkbookToOpen = () => Promise.resolve(this.openPaths.shift() ?? null);
  chooseImportFiles = () => Promise.resolve(this.importFiles.shift() ?? []);
  chooseExportPath = () => Promise.resolve(this.exportPaths.shift() ?? null);
  chooseModelFile = () => Promise.resolve(this.modelFiles.shift() ?? null);
  chooseMappingFile = () => Promise.resolve(this.mappingFiles.shift() ?? null);
  chooseCaiqWorkbook = () => Promise.resolve(this.caiqFiles.shift() ?? null);
  chooseExportToVerify = () => Promise.resolve(this.verifyFiles.shift() ?? null);
}

export interface AppUnderTest {
  page: Page;
  context: BrowserContext;
  dir: string;
  dialogs: DialogDouble;
  session: Session;
  shown: string[];
  titles: (string | null)[];
  errors: string[];
  /** Every call the page made through window.api, in order: method and arguments. */
  calls: { method: string; args: unknown }[];
  /** Pushes an event to the renderer as main's webContents.send would. */
  emit(event: string, payload: unknown): Promise<void>;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export class Harness {
  browser: Browser | null = null;
  private server: Server | null = null;
  url = '';

  async start(): Promise<void> {
    const served = await serveRenderer();
    this.server = served.server;
    this.url = served.url;
    this.browser = await chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
    });
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** A fresh app: new browser context, new temp folder, new router over the real services. */
  async launch(options: { dir?: string; clock?: () => string; safeStorage?: SafeStorageLike } = {}): Promise<AppUnderTest> {
    if (!this.browser) throw new Error('harness not started');
    const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'demarc-e2e-'));
    const ownsDir = !options.dir;
    const dialogs = new DialogDouble();
    const session = new Session();
    const shown: string[] = [];
    const calls: { method: string; args: unknown }[] = [];
    const titles: (string | null)[] = [];
    const errors: string[] = [];
    const context = await this.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    const emit = async (event: string, payload: unknown) => {
      await page.evaluate(([channel, data]) => (window as unknown as { __demarcEmit(c: string, p: unknown): void }).__demarcEmit(channel as string, data), [
        `${EVENT_CHANNEL_PREFIX}${event}`,
        payload
      ] as const);
    };
    const recent = new RecentFiles(join(dir, 'user-data', 'recent-workbooks.json'));
    // As the app: a path is usable when chosen in a dialog, dropped, or on the recent list.
    const files = new SessionGrants((path, purpose) => purpose === 'workbook' && recent.list().some((entry) => resolvePath(entry.path) === path));
    const router = createRouter(HANDLERS, {
      services: {
        clock: options.clock ?? (() => new Date().toISOString()),
        osUser: 'e2e-user',
        localUser: new LocalUserFile(join(dir, 'user-data', 'user.json')),
        // As the app: the signing key encrypted with safeStorage in user data (a double that encrypts for real).
        signingKey: new SafeStorageKeyFile(join(dir, 'user-data', 'signing-key.json'), options.safeStorage ?? fakeSafeStorage())
      },
      session,
      recent,
      dialogs,
      files,
      shell: {
        showItemInFolder: (path) => shown.push(path),
        workbookChanged: (info) => titles.push(info ? info.name : null)
      },
      emit: (event, payload) => void emit(event, payload).catch(() => undefined),
      warmUp: true,
      // The app prints with Electron's printToPDF; here the same HTML is printed by Chromium's page.pdf().
      printPdf: async (html) => {
        const printer = await context.newPage();
        try {
          await printer.setContent(html, { waitUntil: 'load' });
          return await printer.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
        } finally {
          await printer.close();
        }
      }
    });
    const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
    const ipcMain: IpcMainLike = {
      handle: (channel, listener) => handlers.set(channel, listener),
      removeHandler: (channel) => handlers.delete(channel)
    };
    registerIpc(ipcMain, router, () => true, (path) => files.grant(path, 'read'));
    const appId = randomUUID();
    apps.set(appId, async (channel, argsJson) => {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`no handler for ${channel}`);
      const started = performance.now();
      const invocation = JSON.parse(argsJson) as unknown[];
      if (channel === INVOKE_CHANNEL) calls.push({ method: String(invocation[0]), args: invocation[1] });
      const result = await handler({}, ...invocation);
      const text = JSON.stringify(result);
      const mainMs = performance.now() - started;
      // DEMARC_E2E_TRACE=1 prints each request's time in main, to find where a slow screen waits.
      if (process.env.DEMARC_E2E_TRACE) console.log(`${Date.now()} +${mainMs.toFixed(1)} ms ${argsJson.slice(0, 120)}`);
      return { text, mainMs };
    });
    await page.addInitScript({ content: preloadInitScript(appId) });
    await page.goto(this.url);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    return {
      page,
      context,
      dir,
      dialogs,
      session,
      shown,
      titles,
      errors,
      calls,
      emit,
      screenshot: async (name) => {
        const path = join(SCREENSHOT_DIR, `${name}.png`);
        await page.screenshot({ path, fullPage: false });
        return path;
      },
      close: async () => {
        await context.close();
        apps.delete(appId);
        session.close();
        if (ownsDir) rmSync(dir, { recursive: true, force: true });
      }
    };
  }
}
