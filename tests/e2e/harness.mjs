// What the browser tests stand on: a fresh database, a demo consortium, a real `mdsc serve` on
// loopback, and Debian's chromium driven by playwright-core. Nothing here knows the scenarios.
import assert from 'node:assert/strict';
import { spawn, execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const execFileP = promisify(execFile);

const repo = fileURLToPath(new URL('../..', import.meta.url));
export const backend = process.env.MDSC_TEST_BACKEND || 'sqlite';
export const binary = process.env.MDSC_BINARY || path.join(repo, 'build/mdsc');
export const artifacts = path.resolve(process.env.MDSC_ARTIFACTS || path.join(repo, 'test-artifacts'));
const testTmp = path.resolve(process.env.MDSC_TEST_TMP || path.join(os.tmpdir(), 'mdsc-test'));
const chromiumPath = process.env.MDSC_CHROMIUM || '/usr/bin/chromium';

// Unique across the e2e runs ctest may start side by side (one per backend).
const runId = `${process.pid}_${randomBytes(4).toString('hex')}`;

/** A scratch folder for this run: the SQLite file and MDSC_DATA_DIR live in it. */
export function makeScratch() {
  if (!fs.existsSync(binary))
    throw new Error(`no mdsc binary at ${binary}: build it, or point MDSC_BINARY at one`);
  const dir = path.join(testTmp, 'e2e', `${backend}-${runId}`);
  fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
  fs.mkdirSync(artifacts, { recursive: true });
  for (const f of fs.readdirSync(artifacts))  // from an earlier run: they would mislead
    if (f.startsWith(`e2e-${backend}-failed-`)) fs.rmSync(path.join(artifacts, f), { force: true });
  return dir;
}

// postgresql://user@host/DBNAME?params with another database name (as tests/support/test_db.cpp).
export function withDatabase(url, name) {
  const scheme = url.indexOf('://');
  if (scheme < 0) throw new Error(`bad PostgreSQL URL ${url}`);
  let slash = url.indexOf('/', scheme + 3);
  const query = url.indexOf('?', scheme + 3);
  if (slash < 0 || (query >= 0 && slash > query)) slash = query;
  const prefix = slash < 0 ? url : url.slice(0, slash);
  const suffix = query < 0 ? '' : url.slice(query);
  return `${prefix}/${name}${suffix}`;
}

async function psql(url, sql) {
  try {
    await execFileP('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', url, '-c', sql], { timeout: 30_000 });
  } catch (e) {
    throw new Error(`psql ${sql}: ${(e.stderr || e.message).trim()}`);
  }
}

/**
 * One SQL statement on the test's database (sqlite3 or psql), for what no page or API makes yet;
 * resolves with what it printed (one line a row, columns joined by "|").
 */
export async function execSql(dbUrl, sql) {
  const [program, args] = dbUrl.startsWith('sqlite:')
    ? ['sqlite3', ['-bail', dbUrl.slice('sqlite:'.length), sql]]
    : ['psql', ['-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', dbUrl, '-c', sql]];
  try {
    const { stdout } = await execFileP(program, args, { timeout: 30_000 });
    return stdout.trim();
  } catch (e) {
    throw new Error(`${program} ${sql}: ${(e.stderr || e.message).trim()}`);
  }
}

