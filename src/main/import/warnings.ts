/**
 * Non-fatal notes gathered while reading. The same artefact usually repeats on thousands of
 * rows (every Tags cell of a Get-AzResource export), so notes are counted by kind and reported
 * once, with the number of rows and the first line.
 */
export class ReadWarnings {
  private readonly byKey = new Map<string, { message: string; count: number; firstLine: number }>();
  private readonly plain: string[] = [];

  /** @param unit what `line` counts in this source: CSV lines, JSON records or sheet rows */
  constructor(private unit: 'line' | 'record' | 'row' = 'line') {}

  /** Say what line numbers count once the format is known. */
  countIn(unit: 'line' | 'record' | 'row'): void {
    this.unit = unit;
  }

  /** Count one occurrence of a per-row note; `key` groups occurrences of the same note. */
  add(key: string, line: number, message: string): void {
    const seen = this.byKey.get(key);
    if (seen) seen.count++;
    else this.byKey.set(key, { message, count: 1, firstLine: line });
  }

  /** A note about the whole file, reported as given. */
  file(message: string): void {
    if (!this.plain.includes(message)) this.plain.push(message);
  }

  /** Take over the notes of a read attempt that succeeded (attempts that fail are dropped). */
  merge(other: ReadWarnings): void {
    for (const message of other.plain) this.file(message);
    for (const [key, note] of other.byKey) {
      const seen = this.byKey.get(key);
      if (seen) seen.count += note.count;
      else this.byKey.set(key, { ...note });
    }
  }

  /** The notes for the user: file-level notes first, then per-row notes with counts. */
  list(): string[] {
    const rows = [...this.byKey.values()].map(({ message, count, firstLine }) =>
      count === 1
        ? `${message} (${this.unit} ${firstLine})`
        : `${message} (${count} rows, first at ${this.unit} ${firstLine})`
    );
    return [...this.plain, ...rows];
  }
}
