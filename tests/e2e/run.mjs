// Browser tests: what a user of the consortium's site does, in Debian's chromium, against a real
// `mdsc serve` on a fresh database (MDSC_TEST_BACKEND=sqlite|postgresql). Run by ctest as
// e2e@sqlite and e2e@postgresql; by hand:
//   MDSC_TEST_BACKEND=sqlite MDSC_TEST_TMP=/tmp/e2e-tmp MDSC_ARTIFACTS=/tmp/e2e-art node tests/e2e/run.mjs
// Screenshots go to $MDSC_ARTIFACTS/e2e-<backend>-*.png, and e2e-<backend>-failed-*.png on failure.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  artifacts, backend, createDatabase, execSql, initDemo, launchBrowser, makeScratch, mdsc, monitoredContext,
  startServer,
} from './harness.mjs';
import { attendanceScenarios } from './attendance.mjs';
import { certificateScenarios } from './certificates.mjs';
import { videoScenarios } from './videos.mjs';
import { curriculumScenarios } from './curriculum.mjs';
import { demoScenarios } from './demo.mjs';
import { memberScenarios } from './members.mjs';
import { timetableScenarios } from './timetable.mjs';

let scratch, database, server, browser, origin, secretariat, demoAccounts, demoDate;
let launching;  // chromium starts while the database is made
let failed = true;  // until set up: keeps the scratch folder and shows the server's log

before(async () => {
  const t0 = Date.now();
  scratch = makeScratch();
  launching = launchBrowser().then((b) => (browser = b));
  launching.catch(() => {});  // reported where it is awaited below
  database = await createDatabase(scratch);
  const dataDir = path.join(scratch, 'data');
  const demo = await initDemo(database.url, dataDir);
  secretariat = demo.printed.secretariat;
  demoAccounts = demo.printed;
  demoDate = demo.date;
  assert.match(demoDate ?? '', /^\d{4}-\d{2}-\d{2}$/, `mdsc init --demo did not say which day the demo shows:\n${demo.stdout}`);
  assert.ok(secretariat, `mdsc init --demo printed no secretariat credentials:\n${demo.stdout}`);
  assert.equal(secretariat.email, 'secretariat@mdsc.example');
  assert.deepEqual(demo.written, demo.printed,
                   'demo-credentials.txt in MDSC_DATA_DIR should hold the credentials init printed');
  server = await startServer(database.url, dataDir);
  origin = server.origin;
  await launching;
  failed = false;
  console.log(`# e2e@${backend}: ${origin} (${database.url}), chromium ${browser.version()}, ` +
              `ready in ${Date.now() - t0} ms`);
}, { timeout: 120_000 });

after(async () => {
  // Each step on its own: one failing must not leave the others running.
  const steps = [
    ['chromium', async () => {
      await launching?.catch(() => {});
      await closeTabs();
      await browser?.close();
    }],
    ['mdsc serve', async () => {
      const r = await server?.stop();
      if (failed && server) console.log(`# mdsc serve's last log lines:\n# ${server.log.join('\n# ')}`);
      return r;
    }],
    ['database', () => database?.drop()],
  ];
  for (const [what, step] of steps) {
    try {
      await step();
    } catch (e) {
      console.error(`# stopping ${what}: ${e.message}`);
      process.exitCode = 1;
    }
  }
  if (scratch && !failed) fs.rmSync(scratch, { recursive: true, force: true });
  else if (scratch) console.log(`# kept the scratch folder ${scratch}`);
});

// Browser tabs by kind, kept from one scenario to the next: opening a tab starts a renderer, which
// costs seconds on a busy machine, and logging in costs an argon2id hash. Scenarios that need a
// clean start clear the cookies; those that continue a session check it first (resumeSession), so
// each still passes alone. A scenario that fails closes its tab: the next one starts afresh.
const KINDS = {
  desktop: {},
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
  english: { locale: 'en-US' },
  second: {},  // a second user at another desk, with cookies of their own
};
const tabs = {};

