// Progressive enhancement of the check form: a character counter, checking without a page
// reload, ignoring advice and applying proposals in place. Without JavaScript the form posts
// as a normal HTML form: the ignore checkboxes and apply buttons belong to it (form="...").
(function () {
  "use strict";
  var form = document.getElementById("check-form");
  if (!form || !window.fetch || !window.FormData) { return; }
  var textarea = document.getElementById("tekst");
  var fileInput = document.getElementById("bestand");
  var counter = document.getElementById("tekst-teller");
  var button = document.getElementById("controleer");
  var result = document.getElementById("resultaat");
  var maxChars = parseInt(form.getAttribute("data-max-chars"), 10) || 0;
  var nl = new Intl.NumberFormat("nl-NL");
  var busy = false;

  function updateCounter() {
    var n = textarea.value.length;
    counter.textContent = nl.format(n) + " van " + nl.format(maxChars) + " tekens";
    counter.classList.toggle("over", maxChars > 0 && n > maxChars);
  }
  textarea.addEventListener("input", updateCounter);
  updateCounter();

  function send(submitter, focusResult) {
    if (busy) { return; }
    busy = true;
    var label = button.textContent;
    button.disabled = true;
    button.textContent = "Bezig met controleren…";
    result.setAttribute("aria-busy", "true");
    var data = new FormData(form);
    if (submitter && submitter.name) { data.append(submitter.name, submitter.value); }
    // the boxes outside the form element (form="check-form") are in FormData already
    fetch(form.getAttribute("action"), {
      method: "POST",
      body: data,
      headers: { "X-Requested-With": "fetch" },
      credentials: "same-origin"
    }).then(function (response) {
      return response.text();
    }).then(function (html) {
      // The server escapes all user text; this HTML is the same as the no-JS page's.
      result.innerHTML = html;
      var checked = document.getElementById("gecontroleerde-tekst");
      if (checked) {
        textarea.value = checked.getAttribute("data-text");
        updateCounter();
        if (fileInput) { fileInput.value = ""; }  // from now on the text is what we check
      }
      if (focusResult) {
        result.focus({ preventScroll: true });
        result.scrollIntoView({ block: "start" });
      }
    }).catch(function () {
      form.submit();
    }).finally(function () {
      busy = false;
      button.disabled = false;
      button.textContent = label;
      result.removeAttribute("aria-busy");
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var submitter = event.submitter || null;
    var isApply = submitter && submitter.name === "apply";
    var isMain = !submitter || submitter === button;
    send(submitter, isMain || isApply ? isMain : false);
    if (isApply) {
      var note = document.getElementById("resultaat-titel");
      if (note) { note.focus && note.focus(); }
    }
  });
  // Ignoring a piece of advice re-checks at once: the verdict updates without a button.
  result.addEventListener("change", function (event) {
    var target = event.target;
    if (target && target.name === "ignore") { send(null, false); }
  });
})();
