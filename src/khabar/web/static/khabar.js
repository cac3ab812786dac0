/* khabar: small shared helpers (no libraries, no network). */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var K = {};
  K.data = function (id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  };
  K.svg = function (tag, attrs, parent) {
    var el = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(el);
    return el;
  };
  K.el = function (tag, attrs, text) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (text !== undefined) el.textContent = text;
    return el;
  };
  K.colour = function (plover, cls) {
    var c = plover.classes[cls];
    return c ? c.colour : plover.other.colour;
  };
  K.label = function (plover, cls) {
    var c = plover.classes[cls];
    return c ? c.label : plover.other.label;
  };
  var tip = null;
  /* A tooltip built from [[text, colour|null, bold?], ...] lines (text only: no HTML). */
  K.showTip = function (evt, lines) {
    if (!tip) { tip = K.el("div", { "class": "tip", role: "tooltip" }); document.body.appendChild(tip); }
    tip.textContent = "";
    lines.forEach(function (line) {
      var row = K.el("div");
      if (line[1]) { var sw = K.el("span", { "class": "sw" }); sw.style.background = line[1]; row.appendChild(sw); }
      row.appendChild(line[2] ? K.el("b", {}, line[0]) : document.createTextNode(line[0]));
      tip.appendChild(row);
    });
    tip.style.display = "block";
    var x = evt.clientX + 14, y = evt.clientY + 14;
    var r = tip.getBoundingClientRect();
    if (x + r.width > window.innerWidth - 8) x = evt.clientX - r.width - 14;
    if (y + r.height > window.innerHeight - 8) y = evt.clientY - r.height - 14;
    tip.style.left = x + "px"; tip.style.top = y + "px";
  };
  K.hideTip = function () { if (tip) tip.style.display = "none"; };
  K.query = function (changes) {
    var params = new URLSearchParams(window.location.search);
    Object.keys(changes).forEach(function (k) {
      if (changes[k] === null || changes[k] === "") params.delete(k); else params.set(k, changes[k]);
    });
    params.delete("offset");
    var s = params.toString();
    return window.location.pathname + (s ? "?" + s : "");
  };
  window.K = K;

  /* Document page: layer toggles, and a click on an event sentence focuses its events. */
  function documentPage() {
    var text = document.getElementById("doc-text");
    if (!text) return;
    document.querySelectorAll(".layer-toggles input[data-layer]").forEach(function (box) {
      box.addEventListener("change", function () {
        text.classList.toggle("show-" + box.getAttribute("data-layer"), box.checked);
      });
    });
    function focus(ids, sentence) {
      document.querySelectorAll(".doc-events li.focus, .doc-text .ev.focus").forEach(function (el) { el.classList.remove("focus"); });
      if (sentence) sentence.classList.add("focus");
      var first = null;
      ids.forEach(function (id) {
        var li = document.querySelector('.doc-events li[data-event="' + id + '"]');
        if (li) { li.classList.add("focus"); first = first || li; }
      });
      if (first) first.scrollIntoView({ block: "nearest" });
    }
    text.addEventListener("click", function (evt) {
      var ev = evt.target.closest(".ev");
      if (ev) focus((ev.getAttribute("data-events") || "").split(" "), ev);
    });
    var hash = window.location.hash.slice(1);
    if (hash) {
      var target = document.getElementById(hash);
      if (target && target.classList.contains("ev")) focus((target.getAttribute("data-events") || "").split(" "), target);
    }
  }
  document.addEventListener("DOMContentLoaded", documentPage);
})();
