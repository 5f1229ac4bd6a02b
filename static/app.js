// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  // Take keyboard and screen-reader users straight to a form's error summary.
  const summary = document.getElementById("error-summary");
  if (summary) summary.focus();

  // A trainee's lecture recording: report each stretch played without a jump (a seek starts a new
  // one), every 10 seconds and when playback pauses or ends. The server decides what counts.
  const video = document.querySelector("video[data-progress]");
  if (video) {
    const url = video.dataset.progress;
    const csrf = video.dataset.csrf;
    const shown = document.getElementById("watched-percent");
    let from = null; // where the current stretch began (ms), null while paused or seeking
    let last = 0; // the last position reached by playing (ms)
    let started = false;
    const now = () => Math.floor(video.currentTime * 1000);
    const post = (fields) =>
      fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ _csrf: csrf, ...fields }),
      }).then((r) => (r.ok ? r.json() : null)).catch(() => null);
    const report = () => {
      if (from === null || last <= from) return;
      post({ event: "beat", from: String(from), to: String(last) }).then((j) => {
        if (j && shown && typeof j.percent === "number") shown.textContent = String(j.percent);
      });
      from = last;
    };
    video.addEventListener("timeupdate", () => {
      if (!video.seeking && from !== null) last = now();
    });
    video.addEventListener("play", () => {
      if (!started) {
        started = true;
        post({ event: "play" });
      }
      last = from = now();
    });
    video.addEventListener("seeking", () => {
      report(); // up to where playing reached, not where the seek lands
      from = null;
    });
    video.addEventListener("seeked", () => {
      if (!video.paused) last = from = now();
    });
    const stop = () => {
      report();
      from = null;
    };
    video.addEventListener("pause", stop);
    video.addEventListener("ended", stop);
    setInterval(() => {
      if (!video.paused) report();
    }, 10000);
  }
});
