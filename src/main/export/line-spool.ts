/**
 * Lines of text set aside in a file while an export writes, read back later in the same order:
 * what one pass over the workbook produces before the sheet or the hash that needs it comes up
 * (the xlsx writer's first pass, xlsx-first-pass.ts). Nothing of the size of the inventory stays
 * in memory: lines are gathered a megabyte at a time, then written.
 *
 * The file lives beside the export's target under its temp-file name (atomic-file.ts), so a
 * writer killed mid-way leaves it where the next export to that target removes it; otherwise the
 * spool removes it when disposed, whether the export succeeded or failed. A line must not hold a
 * line break (JSON text never does).
 */
import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { tempPathFor } from './atomic-file';

/** Characters gathered before a write, and bytes read at a time. */
const CHUNK = 1 << 20;

export class LineSpool {
  readonly path: string;
  private fd: number | null;
  private pending: string[] = [];
  private pendingChars = 0;
  private bytes = 0;

  /** A new, empty spool beside `target` (the export's final path). */
  constructor(target: string) {
    this.path = tempPathFor(target);
    this.fd = openSync(this.path, 'wx+');
  }

  /** Appends one line (without its line break). */
  add(line: string): void {
    this.addLines(`${line}\n`);
  }

  /** Appends `text`: whole lines, each followed by its line break. */
  addLines(text: string): void {
    this.open();
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= CHUNK) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const text = Buffer.from(this.pending.join(''), 'utf8');
    for (let at = 0; at < text.length; ) at += writeSync(this.open(), text, at, text.length - at, this.bytes + at);
    this.bytes += text.length;
    this.pending = [];
    this.pendingChars = 0;
  }

  private open(): number {
    if (this.fd === null) throw new Error(`the spool ${this.path} was disposed`);
    return this.fd;
  }

  /**
   * The spool's bytes so far (UTF-8, each line followed by a line break), a chunk at a time. A
   * chunk is valid until the next one is asked for (one buffer serves them all).
   */
  *chunks(): Generator<Buffer> {
    this.flush();
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (let at = 0; at < this.bytes; ) {
      const read = readSync(this.open(), buffer, 0, Math.min(CHUNK, this.bytes - at), at);
      if (read === 0) throw new Error(`the spool ${this.path} ended early`);
      at += read;
      yield buffer.subarray(0, read);
    }
  }

  /** The lines added so far, in order. */
  *lines(): Generator<string> {
    const decoder = new StringDecoder('utf8');
    let rest = '';
    for (const chunk of this.chunks()) {
      const text = rest + decoder.write(chunk);
      const parts = text.split('\n');
      rest = parts.pop() ?? '';
      yield* parts;
    }
    rest += decoder.end();
    if (rest !== '') throw new Error(`the spool ${this.path} ends inside a line`);
  }

  /** Closes and removes the file; the spool cannot be used afterwards. Safe to call twice. */
  dispose(): void {
    if (this.fd === null) return;
    try {
      closeSync(this.fd);
    } finally {
      this.fd = null;
      rmSync(this.path, { force: true });
    }
  }
}
