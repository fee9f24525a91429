/** Injected at build time (vite define) and in tests (vitest define): package.json's version. */
declare const __DEMARC_VERSION__: string;
