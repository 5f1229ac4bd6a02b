// Browser acceptance of issue 3 (partner companies, memberships, qualified invoices): the secretariat
// registers a venture, gives it a B membership for FY2018, issues the invoice, records the payment and
// downloads the PDF; the company's representative then logs in and sees exactly that invoice, and
// nothing of another company's. Registered by run.mjs, whose scenario() and helpers these use.
//
// The scenarios build on each other (the representative needs the invoice the secretariat issued), so
// each one says which earlier step it is missing rather than failing somewhere obscure.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { artifacts, backend, pdfText } from './harness.mjs';
import { flashIn, mainOf, stateGuard } from './harness.mjs';

const LARGE_COMPANY = 'あおば架空製薬株式会社';  // demo data: 3,200 employees, partner@mdsc.example's company
const VENTURE = {
  name: 'テスト架空ベンチャー株式会社',
  type: '医療IT',
  corporateNumber: corporateNumber('401234567890'),
  employees: '20',
  foundedOn: '2016-06-01',  // within 5 years of 2018-04-01: a venture in FY2018
  email: 'office@venture.test.example',
};
const MEMBERSHIP_FY = 2018;  // the demo's fee schedule with tiers A/B/C
const B_FEE_WITH_TAX = '¥1,100,000';  // ¥1,000,000 + 10 %

/**
 * A corporate number (法人番号) from its 12-digit base: the check digit goes first and is
 * 9 − (Σ Pn × Qn mod 9), Pn the n-th digit from the right, Qn 1 for odd n and 2 for even n.
 */
export function corporateNumber(base) {
  assert.match(base, /^\d{12}$/);
  const sum = [...base].reverse().reduce((s, digit, i) => s + Number(digit) * (i % 2 === 0 ? 1 : 2), 0);
  return `${9 - (sum % 9)}${base}`;
}
assert.equal(corporateNumber('000012050002'), '7000012050002');  // the example of the brief

// Japan's fiscal year of an ISO date: April to March.
const fiscalYear = (iso) => {
  const [y, m] = iso.split('-').map(Number);
  return m >= 4 ? y : y - 1;
};

