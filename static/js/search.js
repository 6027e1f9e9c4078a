// Search as you type, and facet, tab and page clicks without a reload.
// The page works the same without this file: every link and the form are
// ordinary GET requests; this only fetches the results part of the page.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var results = document.getElementById("search-results");
  if (!form || !results || !window.fetch || !window.history) return;
  var input = form.querySelector('input[name="q"]');
  var timer = null;
  var pending = null;

  function load(url, push) {
    if (pending) pending.abort();
    pending = new AbortController();
    var partial = url + (url.indexOf("?") >= 0 ? "&" : "?") + "partial=1";
    results.setAttribute("aria-busy", "true");
    fetch(partial, { signal: pending.signal, headers: { "Accept": "text/html" } })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); })
      .then(function (html) {
        results.innerHTML = html;
        results.removeAttribute("aria-busy");
        if (push) history.pushState({ url: url }, "", url);
      })
      .catch(function (e) {
        if (e.name === "AbortError") return;
        results.removeAttribute("aria-busy");
        window.location.href = url; // let the server render it
      });
  }

  function formURL() {
    var params = new URLSearchParams(new FormData(form));
    return form.getAttribute("action") + "?" + params.toString();
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      if (input.value.trim().length === 0 || input.value.trim().length >= 2) load(formURL(), true);
    }, 250);
  });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    load(formURL(), true);
  });
  results.addEventListener("click", function (ev) {
    var a = ev.target.closest("a");
    if (!a || ev.ctrlKey || ev.metaKey || ev.shiftKey) return;
    var url = new URL(a.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname !== "/tim-kiem") return;
    ev.preventDefault();
    load(url.pathname + url.search, true);
    window.scrollTo({ top: results.offsetTop - 8 });
  });
  window.addEventListener("popstate", function () {
    load(window.location.pathname + window.location.search, false);
  });
})();
