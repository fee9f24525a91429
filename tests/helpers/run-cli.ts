import { join } from 'node:path';
import { runCli } from '@cli/main';
import { tempDir } from './temp';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output. */
export async function cli(args: string[], cwd = process.cwd(), env: Record<string, string> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (text) => (stdout += text),
    streamStdout: (text) => {
      stdout += text;
      return Promise.resolve();
    },
    stderr: (text) => (stderr += text),
    cwd,
    // A signing key of the test's own (none until created): never the user's key in their config folder.
    env: { DEMARC_USER: 'cli-tester', DEMARC_SIGNING_KEY: join(tempDir(), 'signing-key.pem'), ...env }
  });
  return { code, stdout, stderr };
}