/** A fresh, empty database; returns its URL and how to remove it. */
export async function createDatabase(scratch) {
  if (backend === 'sqlite') return { url: `sqlite:${path.join(scratch, 'mdsc.db')}`, drop: async () => {} };
  if (backend !== 'postgresql' && backend !== 'postgres')
    throw new Error(`MDSC_TEST_BACKEND=${backend}: expected sqlite or postgresql`);
  const dir = process.env.MDSC_TEST_PG_DIR;
  if (!dir)
    throw new Error('MDSC_TEST_BACKEND=postgresql but MDSC_TEST_PG_DIR is not set: run through ctest ' +
                    '(fixture pg), or `tests/support/pg-server start DIR` and export MDSC_TEST_PG_DIR=DIR');
  let admin;
  try {
    admin = fs.readFileSync(path.join(dir, 'url'), 'utf8').trim();
  } catch {
    throw new Error(`no PostgreSQL test server: ${dir}/url is missing (did \`tests/support/pg-server start\` run?)`);
  }
  const name = `e2e_${runId}`;
  await psql(admin, `CREATE DATABASE "${name}"`);
  return {
    url: withDatabase(admin, name),
    drop: () => psql(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

// "  role<TAB>email<TAB>password" lines; anything else (the banner) is skipped.
function parseCredentials(text) {
  const byRole = {};
  for (const line of text.split('\n')) {
    const m = /^\s*([^\t\s]+)\t([^\t\s]+@[^\t\s]+)\t(\S+)\s*$/.exec(line);
    if (m) byRole[m[1]] = { role: m[1], email: m[2], password: m[3] };
  }
  return byRole;
}

/**
 * `mdsc init --demo`; returns the demo accounts by role, as printed and as written to the data dir,
 * and the day the demo shows (YYYY-MM-DD).
 */
export async function initDemo(dbUrl, dataDir) {
  let stdout;
  try {
    ({ stdout } = await execFileP(binary, ['init', '--demo', '--db', dbUrl], {
      env: { ...process.env, MDSC_DATA_DIR: dataDir }, timeout: 120_000,
    }));
  } catch (e) {
    throw new Error(`mdsc init --demo --db ${dbUrl} failed (${e.code ?? e.signal}):\n${e.stdout}${e.stderr}`);
  }
  const printed = parseCredentials(stdout);
  const file = path.join(dataDir, 'demo-credentials.txt');
  const written = fs.existsSync(file) ? parseCredentials(fs.readFileSync(file, 'utf8')) : {};
  // The day the server's clock shows on this database (docs/decisions/0014), from the first line.
  const date = /as it stood on (\d{4}-\d{2}-\d{2})/.exec(stdout)?.[1];
  return { printed, written, stdout, date };
}

// Runs a program, feeding `input` to its standard input; resolves with its standard output.
function run(program, args, { env = process.env, input = '', encoding = 'utf8' } = {}) {
  return new Promise((resolve, reject) => {
    const child = execFile(program, args, { env, encoding, timeout: 60_000, maxBuffer: 16 << 20 },
                           (e, stdout, stderr) => {
      if (!e) return resolve(stdout);
      reject(new Error(`${path.basename(program)} ${args.join(' ')} failed (${e.code ?? e.signal}):\n` +
                       `${stdout}${stderr}`.trim()));
    });
    child.stdin.on('error', () => {});  // it may exit before reading: the error above says why
    child.stdin.end(input);
  });
}

/** `mdsc ARGS...` with MDSC_DATA_DIR set, as an operator would run it on the server; returns its stdout. */
export function mdsc(args, { dataDir, input } = {}) {
  return run(binary, args, { env: { ...process.env, MDSC_DATA_DIR: dataDir }, input });
}

/** The text of a PDF, as poppler's `pdftotext` extracts it (what a search or a screen reader gets). */
export function pdfText(bytes) {
  return run('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: bytes });
}

/** `mdsc serve` on a free loopback port; resolves once it prints its address. */
export function startServer(dbUrl, dataDir) {
  const child = spawn(binary, ['serve', '--db', dbUrl, '--bind', '127.0.0.1', '--port', '0'], {
    env: { ...process.env, MDSC_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);  // even if the run dies half way
  // Interrupted (Ctrl-C, a timeout): exit, which runs killOnExit; node's default would skip it.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
    process.once(signal, () => process.exit(128 + os.constants.signals[signal]));
  const log = [];
  const keep = (chunk) => {
    log.push(...chunk.toString().split('\n').filter(Boolean));
    if (log.length > 200) log.splice(0, log.length - 200);
  };
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const server = {
    origin: null,
    log,
    async stop() {
      process.off('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill('SIGTERM');
      const deadline = setTimeout(() => child.kill('SIGKILL'), 5_000);
      const result = await exited;
      clearTimeout(deadline);
      return result;
    },
  };

  return new Promise((resolve, reject) => {
    let out = '';
    const deadline = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`mdsc serve printed no address within 30 s; its output:\n${out}${log.join('\n')}`));
    }, 30_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /mdsc listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m && !server.origin) {
        clearTimeout(deadline);
        server.origin = m[1];
        resolve(server);
      }
    });
    exited.then(({ code, signal }) => {
      clearTimeout(deadline);
      if (!server.origin)
        reject(new Error(`mdsc serve exited (${code ?? signal}) before listening:\n${out}${log.join('\n')}`));
    });
  });
}

export async function launchBrowser() {
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (e) {
    throw new Error(`cannot load playwright-core (${e.message}): run \`npm ci\` in ${repo}`);
  }
  // Playwright gives the browser a fresh --user-data-dir of its own and removes it on close.
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    timeout: 30_000,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/**
 * A browser context that records what a user should never meet: console errors, uncaught
 * exceptions and Content-Security-Policy violations. `problems()` lists them since the last
 * `reset()`; `allowConsoleError` accepts one that a scenario provokes on purpose.
 *
 * A missing /favicon.ico is left to its own test, so that it is reported once, not by every scenario.
 * The browser speaks Japanese unless told otherwise: chromium's own default is en-US, and the
 * site follows Accept-Language.
 */
export async function monitoredContext(browser, origin, options = {}) {
  const context = await browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', ...options });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  const found = [];
  const allowed = [];

  context.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location()?.url || msg.page()?.url() || '?';
    if (/^Failed to load resource/.test(msg.text()) && where === `${origin}/favicon.ico`) return;
    const i = allowed.findIndex((ok) => ok(msg.text(), where));
    if (i >= 0) {
      allowed.splice(i, 1);
      return;
    }
    found.push(`console error at ${where}: ${msg.text()}`);
  });
  context.on('weberror', (err) => found.push(`uncaught exception on ${err.page()?.url()}: ${err.error().stack}`));
  await context.exposeBinding('__mdscCspViolation', (source, what) =>
    found.push(`CSP violation on ${source.page.url()}: ${what}`));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__mdscCspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} ` +
                                `at ${e.sourceFile || '?'}:${e.lineNumber}`));
  });

  return {
    context,
    problems: () => [...found],
    reset() { found.length = 0; allowed.length = 0; },
    allowConsoleError(predicate) { allowed.push(predicate); },
  };
}

// What the scenario files share: the page's <main>, a flash message in it, and the check that an
// earlier scenario left what a later one builds on (each names the step it is missing).
export const mainOf = (page) => page.getByRole('main');
export const flashIn = (page, text) => mainOf(page).getByRole('status').getByText(text, { exact: true });
export const stateGuard = (state) => (key, from) =>
  assert.ok(state[key] !== undefined, `scenario ${from} did not get as far as this one needs (${key})`);
