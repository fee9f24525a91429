import type { EventName, EventPayloads } from '@shared/contract';
import type { RecentList } from './recent-files';
import type { FileAccess } from './security/file-grants';
import type { ServiceContext } from './services/context';
import type { Session } from './session';
import type { PrintPdf } from './services/workshop/workshop-minutes';

/** Native dialogs, as the router needs them. Electron's dialog module in the app; a double in tests. */
export interface DialogPort {
  chooseNewWorkbookPath(suggestedName: string): Promise<string | null>;
  chooseWorkbookToOpen(): Promise<string | null>;
  chooseImportFiles(): Promise<string[]>;
  /** Where to save an export: the RACI workbook or table, a picture, or a framework export. */
  chooseExportPath(suggestedName: string, format: 'xlsx' | 'csv' | 'svg' | 'png' | 'json' | 'pdf' | 'html'): Promise<string | null>;
  chooseModelFile(): Promise<string | null>;
  /** A layer → control mapping (JSON) to import. */
  chooseMappingFile(): Promise<string | null>;
  /** The user's copy of CSA's CAIQ v4 workbook (xlsx) to merge into a CCM export. */
  chooseCaiqWorkbook(): Promise<string | null>;
  /** An earlier export (xlsx or OSCAL JSON) whose change-log chain head `verify` checks, or a comparison starts after. */
  chooseExportToVerify(): Promise<string | null>;
}

/** Desktop-shell effects the router may ask for (show a file in its folder, set the title). */
export interface ShellPort {
  showItemInFolder(path: string): void;
  workbookChanged(info: { name: string; path: string } | null): void;
}

export interface RouterContext {
  services: ServiceContext;
  session: Session;
  recent: RecentList;
  dialogs: DialogPort;
  /**
   * Which paths a request may name: in the app those the user chose in this session (the
   * router grants every dialog answer), in the CLI every path (its user typed it).
   */
  files: FileAccess;
  shell: ShellPort;
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void;
  /** Load a workbook's engine state in slices after open/create/import (the app; not the CLI). */
  warmUp?: boolean;
  log?: (line: string) => void;
  /** Prints HTML to PDF (the workshop minutes): Electron in the app, Chromium in the CLI and tests. */
  printPdf?: PrintPdf;
}
