#!/usr/bin/env node
/**
 * Security gate around Electronegativity (static audit of Electron misconfigurations).
 *
 *   node tools/electronegativity/gate.mjs [--src <dir>] [--csv <file>]
 *
 * Exit codes:
 *   0  no HIGH or MEDIUM finding (other than those accepted in accepted.json)
 *   1  at least one HIGH or MEDIUM finding that is not accepted
 *   2  the audit itself failed or is incomplete: tool missing or crashed, CSV missing or malformed,
 *      a source file the tool could not parse (it would have been skipped silently), bad accepted.json
 *
 * Plain Node (>= 18), no dependencies of its own. See README.md beside this file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TOOL = '@doyensec/electronegativity';
const TOOL_VERSION = '1.10.3';
/** The Electron version the app ships (package.json devDependencies.electron). */
const ELECTRON_VERSION = '45.5.0';
/**
 * AvailableSecurityFixesGlobalCheck only reads Electron's version from a package.json inside the
 * scanned folder (src/ has none: -e covers it) and downloads Electron's release list from GitHub
 * for that; excluding it keeps the audit offline and deterministic without losing a finding.
 */
const EXCLUDED_CHECKS = ['availablesecurityfixesglobalcheck'];
const FAILING = new Set(['HIGH', 'MEDIUM']);
const SEVERITY_RANK = { HIGH: 3, MEDIUM: 2, LOW: 1, INFORMATIONAL: 0 };
const CONFIDENCES = new Set(['CERTAIN', 'FIRM', 'TENTATIVE']);
/** What the tool's loader picks up (util/file.js list_files), and source files it silently skips. */
const SCANNED_EXT = new Set(['js', 'jsx', 'ts', 'tsx', 'html', 'htm']);
const SKIPPED_SOURCE_EXT = new Set(['mjs', 'cjs', 'mts', 'cts']);
const REQUIRED_COLUMNS = ['issue', 'severity', 'confidence', 'filename', 'location', 'description'];
const RESULT_MARK = '@@ELECTRONEGATIVITY_RESULT@@';

const toolDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(toolDir, '..', '..');
const acceptedPath = join(toolDir, 'accepted.json');

class GateError extends Error {}

function fail(message) {
  throw new GateError(message);
}

function parseArgs(argv) {
  const args = { src: join(repoRoot, 'src'), csv: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) fail(`${arg} needs a value`);
      return next;
    };
    if (arg === '--src') args.src = resolve(value());
    else if (arg.startsWith('--src=')) args.src = resolve(arg.slice(6));
    else if (arg === '--csv') args.csv = resolve(value());
    else if (arg.startsWith('--csv=')) args.csv = resolve(arg.slice(6));
    else if (arg === '-h' || arg === '--help') {
      console.log(
        'usage: node tools/electronegativity/gate.mjs [--src <dir>] [--csv <file to keep the report>]'
      );
      process.exit(0);
    } else fail(`unknown argument: ${arg}`);
  }
  return args;
}

