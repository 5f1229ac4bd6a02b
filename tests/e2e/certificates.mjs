// Browser acceptance of issue 11's certificates: the secretariat, on a desktop, relaxes FY2017's
// completion rule (the demo is in mid-term: nobody completes under the real one), confirms the
// first trainee who then completes, records the society's sign-off, and downloads the certificate
// that the sign-off issued (pdftotext finds the name and the number); anyone, without logging in,
// opens the verify page, which says valid; the secretariat revokes it; the page says revoked.
// What no page does for the demo's mid-term: the demo trainee is enrolled in every common course
// (the relaxed rule still asks for that).
// Registered last by run.mjs: it changes FY2017's rule.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { artifacts, backend, mainOf, pdfText } from './harness.mjs';

export function certificateScenarios({ scenario, shot, h1, logIn, origin, secretariat, sql }) {
  const state = {};
  const url = (p) => `${origin()}${p}`;

  scenario('cert-1. the secretariat confirms a completion, records the sign-off and downloads the certificate', 'desktop', async (page) => {
    const trainee = "(SELECT id FROM users WHERE email = 'trainee@mdsc.example')";
    const common = "(SELECT id FROM courses WHERE fiscal_year = 2017 AND category = 'common')";
    await sql(`UPDATE enrollments SET status = 'enrolled' WHERE user_id = ${trainee} AND course_id IN ${common}`);
    await sql(`INSERT INTO enrollments (course_id, user_id, status, created_at, enrolled_at, updated_at) ` +
              `SELECT c.id, ${trainee}, 'enrolled', 0, 0, 0 FROM courses c WHERE c.id IN ${common} AND NOT EXISTS ` +
              `(SELECT 1 FROM enrollments e WHERE e.course_id = c.id AND e.user_id = ${trainee})`);
    await logIn(page, secretariat());
    await page.goto(url('/completion?fy=2017'));
    await page.getByRole('heading', { level: 1, name: /^修了判定 — / }).waitFor();
    await page.getByLabel('必要なコース数').fill('0');
    await page.getByLabel('各科目の出席基準を要件とする').uncheck();
    await page.getByLabel('各科目の試験の合格を要件とする').uncheck();
    await mainOf(page).getByRole('button', { name: '修了要件を保存' }).click();
    await mainOf(page).getByRole('status').getByText('保存', { exact: false }).first().waitFor();

    const row = page.locator('#completion tbody tr', { hasText: '受講 未来' });
    state.user = await row.getAttribute('data-user');
    state.name = (await row.locator('td').first().textContent()).trim();
    await row.getByRole('button', { name: '修了を確定' }).click();
    const confirmed = page.locator(`#completion tbody tr[data-user="${state.user}"]`);
    await confirmed.getByLabel('学会の承認者').fill('日本オミックス医療学会 理事長');
    await confirmed.getByRole('button', { name: '学会の承認を記録' }).click();
    await page.locator(`#completion tbody tr[data-user="${state.user}"]`).getByRole('link', { name: '修了認定証へ' }).click();

    await page.getByRole('heading', { level: 1, name: /^修了認定証 — / }).waitFor();
    const cert = page.locator('#certificates tbody tr', { hasText: state.name });
    await cert.getByText('有効', { exact: true }).waitFor();
    state.number = (await cert.locator('td').first().locator('a').textContent()).trim();
    assert.match(state.number, /^MDSC-2017-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const href = await cert.getByRole('link', { name: 'PDF' }).getAttribute('href');
    const response = await page.request.get(url(href));
    assert.equal(response.status(), 200, `GET ${href}`);
    const bytes = await response.body();
    fs.writeFileSync(path.join(artifacts, `e2e-${backend}-certificate.pdf`), bytes);
    const text = await pdfText(bytes);
    assert.ok(text.includes(state.name), `pdftotext finds no ${state.name} in the certificate:\n${text}`);
    assert.ok(text.includes(state.number), `pdftotext finds no ${state.number} in the certificate:\n${text}`);
    await shot(page, 'certificates-issued');
  });

  scenario('cert-2. the public verify page says valid, then revoked once the secretariat revokes it', 'second', async (page) => {
    assert.ok(state.number, 'cert-1 did not run');
    await page.context().clearCookies();
    await page.goto(url(`/verify/${state.number}`));
    await h1(page, '修了認定証の確認').waitFor();
    await page.locator('#certificate-state').getByText('この修了認定証は有効です。').waitFor();
    await mainOf(page).getByText(state.name, { exact: false }).first().waitFor();
    await shot(page, 'certificate-verify-valid');

    await logIn(page, secretariat());
    await page.goto(url('/certificates?fy=2017'));
    const cert = page.locator('#certificates tbody tr', { hasText: state.number });
    await cert.getByLabel('取消の理由').fill('修了判定の誤り');
    await cert.getByRole('button', { name: '取り消す' }).click();
    await mainOf(page).getByRole('status').getByText('修了認定証を取り消しました。').waitFor();

    await page.context().clearCookies();
    await page.goto(url(`/verify/${state.number}`));
    await page.locator('#certificate-state').getByText('取り消されました', { exact: false }).waitFor();
    await shot(page, 'certificate-verify-revoked');
  });

  return state;
}
