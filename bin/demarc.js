#!/usr/bin/env node
'use strict';
// The `demarc` command. The CLI is built into out/cli by `npm ci` (prepare) and `npm run build`.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const entry = join(__dirname, '..', 'out', 'cli', 'demarc.cjs');
if (!existsSync(entry)) {
  process.stderr.write('demarc: the CLI is not built yet. Run `npm run build:cli` in the Demarc folder.\n');
  process.exit(2);
}
require(entry);
