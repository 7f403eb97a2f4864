// The console's booking link page: the copy buttons (hidden without this script, where the
// address stays selectable text). Nothing else runs here.
"use strict";
(function () {
  var data = JSON.parse(document.getElementById("link-data").textContent);
  var status = document.getElementById("copied");
  function copied() {
    status.textContent = "";
    window.setTimeout(function () { status.textContent = data.copied; }, 50);
  }
  document.querySelectorAll("button.copy[data-copy]").forEach(function (button) {
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = field.value;
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(copied, function () {
          field.select();
        });
      } else {
        field.select();
        try {
          if (document.execCommand("copy")) { copied(); }
        } catch (e) { /* left selected: the person copies it */ }
      }
    });
  });
})();
