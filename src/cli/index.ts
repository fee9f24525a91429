import { once } from 'node:events';
import { runCli } from './main';

runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  streamStdout: async (text) => {
    if (!process.stdout.write(text)) await once(process.stdout, 'drain');
  },
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`demarc: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
);
