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

  // a refused request (expired form, server error) is not swapped in (htmx 2): say so in words
  document.addEventListener("htmx:responseError", function (ev) {
    var target = ev.detail.target || document.getElementById("result");
    var box = document.createElement("div");
    box.className = "errors";
    box.setAttribute("role", "alert");
    box.tabIndex = -1;
    var status = ev.detail.xhr ? ev.detail.xhr.status : 0;
    box.textContent = status === 403
      ? "送信できませんでした。フォームの有効期限が切れた可能性があります。ページを読み込み直してから、もう一度送信してください（入力した文章はそのまま残っています）。"
      : "送信できませんでした（" + status + "）。時間をおいて、もう一度送信してください（入力した文章はそのまま残っています）。";
    target.replaceChildren(box);
    box.focus();
  });
  document.addEventListener("htmx:sendError", function (ev) {
    var target = ev.detail.target || document.getElementById("result");
    var box = document.createElement("div");
    box.className = "errors";
    box.setAttribute("role", "alert");
    box.textContent = "サーバーに接続できませんでした。入力した文章はそのまま残っています。";
    target.replaceChildren(box);
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
