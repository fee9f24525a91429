import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions, guardContents, type GuardableContents } from '@main/security/guards';
import { openExternalSafely } from '@main/security/open-external';
import { isAppUrl, isSafeExternalUrl } from '@main/security/trusted-url';
import { createMainWindow, rendererOrigin, secureWindow, windowTitle } from '@main/window';

type Listener = (event: { preventDefault(): void }, url: string) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: 'deny' | 'allow' }) | null = null;
  const contents: GuardableContents = {
    on: (event, listener) => listeners.set(event, listener),
    setWindowOpenHandler: (handler) => {
      openHandler = handler;
    }
  };
  const fire = (event: string, url: string) => {
    const preventDefault = vi.fn();
    listeners.get(event)!({ preventDefault }, url);
    return preventDefault.mock.calls.length > 0;
  };
  return { contents, fire, open: (url: string) => openHandler!({ url }) };
}

const prodOrigin = rendererOrigin('/opt/Demarc/resources/app/out', undefined);

describe('window settings', () => {
  it('keeps every renderer hardening switch on', () => {
    class FakeWindow {
      constructor(readonly options: Record<string, unknown>) {}
    }
    const window = createMainWindow(FakeWindow, '/app/out');
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(window.options.show).toBe(false);
    expect(prefs).toEqual({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      spellcheck: false
    });
  });

  it('shows the app icon when one is found, and sets none otherwise', () => {
    class FakeWindow {
      constructor(readonly options: Record<string, unknown>) {}
    }
    expect(createMainWindow(FakeWindow, '/app/out', '/opt/Demarc/resources/icon.png').options.icon).toBe('/opt/Demarc/resources/icon.png');
    expect('icon' in createMainWindow(FakeWindow, '/app/out').options).toBe(false);
  });

  it('loads the built renderer from a file URL, or the dev server when given', () => {
    expect(prodOrigin.rendererUrl).toBe('file:///opt/Demarc/resources/app/out/renderer/index.html');
    expect(rendererOrigin('/x', 'http://localhost:5173/').rendererUrl).toBe('http://localhost:5173/');
  });

  it('titles the window with the workbook name', () => {
    expect(windowTitle({ name: 'Contoso' })).toBe('Contoso — Demarc');
    expect(windowTitle(null)).toBe('Demarc');
  });
});

describe('navigation and window guards', () => {
  it('blocks navigation and redirects away from the app, handing https links to the OS browser', () => {
    const { contents, fire } = fakeContents();
    const opened: string[] = [];
    guardContents(contents, prodOrigin, (url) => {
      opened.push(url);
      return Promise.resolve();
    });
    expect(fire('will-navigate', 'https://evil.example/phish')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(fire('will-navigate', prodOrigin.rendererUrl)).toBe(false);
    expect(fire('will-redirect', 'http://127.0.0.1:9999/')).toBe(true);
    expect(fire('will-attach-webview', 'https://learn.microsoft.com/')).toBe(true);
    expect(opened).toEqual(['https://evil.example/phish']);
  });

  it('denies window.open and opens only https links externally', () => {
    const { contents, open } = fakeContents();
    const opened: string[] = [];
    guardContents(contents, prodOrigin, (url) => {
      opened.push(url);
      return Promise.resolve();
    });
    expect(open('https://learn.microsoft.com/azure/security/fundamentals/shared-responsibility')).toEqual({ action: 'deny' });
    expect(open('file:///C:/Windows/System32/calc.exe')).toEqual({ action: 'deny' });
    expect(open('http://insecure.example/')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://learn.microsoft.com/azure/security/fundamentals/shared-responsibility']);
  });

  it('denies every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | null = null;
    let check: ((c: unknown, p: string) => boolean) | null = null;
    denyAllPermissions({
      setPermissionRequestHandler: (handler) => {
        request = handler;
      },
      setPermissionCheckHandler: (handler) => {
        check = handler;
      }
    });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      request!(null, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(check!(null, permission)).toBe(false);
    }
  });

  it('applies both guards to a window', () => {
    const { contents, fire } = fakeContents();
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
    secureWindow({ webContents: Object.assign(contents, { session }) }, prodOrigin, () => Promise.resolve());
    expect(session.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(fire('will-navigate', 'https://example.com')).toBe(true);
  });
});

describe('trusted URLs', () => {
  it('recognises only the app itself', () => {
    const dev = { rendererUrl: 'http://localhost:5173/' };
    expect(isAppUrl('http://localhost:5173/#/inventory', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('file:///opt/Demarc/resources/app/out/renderer/other.html', prodOrigin)).toBe(false);
    expect(isAppUrl('not a url', prodOrigin)).toBe(false);
  });

  it('lets only credential-free https links out', () => {
    expect(isSafeExternalUrl('https://learn.microsoft.com/')).toBe(true);
    expect(isSafeExternalUrl('https://user:pw@example.com/')).toBe(false);
    expect(isSafeExternalUrl('smb://server/share')).toBe(false);
    expect(openExternalSafely('ms-settings:privacy', () => Promise.resolve())).toBe(false);
  });
});
