// Browser acceptance of issue 4 (admissions, curriculum and enrollment): the secretariat opens a
// year's application window; an applicant applies on a phone; the secretariat accepts them; the new
// trainee sets a password from the invitation in the outbox, enrolls in three courses of the FY2017
// demo catalogue and finds them on their dashboard. Registered by run.mjs, whose scenario() and
// helpers these use.
//
// The scenarios build on each other, so each says which earlier step it is missing rather than
// failing somewhere obscure.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { flashIn, mainOf, stateGuard } from './harness.mjs';

const APPLICANT = {
  family: '架空', given: '葵', familyKana: 'カクウ', givenKana: 'アオイ', romaji: 'Aoi KAKUU',
  email: 'aoi.kakuu@university.test.example', university: '架空理科大学', year: 'D2',
  supervisor: '指導 太郎', supervisorEmail: 'prof.shido@university.test.example',
};
const PASSWORD = 'Ginkgo-avenue-in-autumn-42';
// Three confirmed FY2017 courses that the demo trainee did not choose (app/demo_curriculum.cpp).
const COURSES = [
  { code: 'C-L3', title: 'ゲノム・ビッグデータ統計解析学' },
  { code: 'C-P1', title: 'Rプログラム演習' },
  { code: 'AI-2', title: '創薬分子プロファイリング総論' },
];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A form field by its label, with or without the "(必須)" mark.
const field = (page, label) => page.getByLabel(new RegExp(`^${escape(label)}( \\(必須\\))?$`));

// A date `days` from `today` (YYYY-MM-DD, the server's today in Asia/Tokyo), as YYYY-MM-DD.
const dateFrom = (today, days) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86400_000).toISOString().slice(0, 10);

// The first link in a mail to `to` (in the outbox, base64 after the headers) whose path matches
// `pattern`: the server sends after its commit, so the mail may still be on its way.
async function linkInMailTo(outbox, to, pattern) {
  for (let attempt = 0; attempt < 200; ++attempt) {
    if (fs.existsSync(outbox))
      for (const f of fs.readdirSync(outbox).filter((n) => n.endsWith('.eml'))) {
        const raw = fs.readFileSync(path.join(outbox, f), 'latin1');
        const end = raw.indexOf('\r\n\r\n');
        if (!/^To: .*$/m.test(raw) || !/^To:[^\r]*(\r\n [^\r]*)*$/m.exec(raw)[0].includes(to)) continue;
        const body = Buffer.from(raw.slice(end + 4).replace(/\s+/g, ''), 'base64').toString('utf8');
        const m = new RegExp(`https?://[^/\\s]+(${pattern.source})`).exec(body);
        if (m) return m[1];
      }
    await new Promise((r) => setTimeout(r, 50));
  }
  return assert.fail(`no mail to ${to} in ${outbox} has a link to ${pattern}`);
}

