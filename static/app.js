// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  // Take keyboard and screen-reader users straight to a form's error summary.
  const summary = document.getElementById("error-summary");
  if (summary) summary.focus();
});
