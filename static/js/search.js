// Search as you type, and facet, tab and page clicks without a reload.
// The page works the same without this file: every link and the form are
// ordinary GET requests; this only fetches the results part of the page.
//
// History: typing replaces the current entry (Back does not step through
// every pause); a submitted search, a tab, facet or page click adds one.
// Screen readers hear a short count from a small live region, not the
// whole results list.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var results = document.getElementById("search-results");
  var live = document.getElementById("search-live");
  if (!form || !results || !window.fetch || !window.history) return;
  var input = form.querySelector('input[name="q"]');
  var timer = null;
  var pending = null;
  // typedOnTop: the current history entry was made by typing, so the next
  // submit turns it into a real entry instead of adding a second one.
  var typedOnTop = false;

  function announce() {
    if (!live) return;
    var count = results.querySelector("[data-live-count]");
    live.textContent = count ? count.getAttribute("data-live-count") : "";
  }

  // mode: "replace" while typing, "push" for a new search, "none" on Back.
  function load(url, mode) {
    if (pending) pending.abort();
    pending = new AbortController();
    var partial = url + (url.indexOf("?") >= 0 ? "&" : "?") + "partial=1";
    results.setAttribute("aria-busy", "true");
    fetch(partial, { signal: pending.signal, headers: { "Accept": "text/html" } })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); })
      .then(function (html) {
        results.innerHTML = html;
        results.removeAttribute("aria-busy");
        if (mode === "replace") {
          history.replaceState({ url: url }, "", url);
          typedOnTop = true;
        } else if (mode === "push") {
          if (typedOnTop) history.replaceState({ url: url }, "", url);
          else if (url !== window.location.pathname + window.location.search) history.pushState({ url: url }, "", url);
          typedOnTop = false;
        }
        announce();
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
      var v = input.value.trim();
      if (v.length === 0 || v.length >= 2) {
        if (!typedOnTop) {
          // Keep the search the visitor came from as its own entry.
          history.pushState({ url: formURL() }, "", window.location.href);
        }
        load(formURL(), "replace");
      }
    }, 250);
  });
  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    clearTimeout(timer);
    load(formURL(), "push");
  });
  results.addEventListener("click", function (ev) {
    var a = ev.target.closest("a");
    if (!a || ev.ctrlKey || ev.metaKey || ev.shiftKey) return;
    var url = new URL(a.href, window.location.href);
    if (url.origin !== window.location.origin || url.pathname !== new URL(form.action, window.location.href).pathname) return; // /tim-kiem or /en/search
    ev.preventDefault();
    typedOnTop = false;
    load(url.pathname + url.search, "push");
    window.scrollTo({ top: results.offsetTop - 8 });
  });
  window.addEventListener("popstate", function () {
    typedOnTop = false;
    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    load(window.location.pathname + window.location.search, "none");
  });
})();
