// New assessment (issue 32): the name fields' labels follow the choice of working language, and
// a new country's short name in every language is suggested from CLDR once its ISO code is
// typed. A suggestion fills only an empty field (or one still holding the last suggestion), so
// a name the consultant typed is never overwritten.
(function () {
  "use strict";

  function json(id) {
    var element = document.getElementById(id);
    return element ? JSON.parse(element.textContent) : null;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var names = json("country-names");
    var labels = json("name-labels");
    var code = document.getElementById("id_code");
    var language = document.getElementById("id_language");
    if (!names || !labels || !code || !language) {
      return;
    }
    var suggested = {};

    function suggest() {
      var found = names[code.value.trim().toUpperCase()] || {};
      Object.keys(labels).forEach(function (key) {
        var input = document.getElementById("id_" + key);
        if (key.indexOf("short_name_") !== 0 || !input) {
          return;
        }
        if (input.value === "" || input.value === suggested[key]) {
          input.value = found[key.slice("short_name_".length)] || "";
          suggested[key] = input.value;
        }
      });
    }

    function relabel() {
      Object.keys(labels).forEach(function (key) {
        var label = document.querySelector('label[for="id_' + key + '"]');
        var lang = key.slice(key.lastIndexOf("_") + 1);
        if (label) {
          label.textContent = labels[key][lang === language.value ? "working" : "other"];
        }
      });
    }

    code.addEventListener("input", suggest);
    language.addEventListener("change", relabel);
  });
})();
