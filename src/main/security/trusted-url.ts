/**
 * Which URLs belong to the app. In production the renderer is loaded from a file:// URL inside
 * the app; in development from the electron-vite dev server on localhost.
 */
export interface AppOrigin {
  /** The exact URL of the renderer's index.html (file://… or http://localhost:port/). */
  rendererUrl: string;
}

export function isAppUrl(url: string, origin: AppOrigin): boolean {
  let target: URL;
  let app: URL;
  try {
    target = new URL(url);
    app = new URL(origin.rendererUrl);
  } catch {
    return false;
  }
  if (app.protocol === 'file:') {
    return target.protocol === 'file:' && target.pathname === app.pathname;
  }
  return target.origin === app.origin;
}

/** External links we are willing to hand to the OS browser: https only, no credentials. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}
