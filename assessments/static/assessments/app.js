// Progressive enhancement only: every form also works as a plain post.
(function () {
  "use strict";
  let dirty = false;

  document.addEventListener("input", function (event) {
    const form = event.target.form;
    if (form && !form.hasAttribute("data-no-dirty") && form.id === "response-form") dirty = true;
  });

  // Choosing an answer drafts the finding from its statement when the finding is empty.
  document.addEventListener("change", function (event) {
    const radio = event.target;
    if (radio.name !== "option" || !radio.dataset.statement) return;
    const finding = document.getElementById("id_finding");
    if (finding && !finding.value.trim()) {
      finding.value = radio.dataset.statement;
      dirty = true;
    }
  });

  document.addEventListener("submit", function () { dirty = false; });

  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.target.id === "save-status" && event.target.querySelector("[data-saved]")) dirty = false;
  });
  document.addEventListener("htmx:sendError", function () {
    const status = document.getElementById("save-status");
    if (status) status.innerHTML = '<span class="text-danger">' + status.dataset.offline + "</span>";
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
