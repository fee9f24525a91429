import { runCli } from '@cli/main';

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
    env: { DEMARC_USER: 'cli-tester', ...env }
  });
  return { code, stdout, stderr };
}