export function memberScenarios({ scenario, shot, h1, logIn, resumeSession, origin, cli }) {
  const state = {};  // what one scenario leaves for the next: ids, numbers, the representative
  const url = (p) => `${origin()}${p}`;
  const nav = (page) => page.getByRole('navigation', { name: 'メインメニュー' });
  const main = mainOf;
  const flash = flashIn;
  const pathOf = (page) => new URL(page.url()).pathname;
  // <dl class="facts">: the <dd> after the <dt> that says `term`.
  const fact = (page, term) =>
    main(page).locator('dl.facts dt').getByText(term, { exact: true }).locator('xpath=following-sibling::dd[1]');
  const tableWith = (page, column) =>
    main(page).locator('table').filter({ has: page.getByRole('columnheader', { name: column, exact: true }) });
  const rowsOf = (table) => table.locator('tbody tr');
  const requireState = stateGuard(state);

  // The 年度と会員区分 select offers "<fy>:<tier>" under one <optgroup> per fiscal year; an option's label
  // starts with the tier code ("B B会員(ベンチャー企業) ¥1,000,000").
  async function choosePlan(page, fy, tier) {
    const select = page.getByLabel('年度と会員区分');
    if (await select.count() === 0)
      assert.fail(`the membership form has no 年度と会員区分 select; the page says: ${await main(page).innerText()}`);
    const option = select.locator(`optgroup[label*="(FY${fy})"]`).getByRole('option', { name: new RegExp(`^${tier} `) });
    if (await option.count() !== 1) {
      const offered = await select.locator('optgroup').evaluateAll((groups) =>
        groups.map((g) => `${g.label}: ${[...g.querySelectorAll('option')].map((o) => o.label).join(' | ')}`));
      assert.fail(`the 年度と会員区分 select should offer tier ${tier} of FY${fy} once; it offers ` +
                  `${offered.length ? offered.join('; ') : 'nothing'}`);
    }
    await select.selectOption(await option.getAttribute('value'));
    return select;
  }

  async function openCompany(page, name) {
    await nav(page).getByRole('link', { name: '連携機関', exact: true }).click();
    await h1(page, '連携機関').waitFor();
    await main(page).getByRole('link', { name, exact: true }).click();
    await h1(page, name).waitFor();
  }

  // The membership form, from a company's page.
  async function openMembershipForm(page) {
    await main(page).getByRole('link', { name: '会員登録', exact: true }).click();
    await h1(page, '会員登録').waitFor();
    assert.equal(pathOf(page), '/memberships/new');
  }

  scenario('9. a B membership for a large company is refused beside the select, and nothing is written', 'desktop',
           async (page, monitor) => {
    await resumeSession(page);
    await openCompany(page, LARGE_COMPANY);
    assert.equal(pathOf(page), '/companies/1', `the demo's ${LARGE_COMPANY} should be company 1`);
    const memberships = rowsOf(tableWith(page, '会員区分'));
    const before = await memberships.allInnerTexts();

    await openMembershipForm(page);
    const select = await choosePlan(page, MEMBERSHIP_FY, 'B');
    await page.getByLabel('有効として登録').check();
    // Bad input re-shows the form with 422, which chromium logs as a failed resource load.
    monitor.allowConsoleError((text, where) => where === url('/memberships') && /status of 422/.test(text));
    const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url() === url('/memberships'));
    await main(page).getByRole('button', { name: '登録する' }).click();
    assert.equal((await answer).status(), 422, 'a refused membership should answer 422');

    await h1(page, '会員登録').waitFor();
    await page.getByRole('alert').waitFor();  // the error summary
    if (await select.count() === 0)
      assert.fail(`the re-shown form has no 年度と会員区分 select, so no reason beside it; the page says: ${await main(page).innerText()}`);
    // The reason sits in the select's own field, tied to it for screen readers, and names the rule.
    assert.equal(await select.getAttribute('aria-invalid'), 'true');
    const describedBy = await select.getAttribute('aria-describedby');
    assert.ok(describedBy, 'the refused select should point at its error (aria-describedby)');
    const error = page.locator(`[id="${describedBy}"]`);
    const reason = await error.innerText();
    assert.match(reason, /ベンチャー企業/, `the error should say B is for ventures only: "${reason}"`);
    assert.match(reason, /3,?200/, `the error should give the company's employee count: "${reason}"`);
    assert.equal(await main(page).locator('.field').filter({ has: select }).filter({ has: error }).count(), 1,
                 'the error should stand beside the select, in its field');
    assert.equal(await select.inputValue(), `${MEMBERSHIP_FY}:B`, 'the choice should be kept');
    await shot(page, 'membership-b-refused');

    await main(page).getByRole('link', { name: LARGE_COMPANY, exact: true }).click();
    await h1(page, LARGE_COMPANY).waitFor();
    assert.deepEqual(await memberships.allInnerTexts(), before, 'the refused membership must not be written');
  });

  scenario('10. the secretariat registers a venture, gives it a B membership for FY2018, invoices it, ' +
           'records the payment and downloads the PDF', 'desktop', async (page) => {
    await resumeSession(page);
    await nav(page).getByRole('link', { name: '連携機関', exact: true }).click();
    await h1(page, '連携機関').waitFor();
    await main(page).getByRole('link', { name: '連携機関を登録' }).click();
    await h1(page, '連携機関を登録').waitFor();
    await page.getByLabel(/^名称/).fill(VENTURE.name);
    await page.getByLabel(/^業種/).selectOption({ label: VENTURE.type });
    await page.getByLabel('法人番号').fill(VENTURE.corporateNumber);
    await page.getByLabel('従業員数').fill(VENTURE.employees);
    await page.getByLabel('設立日').fill(VENTURE.foundedOn);
    await page.getByLabel('メールアドレス').fill(VENTURE.email);
    await main(page).getByRole('button', { name: '保存する' }).click();
    await h1(page, VENTURE.name).waitFor();
    await flash(page, '登録しました。').waitFor();
    const company = /^\/companies\/(\d+)$/.exec(pathOf(page));
    assert.ok(company, `registering should lead to the company's page, not ${page.url()}`);
    state.companyId = Number(company[1]);
    assert.equal(await fact(page, '法人番号').innerText(), VENTURE.corporateNumber);
    // On the demo's day (2018-01-15) a company founded in 2016 with 20 employees is a venture.
    assert.equal(await fact(page, '種別').innerText(), `${VENTURE.type} ベンチャー`);
    await shot(page, 'company-registered');

    await openMembershipForm(page);
    await choosePlan(page, MEMBERSHIP_FY, 'B');
    await page.getByLabel('有効として登録').check();
    await main(page).getByRole('button', { name: '登録する' }).click();
    await flash(page, '会員登録を作成しました。').waitFor();
    await h1(page, new RegExp(`^会員登録: .*\\(FY${MEMBERSHIP_FY}\\) B$`)).waitFor();
    assert.match(pathOf(page), /^\/memberships\/\d+$/);
    assert.equal(await fact(page, '状態').innerText(), '有効');
    assert.equal(await fact(page, '期間').innerText(), `${MEMBERSHIP_FY}-04-01 – ${MEMBERSHIP_FY + 1}-03-31`);

    await main(page).getByRole('button', { name: '請求書を発行' }).click();
    await flash(page, '請求書を発行しました。').waitFor();
    const heading = await main(page).getByRole('heading', { level: 1 }).innerText();
    const number = /^請求書 (MDSC-FY(\d{4})-\d{4})$/.exec(heading);
    assert.ok(number, `the invoice page should be headed 請求書 MDSC-FY<year>-<NNNN>, not "${heading}"`);
    const invoicePath = pathOf(page);
    assert.match(invoicePath, /^\/invoices\/\d+$/);
    const issued = await fact(page, '発行日').innerText();
    assert.match(issued, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(Number(number[2]), fiscalYear(issued), `${number[1]} should be numbered in the FY of its issue date ${issued}`);
    assert.equal(await fact(page, '状態').innerText(), '発行済み');
    assert.equal(await fact(page, '宛先').innerText(), VENTURE.name);
    const total = main(page).getByRole('row', { name: /^合計\(税込\)/ });
    assert.equal((await total.getByRole('cell').innerText()).trim(), B_FEE_WITH_TAX);
    state.invoice = { number: number[1], path: invoicePath, fy: fiscalYear(issued) };

    await page.getByLabel(/^入金額/).fill('1100000');
    await main(page).getByRole('button', { name: '入金を記録' }).click();
    await flash(page, '入金を記録しました。').waitFor();
    assert.equal(pathOf(page), invoicePath);
    assert.equal(await fact(page, '状態').innerText(), '入金済み');
    await main(page).getByText('未入金残高: ¥0').waitFor();
    await shot(page, 'invoice-paid');

    // The link opens the PDF in chromium's viewer; the file itself is fetched with the same cookies.
    const link = main(page).getByRole('link', { name: 'PDFをダウンロード' });
    const pdfPath = await link.getAttribute('href');
    assert.equal(pdfPath, `${invoicePath}/pdf`);
    const opened = page.waitForResponse((r) => r.url() === url(pdfPath));
    await link.click();
    const response = await opened;
    assert.equal(response.status(), 200);
    assert.equal(response.headers()['content-type'], 'application/pdf');
    assert.match(response.headers()['content-disposition'] ?? '', new RegExp(`filename="${number[1]}\\.pdf"`));
    const text = await checkPdf(page, pdfPath, 'invoice');
    assert.ok(text.includes(VENTURE.name), `the PDF should name the recipient:\n${text}`);

    // Another company's invoice, for scenario 12: it exists, so a 404 there means "not yours".
    await page.goto(url('/invoices/1'));
    await h1(page, /^請求書 MDSC-FY2017-/).waitFor();
    assert.notEqual(await fact(page, '宛先').innerText(), VENTURE.name);
  });

  // The demo's partner user represents あおば架空製薬 only; the new company's representative is a new
  // user, made with the CLI (which sets a password; the site would send an invitation mail instead).
  scenario('11. the secretariat names the new company\'s representative', 'desktop', async (page) => {
    requireState('companyId', 10);
    const rep = {
      email: 'rep@venture.test.example',
      password: `rep-${randomBytes(12).toString('base64url')}`,
      label: '架空 代表 <rep@venture.test.example>',
    };
    const out = await cli(['user', 'add', '--email', rep.email, '--family-name', '架空', '--given-name', '代表',
                           '--role', `partner_representative:${state.companyId}`, '--password-stdin'],
                          { input: `${rep.password}\n` });
    assert.match(out, /User \d+ created/);

    await resumeSession(page);
    await page.goto(url(`/companies/${state.companyId}`));
    await h1(page, VENTURE.name).waitFor();
    const representative = page.getByLabel('代表者', { exact: true });
    const candidates = await representative.getByRole('option').allInnerTexts();
    assert.deepEqual(candidates.map((c) => c.replace(/\s+/g, ' ').trim()), ['-', rep.label],
                     'only users with the partner-representative role for this company are candidates');
    await representative.selectOption({ label: rep.label });
    const form = main(page).locator('form').filter({ has: representative });
    await form.getByRole('button', { name: '保存する' }).click();
    await flash(page, '代表者を保存しました。').waitFor();
    assert.equal((await fact(page, '代表者').innerText()).replace(/\s+/g, ' '), rep.label);
    state.rep = rep;
  });

  scenario('12. the representative logs in and sees exactly their invoice, and nothing of another company',
           'second', async (page, monitor) => {
    requireState('rep', 11);
    requireState('invoice', 10);
    const { invoice } = state;
    await logIn(page, state.rep);
    await main(page).getByText('連携機関代表者', { exact: true }).waitFor();
    await main(page).getByRole('link', { name: VENTURE.name, exact: true }).waitFor();  // their company's panel
    await nav(page).getByRole('link', { name: '請求書', exact: true }).click();
    await h1(page, /^請求書 — /).waitFor();

    for (const fy of [2017, MEMBERSHIP_FY].filter((y) => y !== invoice.fy)) {  // the demo's invoices are of FY2017
      await page.goto(url(`/invoices?fy=${fy}`));
      await h1(page, new RegExp(`\\(FY${fy}\\)$`)).waitFor();
      await tableWith(page, '請求書番号').waitFor();
      const links = rowsOf(tableWith(page, '請求書番号')).getByRole('link');
      assert.deepEqual(await links.allInnerTexts(), [], `the representative should see no invoice of FY${fy}`);
    }
    await page.goto(url(`/invoices?fy=${invoice.fy}`));
    await h1(page, new RegExp(`^請求書 — .*\\(FY${invoice.fy}\\)$`)).waitFor();
    const rows = rowsOf(tableWith(page, '請求書番号'));
    const listed = await rows.allInnerTexts();
    assert.equal(listed.length, 1, `the representative should see exactly one invoice: ${JSON.stringify(listed)}`);
    assert.ok(listed[0].includes(invoice.number) && listed[0].includes(VENTURE.name) &&
              listed[0].includes(B_FEE_WITH_TAX) && listed[0].includes('入金済み'),
              `the one invoice listed should be ${invoice.number}, paid: ${listed[0]}`);
    await shot(page, 'representative-invoices');

    await rows.getByRole('link', { name: invoice.number, exact: true }).click();
    await h1(page, `請求書 ${invoice.number}`).waitFor();
    assert.equal(pathOf(page), invoice.path);
    assert.equal(await main(page).getByRole('button', { name: '入金を記録' }).count(), 0,
                 'a representative must not record payments');
    const pdfPath = await main(page).getByRole('link', { name: 'PDFをダウンロード' }).getAttribute('href');
    await checkPdf(page, pdfPath, 'invoice-representative');

    // Another company's invoice and company: not found, as if they did not exist.
    for (const other of ['/invoices/1', '/companies/1']) {
      monitor.allowConsoleError((text, where) => where === url(other) && /status of 404/.test(text));
      const response = await page.goto(url(other));
      assert.equal(response.status(), 404, `GET ${other} as another company's representative`);
      await h1(page, 'ページが見つかりません').waitFor();
    }
    const pdf = await page.request.get(url('/invoices/1/pdf'));
    assert.equal(pdf.status(), 404, "GET /invoices/1/pdf as another company's representative");
  });

  // Fetches a PDF with the page's cookies; checks it is one, that its text names the invoice and its
  // total, keeps it in the artifacts, and returns its text.
  async function checkPdf(page, pdfPath, name) {
    const response = await page.request.get(url(pdfPath));
    assert.equal(response.status(), 200, `GET ${pdfPath}`);
    const bytes = await response.body();
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-', `${pdfPath} is not a PDF`);
    fs.writeFileSync(path.join(artifacts, `e2e-${backend}-${name}.pdf`), bytes);
    const text = await pdfText(bytes);
    assert.ok(text.includes(state.invoice.number), `pdftotext finds no ${state.invoice.number} in ${pdfPath}:\n${text}`);
    assert.ok(text.includes(B_FEE_WITH_TAX), `pdftotext finds no ${B_FEE_WITH_TAX} in ${pdfPath}:\n${text}`);
    return text;
  }
}
