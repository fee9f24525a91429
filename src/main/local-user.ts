/**
 * The person at this machine: the change log's actor. Kept per OS user in the app's user-data
 * folder, never in a workbook, because a workbook travels: a name stored in the file would be
 * logged as the author of everyone else's changes. The CLI takes --actor or DEMARC_USER instead.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface LocalUserStore {
  /** The name the person gave, or null (the OS user name is used then). */
  name(): string | null;
  setName(name: string): void;
}

/** The person's name as JSON ({ "userName": "…" }) in the app's user-data folder. */
export class LocalUserFile implements LocalUserStore {
  constructor(private readonly file: string) {}

  name(): string | null {
    if (!existsSync(this.file)) return null;
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      const name = typeof parsed === 'object' && parsed !== null ? (parsed as { userName?: unknown }).userName : undefined;
      return typeof name === 'string' && name.trim() !== '' ? name : null;
    } catch {
      // A damaged file is ours, not the user's data: the OS user name stands in.
      return null;
    }
  }

  setName(name: string): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, JSON.stringify({ userName: name }, null, 2));
    renameSync(temp, this.file);
  }
}
