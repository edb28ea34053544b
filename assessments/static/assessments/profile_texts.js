// "Use the draft" on the profile texts page: copies a domain's draft into its field for editing.
// Without JavaScript the same button posts the form, and the server fills the field instead.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    const button = event.target.closest("[data-use-draft]");
    if (!button) return;
    const field = document.getElementById(button.dataset.useDraft);
    if (!field) return;
    event.preventDefault();
    field.value = button.dataset.draft;
    field.dispatchEvent(new Event("input", { bubbles: true }));
    field.focus();
  });
})();
