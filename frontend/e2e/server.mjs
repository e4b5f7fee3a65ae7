// The e2e harness: builds the Go binary (which embeds the current dist/),
// makes a fresh empty database with `crosscheck dev-db --fresh`, starts
// `crosscheck serve` on a free port, launches Debian's Chromium through
// playwright-core, and undoes all of it in stop().
//
// When Chromium or the database is missing the tests skip with a message,
// except under CI=true, where a missing piece is a failure.
//
// E2E_BASE_URL=http://localhost:8080 runs the tests against a server that is
// already up (its database gets the test articles). E2E_BIN=path uses a
// binary built beforehand instead of building one (it must embed the
// current dist/).

import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { access, constants, mkdir, mkdtemp, open, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';

const run = promisify(execFile);

export const frontendRoot = resolve(import.meta.dirname, '..');
export const repoRoot = resolve(frontendRoot, '..');
export const resultsDir = join(frontendRoot, 'test-results');
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const inCI = process.env.CI === 'true';

export const desktop = { width: 1280, height: 800 };
export const phone = { width: 390, height: 844 };

/** The flags this machine needs: no sandbox as root, and no calls home (the network is closed). */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Unavailable means a piece the tests need is missing from this machine, not that the code is wrong. */
class Unavailable extends Error {}

/**
 * setup starts everything for one test file. It resolves to
 * { baseURL, browser, stop, log, bin, dbURL } or, when something is
 * unavailable and CI is not true, to { skip: reason }.
 *
 * Options: anonymousWrite (default true) starts the server with
 * CROSSCHECK_INSECURE_ANONYMOUS_WRITE, so tests that do not sign in can
 * write; false makes every write need a signed-in account. anonymousRead
 * (default false) sets CROSSCHECK_ANONYMOUS_READ, as `serve --demo` does.
 */
export async function setup(name, { anonymousWrite = true, anonymousRead = false } = {}) {
  await mkdir(resultsDir, { recursive: true });
  const cleanups = [];
  const stop = async () => {
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (err) {
        console.error(`e2e cleanup: ${err.message}`);
      }
    }
    cleanups.length = 0;
  };
  try {
    await access(chromiumPath, constants.X_OK).catch(() => {
      throw new Unavailable(`Chromium not found at ${chromiumPath} (apt-get install -y chromium)`);
    });
    const env = process.env.E2E_BASE_URL
      ? { baseURL: process.env.E2E_BASE_URL.replace(/\/+$/, ''), log: null }
      : await startServer(name, cleanups, { anonymousWrite, anonymousRead });
    const browser = await chromium
      .launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true, timeout: 60_000 })
      .catch((err) => {
        throw new Unavailable(`Chromium at ${chromiumPath} did not start: ${err.message.split('\n')[0]}`);
      });
    cleanups.push(() => browser.close());
    return { ...env, browser, stop };
  } catch (err) {
    await stop();
    if (err instanceof Unavailable && !inCI) {
      console.log(`# e2e ${name}: skipped: ${err.message}`);
      return { skip: err.message };
    }
    throw err;
  }
}

async function startServer(name, cleanups, { anonymousWrite, anonymousRead }) {
  await access(join(frontendRoot, 'dist', 'index.html')).catch(() => {
    throw new Error('frontend/dist/index.html is missing: run `npm run build` first (npm run e2e does)');
  });

  let bin = process.env.E2E_BIN;
  if (!bin) {
    const dir = await mkdtemp(join(tmpdir(), 'crosscheck-e2e-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    bin = join(dir, 'crosscheck');
    // Built after the frontend so the binary embeds the current dist/.
    await run('go', ['build', '-o', bin, './cmd/crosscheck'], { cwd: repoRoot, maxBuffer: 16 << 20 }).catch((err) => {
      throw new Error(`go build ./cmd/crosscheck failed:\n${err.stderr || err.message}`);
    });
  }

  let dbURL;
  try {
    const { stdout } = await run(bin, ['dev-db', '--fresh'], { cwd: repoRoot, timeout: 120_000 });
    dbURL = stdout.match(/postgres(?:ql)?:\/\/\S+/)?.[0];
    if (!dbURL) throw new Error(`no database URL in its output: ${JSON.stringify(stdout)}`);
  } catch (err) {
    const why = (err.stderr || err.message).trim().replace(/\s+/g, ' ').slice(0, 300);
    throw new Unavailable(`no database: \`crosscheck dev-db --fresh\` failed: ${why}`);
  }
  cleanups.push(() => run(bin, ['dev-db', '--drop', dbURL], { cwd: repoRoot, timeout: 60_000 }));

  const port = await freePort();
  const logPath = join(resultsDir, `server-${name}.log`);
  const logFile = await open(logPath, 'w');
  cleanups.push(() => logFile.close());
  const env = { ...process.env, DATABASE_URL: dbURL, LISTEN_ADDR: `127.0.0.1:${port}`, LOG_LEVEL: 'debug' };
  delete env.CROSSCHECK_INSECURE_ANONYMOUS_WRITE;
  delete env.CROSSCHECK_ANONYMOUS_READ;
  // Most tests do not sign in: anonymous visitors may write (the server
  // allows this on a loopback address only). The sign-in test turns it off.
  if (anonymousWrite) env.CROSSCHECK_INSECURE_ANONYMOUS_WRITE = 'true';
  if (anonymousRead) env.CROSSCHECK_ANONYMOUS_READ = 'true';
  const child = spawn(bin, ['serve'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', logFile.fd, logFile.fd],
  });
  const exited = once(child, 'exit');
  cleanups.push(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  });

  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`crosscheck serve exited with ${child.exitCode}; see ${logPath}`);
    try {
      const res = await fetch(`${baseURL}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`crosscheck serve never answered /healthz with 200; see ${logPath}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { baseURL, log: logPath, bin, dbURL };
}

/**
 * addUser creates an account with `crosscheck user add`, the password on
 * standard input, against the test server's database.
 */
export async function addUser({ bin, dbURL }, { email, role, name, password }) {
  const child = spawn(bin, ['user', 'add', '--email', email, '--role', role, '--name', name, '--password-stdin'], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: dbURL },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  child.stdin.end(`${password}\n`);
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`crosscheck user add ${email} exited with ${code}: ${out.trim()}`);
  return out;
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

/**
 * watchPage records what should never happen on a page: uncaught errors,
 * console errors other than failed requests (the form test provokes a 4xx on
 * purpose), and dialogs (an alert would mean injected script ran).
 */
export function watchPage(page) {
  const problems = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    if (/Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text())) return;
    problems.push(`console error: ${msg.text()}`);
  });
  page.on('dialog', (d) => {
    problems.push(`dialog opened: ${d.type()} ${d.message()}`);
    void d.dismiss();
  });
  return problems;
}

/** shot saves a screenshot of the page into test-results/. */
export async function shot(page, file, opts = {}) {
  await page.screenshot({ path: join(resultsDir, file), ...opts });
}

/**
 * waitForArticle waits after submitting the new-article form until the app
 * shows the article, and fails at once with the server's problem when the
 * form shows one instead.
 */
export async function waitForArticle(page) {
  const article = page.waitForURL(/\/articles\/\d+$/).then(() => null);
  const problem = page
    .locator('.form-problem [role="alert"]')
    .waitFor()
    .then(() => page.locator('.form-problem [role="alert"]').textContent());
  article.catch(() => {});
  problem.catch(() => {});
  const refused = await Promise.race([article, problem]);
  if (refused !== null) throw new Error(`the server refused the article: ${refused.replace(/\s+/g, ' ').trim()}`);
  return new URL(page.url()).pathname;
}
