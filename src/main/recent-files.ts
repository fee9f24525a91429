import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { RecentWorkbook } from '@shared/contract/workbook';
import { workbookName } from './services/workbook-service';

const MAX_RECENT = 12;

interface StoredEntry {
  path: string;
  openedAt: string;
}

export interface RecentList {
  list(): RecentWorkbook[];
  add(path: string, openedAt: string): RecentWorkbook[];
  remove(path: string): RecentWorkbook[];
}

/** The CLI keeps no recent list. */
export const NO_RECENT_FILES: RecentList = { list: () => [], add: () => [], remove: () => [] };

/** The recent-workbooks list, kept as JSON in the app's user-data folder so it survives restarts. */
export class RecentFiles implements RecentList {
  constructor(private readonly file: string) {}

  private read(): StoredEntry[] {
    if (!existsSync(this.file)) return [];
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      if (!Array.isArray(parsed)) return [];
      return parsed.filter(
        (entry): entry is StoredEntry =>
          typeof entry === 'object' && entry !== null && typeof (entry as StoredEntry).path === 'string' && typeof (entry as StoredEntry).openedAt === 'string'
      );
    } catch {
      // A damaged list is ours, not the user's data: start a new one.
      return [];
    }
  }

  private save(entries: StoredEntry[]): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, JSON.stringify(entries, null, 2));
    renameSync(temp, this.file);
  }

  list(): RecentWorkbook[] {
    return this.read().map((entry) => ({ ...entry, name: workbookName(entry.path), exists: existsSync(entry.path) }));
  }

  add(path: string, openedAt: string): RecentWorkbook[] {
    const absolute = resolve(path);
    const entries = [{ path: absolute, openedAt }, ...this.read().filter((entry) => entry.path !== absolute)].slice(0, MAX_RECENT);
    this.save(entries);
    return this.list();
  }

  remove(path: string): RecentWorkbook[] {
    this.save(this.read().filter((entry) => entry.path !== resolve(path)));
    return this.list();
  }
}
