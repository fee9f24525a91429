/** Injected at build time (vite define) and in tests (vitest define): package.json's version. */
declare const __DEMARC_VERSION__: string;

/** exceljs's cell renderer, not in its typings (used by src/main/export/xlsx-inline-strings.ts only). */
declare module 'exceljs/lib/xlsx/xform/sheet/cell-xform.js' {
  const CellXform: { prototype: object };
  export default CellXform;
}

/** exceljs's XML text escaping, not in its typings (used by src/main/export/exceljs-load.ts only). */
declare module 'exceljs/lib/utils/utils.js' {
  const utils: { xmlEncode?: (text: string) => string };
  export default utils;
}
