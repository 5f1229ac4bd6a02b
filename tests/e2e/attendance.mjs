// Browser acceptance of issue 11's check-in: the demo instructor, on a desktop, opens a session's
// roll call and reads the code; the demo trainee, on a phone, scans it (the address opens the
// check-in page after logging in) and checks in; a second trainee who then logs in on the first
// trainee's phone and uses the code is flagged, and so is the first; the roll call shows both.
// Registered by run.mjs, after the other scenarios (the session it adds would be in their weeks).
import assert from 'node:assert/strict';
import { mainOf } from './harness.mjs';

export function attendanceScenarios({ scenario, shot, h1, header, logIn, origin, account, sql, cli, today }) {
  const state = {};
  const FRIEND = { email: 'friend.trainee@mdsc.example', password: 'Kanazawa-friend-2017-pw' };
  const rollCall = () => `${origin()}/sessions/${state.session}/attendance`;

  // The code the roll call shows the room now (it changes every 20 seconds).
  async function shownCode(page) {
    await page.goto(rollCall());
    await h1(page, '出欠').waitFor();
    const code = (await page.locator('#checkin-code').textContent()).trim();
    assert.match(code, /^\d{6}$/);
    return code;
  }

  // What no page makes yet: a session of C-L1 (the demo instructor's course, which the demo trainee
  // takes) that runs all day, so that check-in is open whenever the test runs, and a second trainee.
  async function setUp() {
    if (state.session) return;
    const tokyo = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hour12: false })
      .format(new Date());
    // The demo's clock stays on its day; from 23:45 check-in opens for the next day's session.
    const day = tokyo >= '23:45' ? new Date(Date.parse(`${today()}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10) : today();
    await sql(`INSERT INTO course_sessions (term_id, course_id, day, band, position, starts_at, ends_at, status, sequence, ` +
              `created_at, updated_at) SELECT t.id, c.id, '${day}', 'daytime', 9, '00:00', '23:59', 'scheduled', 0, 0, 0 ` +
              `FROM terms t, courses c WHERE t.fiscal_year = 2017 AND c.fiscal_year = 2017 AND c.code = 'C-L1'`);
    await cli(['user', 'add', '--email', FRIEND.email, '--role', 'trainee', '--family-name', '友人', '--given-name', '次郎',
               '--password-stdin'], { input: `${FRIEND.password}\n` });
    await sql(`INSERT INTO enrollments (course_id, user_id, status, created_at, enrolled_at, updated_at) ` +
              `SELECT c.id, u.id, 'enrolled', 0, 0, 0 FROM courses c, users u ` +
              `WHERE c.fiscal_year = 2017 AND c.code = 'C-L1' AND u.email = '${FRIEND.email}'`);
    state.session = Number(await sql(`SELECT id FROM course_sessions WHERE position = 9 AND starts_at = '00:00' ` +
                                     `AND day = '${day}'`));
    assert.ok(state.session > 0, 'the all-day session was not made');
  }

  // The code the instructor's screen shows now, read as a second browser of the instructor would
  // (the phone scenarios cannot wait: a code is taken for 20 to 40 seconds).
  async function freshCode() {
    const { email, password } = account('instructor:1');
    const jar = new Map();
    const call = async (path, init = {}) => {
      const res = await fetch(`${origin()}${path}`, {
        ...init, redirect: 'manual',
        headers: { ...(init.headers || {}), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const at = pair.indexOf('=');
        jar.set(pair.slice(0, at), pair.slice(at + 1));
      }
      return res;
    };
    const login = await (await call('/login')).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(login)?.[1];
    const form = new URLSearchParams({ _csrf: csrf, email, password });
    const done = await call('/login', { method: 'POST', body: form,
                                        headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(done.status, 303, 'the instructor could not log in');
    const page = await (await call(`/sessions/${state.session}/attendance`)).text();
    const code = /id="checkin-code">(\d{6})</.exec(page)?.[1];
    assert.ok(code, 'the roll call shows no code');
    return code;
  }

  scenario('att-1. the instructor opens the session on a desktop and reads the check-in code', 'desktop', async (page) => {
    await setUp();
    await logIn(page, account('instructor:1'));
    const code = await shownCode(page);
    await page.locator('.checkin-code__qr svg').waitFor();
    await shot(page, 'attendance-instructor-code');
  });

  scenario('att-2. the trainee scans the code on a phone, logs in and is checked in', 'phone', async (page) => {
    assert.ok(state.session, 'att-1 did not run');
    const trainee = account('trainee');
    await page.context().clearCookies();
    // The QR code's address before logging in: the login keeps it, code included.
    await page.goto(`${origin()}/checkin?session=${state.session}&code=000000`);
    await h1(page, 'ログイン').waitFor();
    await page.getByLabel('メールアドレス').fill(trainee.email);
    await page.getByLabel('パスワード').fill(trainee.password);
    await mainOf(page).getByRole('button', { name: 'ログイン' }).tap();
    await h1(page, '出席登録').waitFor();
    assert.equal(await page.getByLabel('出席コード(6桁)').inputValue(), '000000', 'the scanned code survives the login');
    await page.getByLabel('出席コード(6桁)').fill(await freshCode());
    await mainOf(page).getByRole('button', { name: '出席する' }).tap();
    await page.locator('#checkin-result').getByText('出席を記録しました', { exact: false }).waitFor();
    await shot(page, 'attendance-phone-checked-in');
  });

  scenario('att-3. a second trainee on the first trainee\'s phone is flagged, and the roll call shows both', 'phone', async (page) => {
    assert.ok(state.session, 'att-1 did not run');
    // Logging out keeps the phone's device cookie, as a real phone would.
    await page.goto(`${origin()}/`);
    await header(page).getByRole('button', { name: 'ログアウト' }).tap();
    await h1(page, 'ログイン').waitFor();
    await page.getByLabel('メールアドレス').fill(FRIEND.email);
    await page.getByLabel('パスワード').fill(FRIEND.password);
    await mainOf(page).getByRole('button', { name: 'ログイン' }).tap();
    await h1(page, 'ダッシュボード').waitFor();
    await page.goto(`${origin()}/checkin?session=${state.session}`);
    await page.getByLabel('出席コード(6桁)').fill(await freshCode());
    await mainOf(page).getByRole('button', { name: '出席する' }).tap();
    await page.locator('#checkin-result').getByText('事務局が確認します', { exact: false }).waitFor();
    await shot(page, 'attendance-phone-flagged');
  });

  scenario('att-4. the instructor\'s roll call lists both as flagged', 'desktop', async (page) => {
    assert.ok(state.session, 'att-1 did not run');
    await page.goto(rollCall());
    await h1(page, '出欠').waitFor();
    const counts = await page.locator('#rollcall-counts').textContent();
    assert.match(counts, /要確認 2/);
    const flagged = page.locator('#rollcall tbody tr.row--flagged');
    assert.equal(await flagged.count(), 2);
    for (const name of ['受講 未来', '友人 次郎'])
      await flagged.filter({ hasText: name }).getByText('同じ端末で複数人').waitFor();
    await shot(page, 'attendance-roll-call');
  });

  return state;
}
