// Progressive enhancement of the check form: a character counter and checking without a
// page reload. Without JavaScript the form posts as a normal HTML form.
(function () {
  "use strict";
  var form = document.getElementById("check-form");
  if (!form || !window.fetch || !window.FormData) { return; }
  var textarea = document.getElementById("tekst");
  var counter = document.getElementById("tekst-teller");
  var button = document.getElementById("controleer");
  var result = document.getElementById("resultaat");
  var maxChars = parseInt(form.getAttribute("data-max-chars"), 10) || 0;
  var nl = new Intl.NumberFormat("nl-NL");

  function updateCounter() {
    var n = textarea.value.length;
    counter.textContent = nl.format(n) + " van " + nl.format(maxChars) + " tekens";
    counter.classList.toggle("over", maxChars > 0 && n > maxChars);
  }
  textarea.addEventListener("input", updateCounter);
  updateCounter();

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var label = button.textContent;
    button.disabled = true;
    button.textContent = "Bezig met controleren…";
    result.setAttribute("aria-busy", "true");
    fetch(form.getAttribute("action"), {
      method: "POST",
      body: new FormData(form),
      headers: { "X-Requested-With": "fetch" },
      credentials: "same-origin"
    }).then(function (response) {
      return response.text();
    }).then(function (html) {
      // The server escapes all user text; this HTML is the same as the no-JS page's.
      result.innerHTML = html;
      result.focus({ preventScroll: true });
      result.scrollIntoView({ block: "start" });
    }).catch(function () {
      form.submit();
    }).finally(function () {
      button.disabled = false;
      button.textContent = label;
      result.removeAttribute("aria-busy");
    });
  });
})();
