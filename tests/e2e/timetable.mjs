// Browser acceptance of issue 5 (the timetable): the secretariat generates the FY2017 demo term's
// timetable and watches the progress bar, tries to move a session onto a day its instructor is
// away and is told why not, and publishes; the demo trainee then subscribes to their calendar,
// and the feed, read by python3-icalendar, holds exactly their sessions. Registered by run.mjs.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { flashIn, mainOf, stateGuard } from './harness.mjs';

const TERM = '2017年度 試行期間(12月〜2月)';
// C-L3's instructor, 田宮 元, is away at a conference on Wednesday 2018-01-24 (app/demo_timetable.cpp).
const AWAY = { course: 'ゲノム・ビッグデータ統計解析学', day: '2018-01-24', reason: '田宮 元先生は2018-01-24に都合がつきません（学会出張）' };

// The events of an iCalendar text as python3-icalendar reads them.
function parseIcs(text) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mdsc-ics-')), 'feed.ics');
  fs.writeFileSync(file, text);
  const script = [
    'import json, sys, icalendar',
    'cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())',
    'print(json.dumps({"name": str(cal.get("X-WR-CALNAME", "")), "events": [{',
    '  "uid": str(e["UID"]), "summary": str(e["SUMMARY"]), "start": e["DTSTART"].dt.isoformat(),',
    '  "end": e["DTEND"].dt.isoformat(), "tzid": e["DTSTART"].params.get("TZID", ""),',
    '  "location": str(e.get("LOCATION", "")), "url": str(e.get("URL", "")), "sequence": int(e.get("SEQUENCE", 0)),',
    '  "status": str(e.get("STATUS", ""))} for e in cal.walk("VEVENT")]}, ensure_ascii=False))',
  ].join('\n');
  try {
    return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' }));
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

export function timetableScenarios({ scenario, shot, h1, logIn, resumeSession, origin, account }) {
  const state = {};
  const url = (p) => `${origin()}${p}`;
  const main = mainOf;
  const flash = flashIn;
  const requireState = stateGuard(state);

  // The published timetable opens on the week of the server's day (the demo's, 2018-01-15), which
  // may hold none of the sessions this person sees: on to the next week until one does.
  async function weekWithSessions(page) {
    const sessions = page.locator('#week-grid').getByRole('link');
    for (let week = 0; week < 13 && await sessions.count() === 0; ++week) {
      const next = main(page).getByRole('link', { name: /次の週/ });
      const target = new URL(await next.getAttribute('href'), page.url()).href;
      await next.click();
      await page.waitForURL(target);
      await h1(page, '公開中の時間割').waitFor();
    }
    await sessions.first().waitFor();
  }

  scenario('20. the secretariat generates the FY2017 timetable and watches its progress', 'desktop', async (page) => {
    await resumeSession(page);
    await page.goto(url('/timetable/terms'));
    await main(page).getByRole('link', { name: TERM }).click();
    await h1(page, new RegExp(`^${TERM.replace(/[()]/g, '\\$&')}`)).waitFor();
    await page.getByLabel('計算時間(秒)').fill('4');
    await main(page).getByRole('button', { name: '時間割案を作成' }).click();
    await page.waitForURL(/\/timetable\/runs\/\d+$/);
    state.run = new URL(page.url()).pathname;
    // Running: a progress bar, and the page reloads itself until the run ends.
    await page.getByRole('progressbar', { name: '進み具合' }).waitFor();
    await shot(page, 'timetable-running');
    await page.locator('#run-status').getByText('完成しました', { exact: true }).waitFor({ timeout: 30_000 });
    await main(page).getByRole('link', { name: AWAY.course }).first().waitFor();
    assert.equal(await page.getByRole('progressbar').count(), 0, 'a finished run shows no progress bar');
    await shot(page, 'timetable-draft');
  });

  scenario('21. moving a session onto a day its instructor is away is refused with the reason', 'desktop', async (page, monitor) => {
    requireState('run', 20);
    await resumeSession(page);
    await page.goto(url(state.run));
    await main(page).getByRole('link', { name: AWAY.course }).first().click();
    await h1(page, AWAY.course).waitFor();
    const before = await page.locator('#session-current').textContent();
    await page.getByLabel('日付').fill(AWAY.day);
    const form = page.url();
    monitor.allowConsoleError((text, where) => where === form && /status of 409/.test(text));
    await main(page).getByRole('button', { name: '変更する' }).click();
    const alert = main(page).getByRole('alert');
    await alert.getByText('移動できません。理由：').waitFor();
    await alert.getByText(AWAY.reason).waitFor();
    assert.equal(await page.getByLabel('日付').inputValue(), AWAY.day, 'the form keeps the date typed');
    assert.equal(await page.locator('#session-current').textContent(), before, 'the session did not move');
    await shot(page, 'timetable-move-refused');
  });

  scenario('22. the secretariat publishes the draft', 'desktop', async (page) => {
    requireState('run', 20);
    await resumeSession(page);
    await page.goto(url(state.run));
    await main(page).getByRole('button', { name: 'この案を公開する' }).click();
    await h1(page, '公開中の時間割').waitFor();
    await flash(page, '時間割を公開しました。').waitFor();
    await weekWithSessions(page);
    state.published = true;
    await shot(page, 'timetable-published');
  });

  scenario('23. the trainee subscribes to their calendar on a phone; the feed holds their sessions', 'phone', async (page) => {
    requireState('published', 22);
    await logIn(page, account('trainee'));
    await page.goto(url('/timetable/my'));
    await h1(page, '公開中の時間割').waitFor();
    await weekWithSessions(page);

    await page.goto(url('/calendar'));
    await main(page).getByRole('button', { name: '自分の時間割を購読する' }).click();
    const feedUrl = await page.getByLabel('購読用 URL').inputValue();
    assert.match(feedUrl, /^https?:\/\/[^/]+\/ical\/[A-Za-z0-9_-]{20,}\.ics$/);
    await shot(page, 'calendar-subscribed');

    // What a calendar application gets from the URL (no cookies: the token is the credential).
    const response = await fetch(feedUrl.replace(/^https?:\/\/[^/]+/, origin()));
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /^text\/calendar/);
    const feed = parseIcs(await response.text());
    const mine = await (await page.request.get(url('/api/v1/sessions'))).json();
    assert.ok(mine.items.length > 0, 'the demo trainee has sessions');
    // The demo's term is under way, so scenario 22 published over an earlier timetable: a session it
    // cancelled stays in the feed marked CANCELLED (calendars must learn it is off), not in the list.
    const live = feed.events.filter((e) => e.status !== 'CANCELLED');
    assert.equal(live.length, mine.items.length, 'one event per session of the trainee\'s courses');
    const byUid = new Map(live.map((e) => [e.uid, e]));
    for (const s of mine.items) {
      const e = byUid.get(`session-${s.id}@mdsc`);
      assert.ok(e, `no event for session ${s.id}`);
      assert.equal(e.summary, s.course_title_ja);
      assert.equal(e.start, `${s.date}T${s.starts_at}:00+09:00`);
      assert.equal(e.tzid, 'Asia/Tokyo');
      assert.equal(e.location, s.room_name);
      assert.match(e.url, new RegExp(`/sessions/${s.id}$`));
    }
  });
}
