// legalcheck pages: progressive enhancement only (every page works without this file).
// No inline handlers anywhere (strict CSP): behaviour is attached here by delegation.
(function () {
  "use strict";

  function focusSpans(owner) {
    var view = document.getElementById("narrative-view");
    if (!view) return;
    view.querySelectorAll("mark.focused").forEach(function (m) { m.classList.remove("focused"); });
    var marks = Array.prototype.filter.call(view.querySelectorAll("mark[data-refs]"), function (m) {
      return m.getAttribute("data-refs").split(" ").indexOf(owner) >= 0;
    });
    marks.forEach(function (m) { m.classList.add("focused"); });
    view.setAttribute("data-focus", owner);
    if (marks.length) {
      marks[0].scrollIntoView({ block: "center", behavior: "smooth" });
    }
    var status = document.getElementById("busy");
    if (status) status.setAttribute("data-said", marks.length + "か所を強調しました");
  }

  document.addEventListener("click", function (ev) {
    var el = ev.target.closest("[data-focus]");
    if (el) {
      if (el.tagName === "BUTTON") ev.preventDefault();
      focusSpans(el.getAttribute("data-focus"));
      return;
    }
    // the JSON download is a real form submission (a file), not an htmx swap
    var btn = ev.target.closest("button[data-no-htmx]");
    if (btn && btn.form) {
      ev.preventDefault();
      var form = btn.form, action = form.getAttribute("action");
      form.setAttribute("action", btn.getAttribute("formaction"));
      HTMLFormElement.prototype.submit.call(form);
      form.setAttribute("action", action);
    }
  });

  // after htmx puts a result in, move focus to its heading so keyboard and screen-reader users follow
  document.addEventListener("htmx:afterSwap", function (ev) {
    var target = ev.detail.target;
    var heading = target.querySelector("#form-errors, #result-heading, #comparison-heading");
    if (heading) heading.focus();
  });

  // printing: open every collapsed section so the paper shows the reasons too
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (d) {
      d.setAttribute("open", ""); d.setAttribute("data-print-opened", "");
    });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("details[data-print-opened]").forEach(function (d) {
      d.removeAttribute("open"); d.removeAttribute("data-print-opened");
    });
  });
})();
