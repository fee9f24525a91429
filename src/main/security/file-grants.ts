/**
 * The user's choice of a file is the permission to use it. The renderer may name a path, but main
 * reads or writes it only when the user chose it in this session — an open or save dialog's
 * answer, a file dropped on the window (its path given by the preload from the dropped File,
 * which page script cannot forge), the recent list, or a workbook the operating system asked us
 * to open — and only for what it was chosen for. The CLI's user typed the path: it trusts it.
 */
import { resolve } from 'node:path';
import { DemarcError, quote } from '@shared/errors';
import type { DialogPort } from '../router-context';

/**
 * What a path was chosen for: `read` an input (an inventory, a model, a mapping, a CAIQ
 * workbook), `write` an output (an export, a picture, a mapping copy), or be a `workbook`
 * (open or create it: Demarc reads and writes it).
 */
export type FilePurpose = 'read' | 'write' | 'workbook';

export interface FileAccess {
  /** Records the user's choice of `path` for `purpose`. */
  grant(path: string, purpose: FilePurpose): void;
  /** `path` itself when the user chose it for `purpose`; otherwise throws NOT_GRANTED. */
  require(path: string, purpose: FilePurpose): string;
}

const PURPOSE_WORDS: Record<FilePurpose, string> = {
  read: 'to read',
  write: 'to write',
  workbook: 'as a workbook'
};

/** The desktop app's grants: in memory, for this session only. */
export class SessionGrants implements FileAccess {
  private readonly granted = new Map<string, Set<FilePurpose>>();

  /** @param alsoGranted paths granted elsewhere (the recent list's workbooks) */
  constructor(private readonly alsoGranted: (path: string, purpose: FilePurpose) => boolean = () => false) {}

  grant(path: string, purpose: FilePurpose): void {
    const absolute = resolve(path);
    const purposes = this.granted.get(absolute) ?? new Set<FilePurpose>();
    purposes.add(purpose);
    this.granted.set(absolute, purposes);
  }

  require(path: string, purpose: FilePurpose): string {
    const absolute = resolve(path);
    if (this.granted.get(absolute)?.has(purpose) === true || this.alsoGranted(absolute, purpose)) return path;
    throw new DemarcError(
      'NOT_GRANTED',
      `${quote(path)} was not chosen ${PURPOSE_WORDS[purpose]} in this session: choose it in Demarc's dialog or drop it on the window.`
    );
  }
}

/** The CLI (and tests of the services): the user typed the path, so every path is theirs. */
export const TRUSTED_FILES: FileAccess = {
  grant: () => undefined,
  require: (path) => path
};

/**
 * The dialogs with every answer granted for what it was asked for: the user chose it. The
 * router wraps its dialogs in this, so a dialog's answer is always usable again (the CAIQ
 * workbook chosen before the export that merges it).
 */
export function grantingDialogs(dialogs: DialogPort, files: FileAccess): DialogPort {
  const granted = <T extends string | null>(purpose: FilePurpose) => (path: T): T => {
    if (path !== null) files.grant(path, purpose);
    return path;
  };
  return {
    chooseNewWorkbookPath: (name) => dialogs.chooseNewWorkbookPath(name).then(granted('workbook')),
    chooseWorkbookToOpen: () => dialogs.chooseWorkbookToOpen().then(granted('workbook')),
    chooseImportFiles: () =>
      dialogs.chooseImportFiles().then((paths) => {
        for (const path of paths) files.grant(path, 'read');
        return paths;
      }),
    chooseExportPath: (name, format) => dialogs.chooseExportPath(name, format).then(granted('write')),
    chooseModelFile: () => dialogs.chooseModelFile().then(granted('read')),
    chooseMappingFile: () => dialogs.chooseMappingFile().then(granted('read')),
    chooseCaiqWorkbook: () => dialogs.chooseCaiqWorkbook().then(granted('read')),
    chooseExportToVerify: () => dialogs.chooseExportToVerify().then(granted('read'))
  };
}
