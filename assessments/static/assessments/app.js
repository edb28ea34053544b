// Progressive enhancement only: every form also works as a plain post.
(function () {
  "use strict";
  let dirty = false;
  let edits = 0;     // bumped on every change to the answer form
  let sentAt = 0;    // the value of `edits` when the last save was sent

  function responseForm() { return document.getElementById("response-form"); }
  function status() { return document.getElementById("save-status"); }

  function markDirty() {
    dirty = true;
    edits += 1;
    const el = status();
    if (el && el.dataset.unsaved) el.innerHTML = '<span class="text-muted">' + el.dataset.unsaved + "</span>";
  }

  document.addEventListener("input", function (event) {
    if (event.target.form && event.target.form === responseForm()) markDirty();
  });

  document.addEventListener("change", function (event) {
    if (event.target.name === "option" && event.target.form === responseForm()) markDirty();
  });

  // "Use the suggested sentence" puts the chosen answer's drafted sentence in the finding,
  // for the person to edit and save; without JavaScript the server redisplays the form with it.
  document.addEventListener("click", function (event) {
    const button = event.target.closest("[data-suggest]");
    if (!button) return;
    const chosen = document.querySelector("#response-form input[name=option]:checked");
    const finding = document.getElementById("id_finding");
    if (!chosen || !chosen.dataset.statement || !finding) return;
    event.preventDefault();
    finding.value = chosen.dataset.statement;
    finding.focus();
    markDirty();
  });

  // Another form on the page (evidence) would navigate away: save the finding first.
  document.addEventListener("submit", function (event) {
    const form = event.target, main = responseForm();
    if (form === main) { dirty = false; return; }
    if (!dirty || !main || !main.hasAttribute("data-autosave") || !window.htmx) return;
    event.preventDefault();
    const values = htmx.values(main);
    values.autosave = "1";
    htmx.ajax("POST", main.getAttribute("hx-post"), {
      source: main, target: "#save-status", swap: "innerHTML", values: values,
    }).then(function () {
      if (!dirty) form.submit();
    });
  });

  document.addEventListener("htmx:beforeRequest", function (event) {
    if (event.detail.elt === responseForm()) sentAt = edits;
  });

  // A save only clears the flag if nothing was typed after it was sent.
  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.target.id !== "save-status" || !event.target.querySelector("[data-saved]")) return;
    if (edits === sentAt) dirty = false;
    else markDirty();
  });
  document.addEventListener("htmx:sendError", function () {
    const el = status();
    if (el) el.innerHTML = '<span class="text-danger">' + el.dataset.offline + "</span>";
  });

  // The session ended (SessionTimeoutMiddleware): keep the text, say how to save it.
  document.body.addEventListener("signed-out", function () {
    const el = status();
    if (!el || !el.dataset.signedOut) return;
    el.textContent = el.dataset.signedOut + " ";
    const link = document.createElement("a");
    link.href = el.dataset.signInUrl;
    link.target = "_blank";
    link.rel = "noopener";
    link.textContent = el.dataset.signInLabel || "→";
    el.appendChild(link);
    dirty = true;
  });

  window.addEventListener("beforeunload", function (event) {
    if (dirty) { event.preventDefault(); event.returnValue = ""; }
  });

  // Searchable picker: filter a <select>'s options as the user types.
  document.addEventListener("input", function (event) {
    const id = event.target.dataset && event.target.dataset.filterSelect;
    if (!id) return;
    const select = document.getElementById(id);
    const needle = event.target.value.toLowerCase();
    let first = null;
    for (const option of select.options) {
      const match = !option.value || option.text.toLowerCase().includes(needle);
      option.hidden = !match;
      if (match && option.value && !first) first = option;
    }
    if (first && needle) select.value = first.value;
  });
})();

// Progress bars take their width from data-percent: a style attribute would need 'unsafe-inline'.
(function () {
  "use strict";
  function sizeBars(root) {
    root.querySelectorAll(".progress-bar[data-percent]").forEach(function (bar) {
      bar.style.width = Math.max(0, Math.min(100, Number(bar.dataset.percent) || 0)) + "%";
    });
  }
  document.addEventListener("DOMContentLoaded", function () { sizeBars(document); });
  document.addEventListener("htmx:afterSettle", function (event) { sizeBars(event.target); });
})();

// A page that comes back with errors takes the reader straight to their summary.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  const summary = document.getElementById("error-summary");
  if (summary) summary.focus();
});
