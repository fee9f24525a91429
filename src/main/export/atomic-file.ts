/**
 * Write a file so that readers only ever see nothing or the whole thing: the bytes go to a temp
 * file in the target's directory (same filesystem, so the final rename is atomic), are flushed to
 * disk, then renamed over the target. A failed or cancelled write removes the temp file and leaves
 * the target untouched. The bytes are hashed on the way through.
 */
import { randomUUID } from 'node:crypto';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface AtomicWriteResult {
  /** SHA-256 (hex) of the file's bytes. */
  sha256: string;
  bytes: number;
}

/** The temp-file name for a target: hidden, unique, recognisably ours. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomUUID()}.partial`);
}

/**
 * Runs `produce`, which must write the content into `sink` and end it, then publishes the file at
 * `target`. Rejects (and cleans up) when `produce` fails, the disk write fails, or `signal` aborts.
 */
export async function writeFileAtomically(
  target: string,
  signal: AbortSignal | undefined,
  produce: (sink: Writable) => Promise<void>
): Promise<AtomicWriteResult> {
  signal?.throwIfAborted();
  const temp = tempPathFor(target);
  const hash = createHash('sha256');
  let bytes = 0;
  const sink = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    }
  });
  const file = createWriteStream(temp, { flags: 'wx' });
  const written = pipeline(sink, file);
  try {
    const producing = produce(sink);
    // If the disk write fails first, `producing` may never settle or may reject later: the
    // failure is reported once, through Promise.all.
    void producing.catch(() => undefined);
    await Promise.all([producing, written]);
    signal?.throwIfAborted();
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
    return { sha256: hash.digest('hex'), bytes };
  } catch (error) {
    sink.destroy();
    file.destroy();
    await written.catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
}
