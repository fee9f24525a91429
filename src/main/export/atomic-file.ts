/**
 * Write a file so that readers only ever see nothing or the whole thing: the bytes go to a temp
 * file in the target's directory (same filesystem, so the final rename is atomic), are flushed to
 * disk, then renamed over the target. A failed or cancelled write removes the temp file and leaves
 * the target untouched. The bytes are hashed on the way through.
 */
import { randomUUID } from 'node:crypto';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface AtomicWriteResult {
  /** SHA-256 (hex) of the file's bytes. */
  sha256: string;
  bytes: number;
}

/** The temp-file name for a target: hidden, unique, recognisably ours, naming the writing process. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomUUID()}.partial`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as { code?: unknown }).code === 'EPERM';
  }
}

/**
 * Removes the temp files a killed writer left beside `target` (a kill -9 or a power cut cannot
 * clean up): those of processes no longer running. A live writer's temp file is left alone.
 */
async function removeStaleTemps(target: string): Promise<void> {
  const prefix = `.${basename(target)}.`;
  let names: string[];
  try {
    names = await readdir(dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.partial')) continue;
    const pid = Number(/^(\d+)\.[0-9a-f-]{36}\.partial$/.exec(name.slice(prefix.length))?.[1]);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isRunning(pid)) await rm(join(dirname(target), name), { force: true });
  }
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
  await removeStaleTemps(target);
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