export function curriculumScenarios({ scenario, shot, h1, logIn, resumeSession, origin, dataDir, today }) {
  const state = {};
  // The demo's server tells the time by the demo's day (docs/decisions/0014).
  const tokyoDate = (days) => dateFrom(today(), days);
  const url = (p) => `${origin()}${p}`;
  const main = mainOf;
  const flash = flashIn;
  const requireState = stateGuard(state);

  // A second call for FY2017: its trainees are accepted for the year of the courses they enroll in.
  scenario('13. the secretariat reopens the FY2017 application window from today for a second call', 'desktop',
    async (page) => {
      await resumeSession(page);
      await page.goto(url('/admissions/years'));
      await h1(page, '募集の設定').waitFor();
      await main(page).getByRole('link', { name: /FY2017/ }).click();
      await page.waitForURL(/\/admissions\/years\/2017$/);
      state.fy = 2017;
      await field(page, '受付開始日').fill(tokyoDate(-1));
      await field(page, '受付終了日').fill(tokyoDate(1));
      await main(page).getByRole('button', { name: '保存する' }).click();
      await h1(page, '募集の設定').waitFor();
      await flash(page, '募集の設定を保存しました。').waitFor();
    });

  scenario('14. an applicant applies on a phone', 'phone', async (page) => {
    requireState('fy', 13);
    await page.context().clearCookies();
    await page.goto(url('/apply'));
    await h1(page, '受講申込み').waitFor();
    await field(page, '受講者区分').selectOption('A');
    await field(page, 'A: 区分').selectOption('phd_student');
    await field(page, '姓').fill(APPLICANT.family);
    await field(page, '名').fill(APPLICANT.given);
    await field(page, '姓(フリガナ)').fill(APPLICANT.familyKana);
    await field(page, '名(フリガナ)').fill(APPLICANT.givenKana);
    await field(page, '氏名(ローマ字)').fill(APPLICANT.romaji);
    await field(page, 'メールアドレス').fill(APPLICANT.email);
    await field(page, '大学').fill(APPLICANT.university);
    await field(page, '学年').fill(APPLICANT.year);
    await field(page, '指導教員').fill(APPLICANT.supervisor);
    await field(page, '指導教員のメールアドレス').fill(APPLICANT.supervisorEmail);
    await page.getByLabel('ビッグデータ医療コース').check();
    await page.getByLabel('上記の個人情報の取扱いに同意します。').check();
    const { scrollWidth, innerWidth } = await page.evaluate(() =>
      ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    assert.ok(scrollWidth <= innerWidth, `the form scrolls sideways on a phone: ${scrollWidth} > ${innerWidth}`);
    await shot(page, 'mobile-apply-ja');
    await main(page).getByRole('button', { name: '申し込む' }).tap();
    await h1(page, '申込みを受け付けました').waitFor();
    await main(page).getByText(APPLICANT.email, { exact: true }).waitFor();
    state.applied = true;
  });

  scenario('15. the secretariat accepts the application; an invitation goes out', 'desktop', async (page) => {
    requireState('applied', 14);
    await resumeSession(page);
    // FY2017 has the demo's sixty applicants: the secretariat searches for this one.
    await page.goto(url(`/admissions?fy=${state.fy}&q=${encodeURIComponent(APPLICANT.email)}`));
    await main(page).getByRole('link', { name: `${APPLICANT.family} ${APPLICANT.given}` }).click();
    await page.getByRole('radio', { name: /^受け入れる/ }).check();
    await main(page).getByRole('button', { name: '決定する' }).click();
    await flash(page, '決定を記録し、申込者にメールを送りました。').waitFor();
    const link = await linkInMailTo(path.join(dataDir(), 'outbox'), APPLICANT.email, /\/password-reset\/[A-Za-z0-9_-]+/);
    state.invitation = link;
  });

  scenario('16. the new trainee sets a password, enrolls in three courses and sees them on the dashboard', 'phone',
    async (page) => {
      requireState('invitation', 15);
      await page.context().clearCookies();
      await page.goto(url(state.invitation));
      await h1(page, '新しいパスワードの設定').waitFor();
      await field(page, '新しいパスワード').fill(PASSWORD);
      await main(page).getByRole('button', { name: 'パスワードを設定' }).tap();
      await page.getByText('パスワードを設定しました。新しいパスワードでログインしてください。').waitFor();
      await logIn(page, { email: APPLICANT.email, password: PASSWORD });

      await main(page).getByRole('link', { name: '履修科目', exact: true }).tap();
      await page.waitForURL(/\/enrollments/);
      await main(page).getByText('履修中の科目はありません。').waitFor();
      for (const { code, title } of COURSES) {
        const select = field(page, '科目');
        const option = select.locator('option').filter({ hasText: new RegExp(`^${escape(code)} ${escape(title)} `) });
        assert.equal(await option.count(), 1, `the course select should offer ${code} ${title} once`);
        await select.selectOption(await option.getAttribute('value'));
        await main(page).getByRole('button', { name: '履修登録する' }).tap();
        await flash(page, '履修登録しました。').waitFor();
        await main(page).getByRole('cell', { name: title, exact: true }).waitFor();
      }
      await shot(page, 'mobile-enrollments-ja');

      await page.goto(url('/'));
      await h1(page, 'ダッシュボード').waitFor();
      const panel = main(page).locator('.link-list').filter({ hasText: COURSES[0].code });
      for (const { code, title } of COURSES)
        await panel.getByText(`${code} ${title}`).waitFor();
      assert.equal(await panel.getByText('履修中', { exact: true }).count(), COURSES.length,
                   'each of the three courses is shown as enrolled');
      await shot(page, 'mobile-trainee-dashboard-ja');
    });
}
