// Browser acceptance of issue 11's recordings: the demo trainee opens the recording of the
// busiest course's last lecture (the demo's generated clip), plays it, and seeks in it; the
// browser fetches the video in ranges (206) and plays on from where it was sent.
import assert from 'node:assert/strict';

export function videoScenarios({ scenario, shot, h1, logIn, origin, account }) {
  scenario('rec-1. the trainee plays the lecture recording and seeks in it', 'second', async (page) => {
    await logIn(page, account('trainee'));
    await page.goto(`${origin()}/recordings`);
    await h1(page, '講義録画').waitFor();
    const statuses = [];
    page.on('response', (r) => {
      if (/\/recordings\/\d+\/video$/.test(new URL(r.url()).pathname)) statuses.push(r.status());
    });
    await page.locator('#recordings tbody tr a').first().click();
    const player = page.locator('video#player');
    await player.waitFor();
    await page.evaluate(async () => {
      const v = document.getElementById('player');
      v.muted = true;
      await v.play();
    });
    await page.waitForFunction(() => document.getElementById('player').currentTime > 1, null, { timeout: 15_000 });
    await page.evaluate(() => { document.getElementById('player').currentTime = 9; });
    await page.waitForFunction(() => {
      const v = document.getElementById('player');
      return !v.seeking && v.currentTime >= 9 && v.readyState >= 2;
    }, null, { timeout: 15_000 });
    const duration = await page.evaluate(() => document.getElementById('player').duration);
    assert.ok(Math.abs(duration - 12) < 0.5, `the clip lasts 12 s, the player says ${duration}`);
    assert.ok(statuses.includes(206), `the video was not fetched in ranges: ${statuses.join(', ')}`);
    await shot(page, 'recording-player');
  });
}
