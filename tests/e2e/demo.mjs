// Browser acceptance of issue 9 (the demo shows FY2017 in mid-term): every page says which day the
// demo shows, in Japanese and English; the secretariat's work queue has something in each line and
// each link opens the list that holds exactly that many; the pages open on FY2017; the demo trainee
// finds their next sessions on the dashboard. Registered by run.mjs, after the scenarios of issues
// 3 and 4 (which add nothing to FY2017's queue) and before the timetable's (which publish).
import assert from 'node:assert/strict';
import { mainOf } from './harness.mjs';

const BANNER_JA = '2018年1月15日(月)時点のコンソーシアムを表示しています';
const BANNER_EN = 'the consortium as it stood on Mon, 15 Jan 2018';
const ITEMS = {
  applications: '審査待ちの申込み',
  consultations: '受講枠の相談(決定待ち)',
  overdue: '支払期限を過ぎた請求書',
  drafts: '未公開の時間割案',
  mail: '送信できなかったメール',
};

export function demoScenarios({ scenario, shot, h1, header, logIn, resumeSession, origin, account }) {
  const url = (p) => `${origin()}${p}`;
  const main = mainOf;
  const banner = (page) => page.locator('#demo-banner');
  const queueItem = (page, key) => main(page).locator(`#work-queue li[data-item="${key}"]`);
  const countOf = async (page, key) => Number((await queueItem(page, key).locator('.queue__count').innerText()).replace(/,/g, ''));
  const tableRows = (page) => main(page).locator('table tbody tr').filter({ has: page.locator('td a, td span.status') });

  scenario('17. the demo says which day it shows; each line of the secretariat\'s work queue leads to its list', 'desktop',
    async (page) => {
      await resumeSession(page);
      await banner(page).getByText(BANNER_JA).waitFor();
      await main(page).getByRole('heading', { level: 2, name: '対応待ちの業務' }).waitFor();
      const counts = {};
      for (const [key, label] of Object.entries(ITEMS)) {
        await queueItem(page, key).getByText(label, { exact: true }).waitFor();
        counts[key] = await countOf(page, key);
        assert.ok(counts[key] > 0, `the demo has something in "${label}", the dashboard says ${counts[key]}`);
      }
      await shot(page, 'demo-work-queue');

      // Applications to review: the review list of FY2017, filtered on 審査待ち, holds that many.
      await queueItem(page, 'applications').getByRole('link', { name: ITEMS.applications }).click();
      await h1(page, /^受講申込み — .*\(FY2017\)$/).waitFor();
      assert.equal(await page.getByLabel('状態').inputValue(), 'submitted');
      assert.equal(await tableRows(page).count(), counts.applications, 'the review list holds the count');
      await banner(page).getByText(BANNER_JA).waitFor();

      // Overdue invoices: the FY2017 invoices filtered on 期限超過.
      await page.goto(url('/'));
      await queueItem(page, 'overdue').getByRole('link', { name: ITEMS.overdue }).click();
      await h1(page, /^請求書 — .*\(FY2017\)$/).waitFor();
      assert.equal(await tableRows(page).count(), counts.overdue);
      assert.equal(await main(page).locator('tbody .status--overdue').count(), counts.overdue, 'each one is overdue');

      // The draft waiting: its page, finished, with the button that publishes it.
      await page.goto(url('/'));
      const drafts = queueItem(page, 'drafts').locator('a[href^="/timetable/runs/"]');
      assert.equal(await drafts.count(), Math.min(counts.drafts, 4), 'a link to each draft that waits');
      await drafts.first().click();
      await page.waitForURL(/\/timetable\/runs\/\d+$/);
      await page.locator('#run-status').getByText('完成しました', { exact: true }).waitFor();
      await main(page).getByRole('button', { name: 'この案を公開する' }).waitFor();

      // The mail that failed: the mail log filtered on 送信できず, with the mistyped address.
      await page.goto(url('/'));
      await queueItem(page, 'mail').getByRole('link', { name: ITEMS.mail }).click();
      await h1(page, 'メール送信記録').waitFor();
      assert.equal(await tableRows(page).count(), counts.mail);
      await main(page).getByText('@applicatns.example').first().waitFor();

      // Seat consultations wait in several companies: each link opens that membership, whose
      // consultation can be decided there.
      await page.goto(url('/'));
      const companies = queueItem(page, 'consultations').locator('small a');
      const shown = await companies.count();
      assert.ok(shown > 0, 'the consultations name their companies');
      const first = (await companies.first().innerText()).trim();
      await companies.first().click();
      await h1(page, /^会員登録: .*\(FY2017\)/).waitFor();
      await main(page).getByRole('link', { name: first, exact: true }).waitFor();
      assert.ok(await main(page).locator('form[action$="/decide"]').count() > 0, 'the membership offers the decision');
    });

  scenario('18. in English the banner and the work queue say the same; the pages open on FY2017', 'english', async (page) => {
    // This browser asks for English, so the login page is English too.
    const { email, password } = account('secretariat');
    await page.context().clearCookies();
    await page.goto(url('/login'));
    await banner(page).getByText(BANNER_EN).waitFor();
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill(password);
    await main(page).getByRole('button', { name: 'Log in' }).click();
    // Logged in, the secretariat's own language (Japanese) wins over the browser's; English on request.
    await h1(page, 'ダッシュボード').waitFor();
    await page.goto(url('/?lang=en'));
    await h1(page, 'Dashboard').waitFor();
    await banner(page).getByText(BANNER_EN).waitFor();
    await main(page).getByRole('heading', { level: 2, name: 'Waiting for you' }).waitFor();
    await queueItem(page, 'mail').getByRole('link', { name: 'Mail that failed to send' }).waitFor();
    // English puts the Western year first: "Members — FY2017 (平成29年度)".
    for (const path of ['/members', '/invoices', '/admissions']) {
      await page.goto(url(path));
      await h1(page, / — FY2017 \(平成29年度\)$/).waitFor();
      await banner(page).getByText(BANNER_EN).waitFor();
    }
    await shot(page, 'demo-members-en');
  });

  scenario('19. the demo trainee sees their next sessions from the demo\'s day on', 'second', async (page) => {
    await logIn(page, account('trainee'));
    await banner(page).getByText(BANNER_JA).waitFor();
    const next = main(page).locator('#next-sessions li');
    await next.first().waitFor();
    const days = (await next.locator('small').allInnerTexts()).map((t) => t.slice(0, 10));
    assert.ok(days.length > 0 && days.every((d) => d >= '2018-01-15'), `next sessions from 2018-01-15 on: ${days}`);
    assert.deepEqual(days, [...days].sort(), 'in the order they come');
    await shot(page, 'demo-trainee-dashboard');
    await next.first().getByRole('link').click();
    await page.waitForURL(/\/sessions\/\d+$/);
    await header(page).getByRole('link', { name: /^受講 未来/ }).waitFor();
  });
}