async function tab(kind) {
  if (!tabs[kind]) {
    const monitor = await monitoredContext(browser, origin, KINDS[kind]);
    tabs[kind] = { monitor, page: await monitor.context.newPage() };
  }
  return tabs[kind];
}

async function closeTabs() {
  for (const kind of Object.keys(tabs)) {
    const { monitor } = tabs[kind];
    delete tabs[kind];
    await monitor.context.close();
  }
}

// One scenario: a screenshot if it fails, and no console error, uncaught exception or CSP
// violation allowed while it runs.
function scenario(name, kind, body) {
  const slug = name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 40);
  test(name, { timeout: 45_000 }, async () => {
    assert.ok(browser, 'no browser: setting up failed (see the error above)');
    const { monitor, page } = await tab(kind);
    monitor.reset();
    try {
      await body(page, monitor);
      assert.deepEqual(monitor.problems(), [], 'the browser reported problems');
    } catch (e) {
      failed = true;
      const file = path.join(artifacts, `e2e-${backend}-failed-${slug}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => {});
      e.message += `\n    page: ${page.url()}\n    screenshot: ${file}`;
      const problems = monitor.problems();
      if (problems.length) e.message += `\n    browser problems:\n      ${problems.join('\n      ')}`;
      delete tabs[kind];
      await monitor.context.close().catch(() => {});
      throw e;
    }
  });
}

const shot = (page, name) =>
  page.screenshot({ path: path.join(artifacts, `e2e-${backend}-${name}.png`), fullPage: true });
const htmlLang = (page) => page.locator('html').getAttribute('lang');
const h1 = (page, name) => page.getByRole('heading', { level: 1, name, exact: true });
const header = (page) => page.getByRole('banner');

async function logIn(page, { email, password }) {
  await page.context().clearCookies();
  await page.goto(`${origin}/login`);
  await h1(page, 'ログイン').waitFor();
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('main').getByRole('button', { name: 'ログイン' }).click();
  await h1(page, 'ダッシュボード').waitFor();
}

// Carries on with the session an earlier scenario left (logged in, in Japanese), or starts one.
async function resumeSession(page) {
  await page.goto(`${origin}/`);
  const loggedIn = header(page).getByRole('button', { name: 'ログアウト' });
  if (await h1(page, 'ダッシュボード').count() === 0 || await loggedIn.count() === 0) await logIn(page, secretariat);
}

async function loggedOut(page, path) {
  await page.context().clearCookies();
  await page.goto(`${origin}${path}`);
}

scenario('1. log in from the top page, in Japanese; the dashboard greets the user', 'desktop', async (page) => {
  await loggedOut(page, '/');
  assert.equal(await htmlLang(page), 'ja');
  await header(page).getByRole('link', { name: 'ログイン', exact: true }).click();
  await h1(page, 'ログイン').waitFor();
  assert.equal(new URL(page.url()).pathname, '/login');
  assert.equal(await htmlLang(page), 'ja');

  await page.getByLabel('メールアドレス').fill(secretariat.email);
  await page.getByLabel('パスワード').fill(secretariat.password);
  await page.getByRole('main').getByRole('button', { name: 'ログイン' }).click();
  await h1(page, 'ダッシュボード').waitFor();
  await page.getByRole('main').getByText('事務局 花子', { exact: true }).waitFor();
  await header(page).getByRole('link', { name: '事務局 花子' }).waitFor();
  assert.equal(await htmlLang(page), 'ja');
  await shot(page, 'dashboard-ja');
});

scenario('2. the language switch turns the site English, and it stays English', 'desktop', async (page) => {
  await resumeSession(page);
  await header(page).getByRole('link', { name: 'English', exact: true }).click();
  await h1(page, 'Dashboard').waitFor();
  assert.equal(await htmlLang(page), 'en');
  await shot(page, 'dashboard-en');

  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Account' }).click();
  await h1(page, 'Your account').waitFor();
  assert.equal(new URL(page.url()).pathname, '/account');
  assert.equal(await htmlLang(page), 'en');
  await shot(page, 'account-en');

  await header(page).getByRole('link', { name: '日本語', exact: true }).click();
  await h1(page, 'アカウント').waitFor();
  assert.equal(await htmlLang(page), 'ja');
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'ダッシュボード' }).click();
  await h1(page, 'ダッシュボード').waitFor();
  assert.equal(await htmlLang(page), 'ja');
});

scenario('3. logging out returns to the login page, and /account then asks to log in', 'desktop', async (page) => {
  await resumeSession(page);
  await header(page).getByRole('button', { name: 'ログアウト' }).click();
  await h1(page, 'ログイン').waitFor();
  assert.equal(new URL(page.url()).pathname, '/login');
  await page.getByRole('status').getByText('ログアウトしました。').waitFor();
  await header(page).getByRole('link', { name: 'ログイン', exact: true }).waitFor();

  await page.goto(`${origin}/account`);
  await h1(page, 'ログイン').waitFor();
  assert.equal(new URL(page.url()).pathname, '/login');
  assert.equal(await header(page).getByRole('button', { name: 'ログアウト' }).count(), 0);
});

scenario('4. a wrong password shows an error above the form and keeps the e-mail', 'desktop', async (page, monitor) => {
  await loggedOut(page, '/login');
  await h1(page, 'ログイン').waitFor();
  await page.getByLabel('メールアドレス').fill(secretariat.email);
  await page.getByLabel('パスワード').fill(`${secretariat.password}-wrong`);
  // The server answers a failed login with 422 (bad input re-shows the form with a 4xx status),
  // which chromium logs as a failed resource load.
  monitor.allowConsoleError((text, where) => where === `${origin}/login` && /status of 422/.test(text));
  const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url() === `${origin}/login`);
  await page.getByRole('main').getByRole('button', { name: 'ログイン' }).click();
  assert.ok((await answer).status() >= 400, 'a failed login should not answer 2xx/3xx');

  const alert = page.getByRole('alert');
  await alert.getByText('メールアドレスまたはパスワードが正しくありません。').waitFor();
  await h1(page, 'ログイン').waitFor();
  assert.equal(await page.getByLabel('メールアドレス').inputValue(), secretariat.email);
  assert.equal(await page.getByLabel('パスワード').inputValue(), '', 'the password must not be echoed back');
  const [alertBox, formBox] = [await alert.boundingBox(), await page.locator('main form').boundingBox()];
  assert.ok(alertBox && formBox && alertBox.y + alertBox.height <= formBox.y + 1,
            `the error should sit above the form (error ${JSON.stringify(alertBox)}, form ${JSON.stringify(formBox)})`);
  // app.js takes keyboard and screen-reader users to the error summary.
  await page.waitForFunction(() => document.activeElement?.id === 'error-summary');
  await header(page).getByRole('link', { name: 'ログイン', exact: true }).waitFor();  // still logged out
  await shot(page, 'login-error-ja');
});

scenario('5. on a phone the login page fits the screen and logging in works', 'phone', async (page) => {
  const noSideScroll = async (what) => {
    const { scrollWidth, innerWidth } = await page.evaluate(() =>
      ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    assert.ok(scrollWidth <= innerWidth,
              `${what} scrolls sideways on a phone: scrollWidth ${scrollWidth} > innerWidth ${innerWidth}`);
  };
  await loggedOut(page, '/login');
  await h1(page, 'ログイン').waitFor();
  assert.equal(await page.evaluate(() => window.innerWidth), 390);
  await noSideScroll('the login page');
  await shot(page, 'mobile-login-ja');

  await page.getByLabel('メールアドレス').fill(secretariat.email);
  await page.getByLabel('パスワード').fill(secretariat.password);
  await page.getByRole('main').getByRole('button', { name: 'ログイン' }).tap();
  await h1(page, 'ダッシュボード').waitFor();
  await page.getByRole('main').getByText('事務局 花子', { exact: true }).waitFor();
  await noSideScroll('the dashboard');
  await shot(page, 'mobile-dashboard-ja');
});

scenario('6. the first Tab on the login page focuses the skip link, which leads to the content', 'desktop', async (page) => {
  await loggedOut(page, '/login');
  await h1(page, 'ログイン').waitFor();
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => {
    const el = document.activeElement;
    const box = el.getBoundingClientRect();
    return { tag: el.tagName, text: el.textContent.trim(), href: el.getAttribute('href'),
             onScreen: box.left >= 0 && box.top >= 0 && box.right <= window.innerWidth && box.width > 0 };
  });
  assert.deepEqual(focused, { tag: 'A', text: '本文へスキップ', href: '#main', onScreen: true });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'main');
});

scenario('7. a browser asking for English gets the login page in English', 'english', async (page) => {
  await loggedOut(page, '/login');
  await h1(page, 'Log in').waitFor();
  assert.equal(await htmlLang(page), 'en');
  await page.getByLabel('E-mail address').waitFor();
});

// Every browser asks a site for /favicon.ico unless a page names its icon; a 404 there is a console
// error on the first visit. Checked once here rather than in every scenario.
test('8. the site has an icon: /favicon.ico answers, or the pages name one', async () => {
  assert.ok(origin, 'no server: setting up failed (see the error above)');
  const icon = await fetch(`${origin}/favicon.ico`);
  await icon.arrayBuffer();
  if (icon.ok) return;
  const top = await (await fetch(`${origin}/login`)).text();
  assert.ok(/<link[^>]+rel="(shortcut )?icon"/.test(top),
               `GET /favicon.ico answers ${icon.status} and /login names no <link rel="icon">: ` +
               'chromium logs "Failed to load resource: … 404" on the first page of every visit');
});

// Issue 3 (partner companies, memberships, qualified invoices): tests/e2e/members.mjs.
memberScenarios({
  scenario, shot, h1, header, logIn, resumeSession,
  origin: () => origin,
  // The CLI on the server's database and data folder, as the operator runs it.
  cli: (args, options = {}) => mdsc([...args, '--db', database.url], { dataDir: path.join(scratch, 'data'), ...options }),
});

// Issue 4 (admissions, curriculum and enrollment): tests/e2e/curriculum.mjs.
curriculumScenarios({
  scenario, shot, h1, header, logIn, resumeSession,
  origin: () => origin,
  dataDir: () => path.join(scratch, 'data'),
  today: () => demoDate,  // the server's today: the demo's day
});

// Issue 9 (the demo in mid-term, the secretariat's work queue): tests/e2e/demo.mjs.
demoScenarios({
  scenario, shot, h1, header, logIn, resumeSession,
  origin: () => origin,
  account: (role) => demoAccounts?.[role],
});

// Issue 5 (the timetable and calendar feeds): tests/e2e/timetable.mjs.
timetableScenarios({
  scenario, shot, h1, header, logIn, resumeSession,
  origin: () => origin,
  account: (role) => demoAccounts?.[role],
});

// Issue 11 (attendance: check-in and the roll call): tests/e2e/attendance.mjs. Last: the session it
// adds runs all day on the demo's day.
attendanceScenarios({
  scenario, shot, h1, header, logIn,
  origin: () => origin,
  account: (role) => demoAccounts?.[role],
  sql: (statement) => execSql(database.url, statement),
  cli: (args, options = {}) => mdsc([...args, '--db', database.url], { dataDir: path.join(scratch, 'data'), ...options }),
  today: () => demoDate,
});

// Issue 11 (recordings): tests/e2e/videos.mjs.
videoScenarios({
  scenario, shot, h1, logIn,
  origin: () => origin,
  account: (role) => demoAccounts?.[role],
});

// Issue 11 (certificates): tests/e2e/certificates.mjs. After the attendance scenarios: it relaxes
// FY2017's completion rule.
certificateScenarios({
  scenario, shot, h1, logIn,
  origin: () => origin,
  secretariat: () => secretariat,
  sql: (statement) => execSql(database.url, statement),
});
