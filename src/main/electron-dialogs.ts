import type { BrowserWindow, Dialog } from 'electron';
import type { DialogPort } from './router-context';

const WORKBOOK_FILTER = { name: 'Demarc workbook', extensions: ['demarc'] };
/** The save dialog's title and file type per export format. */
const EXPORT_KINDS = {
  xlsx: { title: 'Export RACI workbook', name: 'Excel workbook' },
  csv: { title: 'Export RACI table', name: 'CSV' },
  svg: { title: 'Save the demarcation picture', name: 'SVG image' },
  png: { title: 'Save the demarcation picture', name: 'PNG image' },
  json: { title: 'Export', name: 'JSON' },
  pdf: { title: 'Save the workshop minutes', name: 'PDF document' },
  html: { title: 'Save the workshop minutes', name: 'Web page' }
} as const;

/** The native dialogs behind DialogPort. */
export function electronDialogs(dialog: Dialog, window: () => BrowserWindow | null, documentsDir: string): DialogPort {
  const parent = () => window() ?? undefined;
  const openOne = async (title: string, filter: { name: string; extensions: string[] }): Promise<string | null> => {
    const options = { title, properties: ['openFile' as const], filters: [filter] };
    const w = parent();
    const result = w ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
  return {
    async chooseNewWorkbookPath(suggestedName) {
      const options = { title: 'New Demarc workbook', defaultPath: `${documentsDir}/${suggestedName}.demarc`, filters: [WORKBOOK_FILTER] };
      const w = parent();
      const result = w ? await dialog.showSaveDialog(w, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseWorkbookToOpen() {
      const options = { title: 'Open Demarc workbook', properties: ['openFile' as const], filters: [WORKBOOK_FILTER, { name: 'All files', extensions: ['*'] }] };
      const w = parent();
      const result = w ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseImportFiles() {
      const options = {
        title: 'Import inventory',
        properties: ['openFile' as const, 'multiSelections' as const],
        filters: [{ name: 'Inventories', extensions: ['json', 'csv', 'tsv', 'txt', 'xlsx'] }, { name: 'All files', extensions: ['*'] }]
      };
      const w = parent();
      const result = w ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    async chooseExportPath(suggestedName, format) {
      const { title, name } = EXPORT_KINDS[format];
      const options = { title, defaultPath: `${documentsDir}/${suggestedName}.${format}`, filters: [{ name, extensions: [format] }] };
      const w = parent();
      const result = w ? await dialog.showSaveDialog(w, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    chooseModelFile: () => openOne('Import responsibility model', { name: 'Model (JSON)', extensions: ['json'] }),
    chooseMappingFile: () => openOne('Import control mapping', { name: 'Control mapping (JSON)', extensions: ['json'] }),
    chooseExportToVerify: () => openOne('Choose an earlier export (to verify against or compare with)', { name: 'Demarc export (xlsx, OSCAL JSON)', extensions: ['xlsx', 'json'] }),
    chooseCaiqWorkbook: () => openOne("CSA's CAIQ v4 workbook to merge", { name: 'Excel workbook', extensions: ['xlsx'] })
  };
}
