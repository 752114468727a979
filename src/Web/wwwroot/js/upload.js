// Progressive upload: drag and drop, upload progress, and the reason shown in place when refused.
// Without JavaScript the form posts normally and the server answers with a page.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  const form = document.querySelector("[data-upload-form]");
  if (!form) return;
  const input = form.querySelector("[data-upload-input]");
  const zone = form.querySelector("[data-dropzone]");
  const progress = form.querySelector("[data-upload-progress]");
  const bar = form.querySelector("[data-upload-bar]");
  const name = form.querySelector("[data-upload-name]");
  const error = form.querySelector("[data-upload-error]");
  const token = form.querySelector("input[name='__RequestVerificationToken']");

  function showError(message) {
    progress.hidden = true;
    error.textContent = message;
    error.hidden = false;
    input.value = "";
  }

  function upload(file) {
    error.hidden = true;
    name.textContent = file.name;
    bar.value = 0;
    progress.hidden = false;

    const data = new FormData();
    data.append("file", file, file.name);
    const request = new XMLHttpRequest();
    request.open("POST", form.action);
    request.setRequestHeader("Accept", "application/json");
    if (token) request.setRequestHeader("RequestVerificationToken", token.value);
    request.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) bar.value = Math.round((e.loaded / e.total) * 100);
    });
    request.addEventListener("load", function () {
      let body = null;
      try { body = JSON.parse(request.responseText); } catch (_) { /* not JSON: use the status below */ }
      if (request.status >= 200 && request.status < 300 && body && body.location) {
        window.location.assign(body.location);
        return;
      }
      const message = (body && (body.error || body.detail)) ||
        (request.status === 413 ? "The file is too large." : "The upload failed (HTTP " + request.status + ").");
      showError(message);
    });
    request.addEventListener("error", function () {
      showError("The upload was interrupted. Check your connection and try again.");
    });
    request.send(data);
  }

  input.addEventListener("change", function () {
    if (input.files && input.files.length > 0) upload(input.files[0]);
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    if (input.files && input.files.length > 0) upload(input.files[0]);
  });

  ["dragenter", "dragover"].forEach(function (type) {
    zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.add("is-dragging"); });
  });
  ["dragleave", "dragend", "drop"].forEach(function (type) {
    zone.addEventListener(type, function () { zone.classList.remove("is-dragging"); });
  });
  zone.addEventListener("drop", function (e) {
    e.preventDefault();
    const files = e.dataTransfer && e.dataTransfer.files;
    if (files && files.length > 0) upload(files[0]);
  });
  // Dropping a file anywhere else on the page would navigate away from it; route it to the form instead.
  window.addEventListener("dragover", function (e) { e.preventDefault(); });
  window.addEventListener("drop", function (e) {
    e.preventDefault();
    const files = e.dataTransfer && e.dataTransfer.files;
    if (files && files.length > 0) upload(files[0]);
  });
})();
