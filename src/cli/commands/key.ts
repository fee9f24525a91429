import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import type { SigningKeyInfo } from '@shared/contract/signing';
import { CliRouter } from '../cli-router';
import { EXIT, UsageError, type CliIo } from '../io';

export const KEY_HELP = `Usage: demarc key show [--key FILE] [--json]
       demarc key create [--key FILE] [--json]

Your signing key: an Ed25519 key pair that signs your sign-offs (demarc signoff signs with it
when it exists; --sign creates it). The private key stays on this computer, never in a workbook:
a PEM file readable by you alone (mode 0600; a file others can read is refused), at
DEMARC_SIGNING_KEY when set, else signing-key.pem in Demarc's config folder
($XDG_CONFIG_HOME/demarc or ~/.config/demarc; ~/Library/Application Support/Demarc on macOS;
%APPDATA%\\Demarc on Windows). The app keeps its own key, encrypted by the OS (Settings › Signing key).
  show        print where the key is, its public key (PEM) and fingerprint; exit 1 when there is none
  create      create it (never replaces an existing key) and print the same
  --key FILE  use this key file instead
  --json      machine-readable output

Give the public key to whoever checks your sign-offs: demarc verify --signer-key FILE checks that
each signed sign-off was signed by it, and every export prints the public keys of its signers.`;

function describe(info: SigningKeyInfo): string {
  if (info.key === null) return `No signing key at ${info.where}. Create one with demarc key create.\n`;
  return `Signing key: ${info.where}\nFingerprint: ${info.key.fingerprint}\n${info.key.pem}`;
}

/** The io with `--key FILE` as the key file (DEMARC_SIGNING_KEY), resolved against the working directory. */
export function withKeyFile(io: CliIo, key: string | undefined): CliIo {
  if (key === undefined) return io;
  if (key.trim() === '') throw new UsageError('--key needs a file');
  return { ...io, env: { ...io.env, DEMARC_SIGNING_KEY: resolve(io.cwd, key) } };
}

export async function runKey(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { key: { type: 'string' }, json: { type: 'boolean' } }, allowPositionals: true, strict: true });
  const [action, ...extra] = positionals;
  if (action !== 'show' && action !== 'create') throw new UsageError('demarc key: expected show or create');
  if (extra.length > 0) throw new UsageError(`demarc key ${action}: unexpected ${extra.join(' ')}`);
  const cli = new CliRouter(withKeyFile(io, values.key));
  try {
    const info = await cli.call(action === 'show' ? 'signing.key' : 'signing.createKey', {});
    io.stdout(values.json ? `${JSON.stringify(info, null, 2)}\n` : action === 'create' ? `Created. ${describe(info)}` : describe(info));
    return info.key === null ? EXIT.checkFailed : EXIT.ok;
  } finally {
    cli.close();
  }
}