function installedToolVersion() {
  try {
    return JSON.parse(readFileSync(join(toolDir, 'node_modules', TOOL, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

/** npm ci in this folder when the tool is missing or not the pinned version. */
function ensureTool() {
  const installed = installedToolVersion();
  if (installed === TOOL_VERSION) return;
  console.log(
    installed
      ? `electronegativity: installed ${installed}, pinned ${TOOL_VERSION}: reinstalling (npm ci) in ${relative(repoRoot, toolDir)}`
      : `electronegativity: installing the tool (npm ci) in ${relative(repoRoot, toolDir)}`
  );
  const started = Date.now();
  const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: toolDir,
    stdio: 'inherit',
    shell: process.platform === 'win32'
  });
  if (npm.error) fail(`could not run npm ci: ${npm.error.message}`);
  if (npm.status !== 0) fail(`npm ci failed in ${toolDir} (exit ${npm.status})`);
  console.log(`electronegativity: npm ci took ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (installedToolVersion() !== TOOL_VERSION) fail(`after npm ci, ${TOOL} is not ${TOOL_VERSION}`);
}

/** Source files under dir, as the tool's loader sees them, plus the ones it would skip. */
function inventory(dir) {
  const scanned = [];
  const skipped = [];
  const walk = (d) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (full.includes('node_modules')) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const ext = entry.name.includes('.') ? entry.name.split('.').pop().toLowerCase() : '';
        if (SCANNED_EXT.has(ext)) scanned.push(full);
        else if (SKIPPED_SOURCE_EXT.has(ext)) skipped.push(full);
      }
    }
  };
  walk(dir);
  return { scanned, skipped };
}

/**
 * Runs the tool through its documented programmatic entry point (the package's main, the same
 * run() its CLI calls): the CLI's `-o` mode throws away the per-file parse errors, so a file the
 * parsers cannot read would be skipped without a word. Options are those of
 * `electronegativity -i <src> -e 45.5.0 -r -x AvailableSecurityFixesGlobalCheck -o <csv>`.
 */
function runTool(src, csvPath) {
  const child = `
    const [toolMain, input, output, electronVersion, excluded, mark] = process.argv.slice(1);
    // The tool writes the CSV header ('w') and its rows ('a') with two fs.writeFile calls it does
    // not wait for; under I/O load the header lands over the start of the rows (seen on the first
    // run after npm ci). Run the writes to the report one after the other, in call order.
    const fs = require('fs');
    const writeFile = fs.writeFile;
    let pending = Promise.resolve();
    fs.writeFile = function (file, data, options, callback) {
      if (typeof options === 'function') { callback = options; options = undefined; }
      if (file !== output) return writeFile.call(fs, file, data, options, callback);
      pending = pending.then(() => new Promise((done) => writeFile.call(fs, file, data, options, (error) => {
        done();
        if (callback) callback(error);
      })));
    };
    const mod = require(toolMain);
    const run = typeof mod === 'function' ? mod : mod.default;
    run({
      input,
      output,
      isSarif: false,
      customScan: [],
      excludeFromScan: JSON.parse(excluded),
      isRelative: true,
      isVerbose: true,
      electronVersionOverride: electronVersion,
      parserPlugins: []
    }, false).then(async (result) => {
      await pending;
      process.stdout.write('\\n' + mark + JSON.stringify({
        issues: result.issues.length,
        errors: result.errors,
        globalChecks: result.globalChecks,
        atomicChecks: result.atomicChecks
      }) + '\\n');
    }, (error) => {
      console.error((error && error.stack) || String(error));
      process.exit(1);
    });
  `;
  const toolMain = join(toolDir, 'node_modules', TOOL);
  const res = spawnSync(
    process.execPath,
    ['-e', child, toolMain, src, csvPath, ELECTRON_VERSION, JSON.stringify(EXCLUDED_CHECKS), RESULT_MARK],
    { cwd: toolDir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, FORCE_COLOR: '0' } }
  );
  if (res.error) fail(`could not start electronegativity: ${res.error.message}`);
  const noise = /^(Could not retrieve updated translations for the current locale)$/;
  let result = null;
  const toolLines = [];
  for (const line of `${res.stdout}\n${res.stderr}`.split(/\r?\n/)) {
    if (line.startsWith(RESULT_MARK)) result = JSON.parse(line.slice(RESULT_MARK.length));
    else if (line.trim() && !noise.test(line.trim())) toolLines.push(line);
  }
  for (const line of toolLines) console.log(`  [tool] ${line}`);
  if (res.status !== 0 || !result) fail(`electronegativity failed (exit ${res.status ?? res.signal})`);
  return result;
}

/** RFC 4180 CSV: quoted fields, "" escapes, commas and newlines inside quotes, CRLF or LF. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let state = 'start'; // start | bare | quoted | closed (after a closing quote)
  const endField = () => {
    row.push(state === 'closed' ? field : field.trim());
    field = '';
    state = 'start';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (state === 'quoted') {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else state = 'closed';
    } else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else if (state === 'closed') {
      if (c !== ' ' && c !== '\t')
        fail(`malformed CSV: text after a closing quote in row ${rows.length + 1}`);
    } else if (c === '"' && field.trim() === '') {
      field = '';
      state = 'quoted';
    } else {
      field += c;
      state = 'bare';
    }
  }
  if (state === 'quoted') fail('malformed CSV: unterminated quoted field');
  if (state !== 'start' || field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

function displayPath(src, file) {
  if (!file || file === 'N/A') return '(app-wide)';
  const abs = isAbsolute(file) ? file : resolve(src, file);
  const rel = relative(repoRoot, abs);
  return (rel.startsWith('..') || isAbsolute(rel) ? abs : rel).split(sep).join('/');
}

function readFindings(csvPath, src) {
  if (!existsSync(csvPath)) fail(`electronegativity wrote no CSV at ${csvPath}`);
  const rows = parseCsv(readFileSync(csvPath, 'utf8'));
  if (rows.length === 0) fail('the CSV is empty (no header)');
  const header = rows[0].map((h) => h.trim().toLowerCase());
  const col = {};
  for (const name of [...REQUIRED_COLUMNS, 'sample', 'url']) col[name] = header.indexOf(name);
  const missing = REQUIRED_COLUMNS.filter((name) => col[name] < 0);
  if (missing.length)
    fail(`the CSV lacks the column(s) ${missing.join(', ')} (header: ${rows[0].join(',')})`);
  return rows.slice(1).map((row, i) => {
    const at = `CSV row ${i + 2}`;
    if (row.length !== header.length)
      fail(`malformed ${at}: ${row.length} fields, header has ${header.length}`);
    const get = (name) => (col[name] >= 0 ? row[col[name]].trim() : '');
    const check = get('issue');
    const severity = get('severity').toUpperCase();
    const confidence = get('confidence').toUpperCase();
    if (!/^[A-Z0-9_]+$/.test(check)) fail(`malformed ${at}: check id ${JSON.stringify(check)}`);
    if (!(severity in SEVERITY_RANK)) fail(`malformed ${at}: severity ${JSON.stringify(severity)}`);
    if (!CONFIDENCES.has(confidence)) fail(`malformed ${at}: confidence ${JSON.stringify(confidence)}`);
    const [line, column] = get('location')
      .split(':')
      .map((n) => Number.parseInt(n, 10));
    const sample = get('sample');
    return {
      check,
      severity,
      confidence,
      file: displayPath(src, get('filename')),
      line: Number.isFinite(line) ? line : 0,
      column: Number.isFinite(column) ? column : 0,
      sample: sample === 'N/A' ? '' : sample,
      description: get('description'),
      url: get('url')
    };
  });
}

function loadAccepted() {
  if (!existsSync(acceptedPath)) return [];
  let data;
  try {
    data = JSON.parse(readFileSync(acceptedPath, 'utf8'));
  } catch (error) {
    fail(`accepted.json is not valid JSON: ${error.message}`);
  }
  const list = Array.isArray(data) ? data : data.accepted;
  if (!Array.isArray(list)) fail('accepted.json: expected { "accepted": [ ... ] }');
  return list.map((entry, i) => {
    const where = `accepted.json entry ${i + 1}`;
    for (const key of ['check', 'file', 'reason']) {
      if (typeof entry?.[key] !== 'string' || entry[key].trim() === '')
        fail(`${where}: "${key}" is required`);
    }
    if (entry.reason.trim().length < 40) fail(`${where}: the reason must explain why it is a false positive`);
    if (entry.sample !== undefined && typeof entry.sample !== 'string')
      fail(`${where}: "sample" must be a string`);
    return { ...entry, used: 0 };
  });
}

function matchAccepted(finding, accepted) {
  return accepted.find(
    (a) =>
      a.check === finding.check &&
      a.file === finding.file &&
      (a.sample === undefined || a.sample.trim() === finding.sample)
  );
}

function location(f) {
  return f.line > 0 ? `${f.file}:${f.line}` : f.file;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(args.src) || !statSync(args.src).isDirectory()) fail(`no such folder: ${args.src}`);
  ensureTool();

  const { scanned, skipped } = inventory(args.src);
  const tmp = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  const csvPath = join(tmp, 'report.csv');
  try {
    const result = runTool(args.src, csvPath);
    if (args.csv) copyFileSync(csvPath, args.csv);
    const findings = readFindings(csvPath, args.src);
    if (findings.length !== result.issues) {
      fail(`the CSV has ${findings.length} findings, the tool reported ${result.issues}: report incomplete`);
    }
    // accepted.json names files of this repo's src/: it applies to that folder only.
    const ownSrc = resolve(args.src) === resolve(repoRoot, 'src');
    const accepted = ownSrc ? loadAccepted() : [];

    findings.sort(
      (a, b) =>
        SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
        a.file.localeCompare(b.file) ||
        a.line - b.line ||
        a.check.localeCompare(b.check)
    );

    const blocking = [];
    const acceptedFindings = [];
    console.log(
      `electronegativity ${TOOL_VERSION} on ${displayPath(repoRoot, args.src)} (Electron ${ELECTRON_VERSION}, ` +
        `${scanned.length} files, ${result.atomicChecks} atomic + ${result.globalChecks} global checks)` +
        (ownSrc ? '' : ', accepted.json not applied')
    );
    for (const f of findings) {
      const hit = matchAccepted(f, accepted);
      const mark = hit ? 'ACCEPTED ' : '';
      console.log(`${mark}${f.severity} ${f.confidence} ${f.check} ${location(f)} — ${f.description}`);
      if (f.sample) console.log(`    > ${f.sample.length > 160 ? `${f.sample.slice(0, 157)}...` : f.sample}`);
      if (hit) {
        hit.used++;
        acceptedFindings.push(f);
        console.log(`    accepted: ${hit.reason}`);
      } else if (FAILING.has(f.severity)) blocking.push(f);
    }

    for (const a of accepted.filter((entry) => entry.used === 0)) {
      console.log(`warning: accepted.json entry ${a.check} ${a.file} matches no finding any more: remove it`);
    }
    for (const file of skipped) {
      console.log(
        `warning: ${displayPath(repoRoot, file)} is not scanned (the tool reads only .js/.jsx/.ts/.tsx/.html)`
      );
    }
    const tolerable = result.errors.filter((e) => e.tolerable);
    const unparsed = result.errors.filter((e) => !e.tolerable);
    for (const e of tolerable) console.log(`warning: ${displayPath(args.src, e.file)}: ${e.message}`);
    for (const e of unparsed) {
      console.log(
        `error: ${displayPath(args.src, e.file)} was NOT audited (the tool could not read it): ${e.message}`
      );
    }

    const acceptedBlocking = acceptedFindings.filter((f) => FAILING.has(f.severity)).length;
    const note = acceptedBlocking
      ? ` (+${acceptedBlocking} accepted in ${relative(repoRoot, acceptedPath)})`
      : '';
    console.log(`electronegativity: ${findings.length} findings, ${blocking.length} HIGH/MEDIUM${note}`);
    if (blocking.length > 0) return 1;
    if (unparsed.length > 0) {
      console.log(`electronegativity: ${unparsed.length} file(s) could not be audited`);
      return 2;
    }
    return 0;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

try {
  process.exitCode = main();
} catch (error) {
  // Never exit 1 on a broken audit: 1 means "findings", 2 means "no verdict".
  console.error(
    `electronegativity gate: ${error instanceof GateError ? error.message : (error?.stack ?? error)}`
  );
  process.exitCode = 2;
}
