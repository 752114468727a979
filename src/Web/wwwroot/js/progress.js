// Live progress on the track page: server-sent events, or polling where EventSource is missing.
// When the track finishes, the page reloads and the server renders the result.
(function () {
  "use strict";
  const section = document.querySelector("[data-track-progress]");
  if (!section) return;
  const url = section.getAttribute("data-events-url");
  const bar = section.querySelector("[data-progress-bar]");
  const status = section.querySelector("[data-progress-status]");
  const percent = section.querySelector("[data-progress-percent]");

  function show(track) {
    bar.value = track.progress;
    status.textContent = track.status;
    percent.textContent = track.progress + "%";
    if (track.status === "Completed" || track.status === "Failed") {
      window.location.reload();
      return true;
    }
    return false;
  }

  if (window.EventSource) {
    const source = new EventSource(url);
    source.addEventListener("track", function (e) {
      if (show(JSON.parse(e.data))) source.close();
    });
    return;
  }

  const self = url.replace(/\/events$/, "");
  (function poll() {
    fetch(self, { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (track) { if (!show(track)) setTimeout(poll, 1000); })
      .catch(function () { setTimeout(poll, 3000); });
  })();
})();
