/* Timeline: stacked bars of events per period, coloured by PLOVER class (SVG, by hand). */
(function () {
  "use strict";
  var K = window.K;
  var ORDER = ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict", "other"];
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function next(key, zoom) {
    if (zoom === "year") return String(+key + 1);
    if (zoom === "month") {
      var y = +key.slice(0, 4), m = +key.slice(5, 7) + 1;
      if (m > 12) { m = 1; y += 1; }
      return y + "-" + pad(m);
    }
    var d = new Date(Date.UTC(+key.slice(0, 4), +key.slice(5, 7) - 1, +key.slice(8, 10) + 1));
    return d.getUTCFullYear() + "-" + pad(d.getUTCMonth() + 1) + "-" + pad(d.getUTCDate());
  }
  /* Every period between the first and the last (gaps show as gaps), when not too many. */
  var range = {};
  function widen(date, n, end) {
    if (date.length >= n) return date.slice(0, n);
    if (n === 7) return date.slice(0, 4) + (end ? "-12" : "-01");
    var y = +date.slice(0, 4), m = date.length >= 7 ? +date.slice(5, 7) : (end ? 12 : 1);
    var d = end ? new Date(Date.UTC(y, m, 0)).getUTCDate() : 1;
    return y + "-" + pad(m) + "-" + pad(d);
  }
  function periods(buckets, zoom) {
    if (!buckets.length) return [];
    var byKey = {};
    buckets.forEach(function (b) { byKey[b.key] = b; });
    var out = [], key = buckets[0].key, last = buckets[buckets.length - 1].key, guard = 0;
    /* A date filter at least as coarse as the zoom widens the axis to the whole range. */
    var n = zoom === "year" ? 4 : zoom === "month" ? 7 : 10;
    if (range.since && range.since.length <= n) { var s0 = widen(range.since, n, false); if (s0 < key) key = s0; }
    if (range.until && range.until.length <= n) { var s1 = widen(range.until, n, true); if (s1 > last) last = s1; }
    while (key <= last && guard < 1500) { out.push(byKey[key] || { key: key, total: 0, by_class: {}, by_type: {} }); key = next(key, zoom); guard++; }
    return guard >= 1500 ? buckets : out;
  }
  function label(key, zoom) {
    if (zoom === "year") return key;
    if (zoom === "month") return MONTHS[+key.slice(5, 7) - 1] + " " + key.slice(0, 4);
    return key.slice(8, 10) + " " + MONTHS[+key.slice(5, 7) - 1] + " " + key.slice(0, 4);
  }
  function zoomIn(key, zoom) {
    if (zoom === "year") return { since: key, until: key, zoom: "month" };
    if (zoom === "month") return { since: key, until: key, zoom: "day" };
    return { since: key, until: key, zoom: "day" };
  }

  function draw() {
    var host = document.getElementById("timeline");
    var data = K.data("timeline-data");
    if (!host || !data) return;
    var tl = data.timeline, plover = data.plover, zoom = tl.zoom;
    range = data.range || {};
    var rows = periods(tl.buckets, zoom);
    host.textContent = "";
    if (!rows.length) {
      host.appendChild(K.el("p", { "class": "empty" }, "No dated events to draw for these filters."));
      return;
    }
    var W = Math.max(host.clientWidth || 900, 600), H = 320;
    var m = { l: 44, r: 12, t: 12, b: 46 };
    var iw = W - m.l - m.r, ih = H - m.t - m.b;
    var max = 1;
    rows.forEach(function (b) { if (b.total > max) max = b.total; });
    var svg = K.svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "events per " + zoom });
    host.appendChild(svg);
    var step = iw / rows.length, bw = Math.max(1, Math.min(48, step * 0.78));
    var ticks = niceTicks(max);
    var grid = K.svg("g", { "class": "grid" }, svg), axis = K.svg("g", { "class": "axis" }, svg);
    ticks.forEach(function (t) {
      var y = m.t + ih - (t / ticks[ticks.length - 1]) * ih;
      K.svg("line", { x1: m.l, x2: W - m.r, y1: y, y2: y }, grid);
      var tx = K.svg("text", { x: m.l - 6, y: y + 4, "text-anchor": "end" }, axis);
      tx.textContent = t;
    });
    var top = ticks[ticks.length - 1];
    K.svg("line", { x1: m.l, x2: W - m.r, y1: m.t + ih, y2: m.t + ih }, axis);
    var every = Math.max(1, Math.ceil(rows.length / Math.max(1, Math.floor(iw / 70))));
    var bars = K.svg("g", { "class": "bars" }, svg);
    rows.forEach(function (b, i) {
      var x = m.l + i * step + (step - bw) / 2, y = m.t + ih;
      ORDER.forEach(function (cls) {
        var n = b.by_class[cls] || 0;
        if (!n) return;
        var h = (n / top) * ih;
        y -= h;
        var r = K.svg("rect", { x: x.toFixed(2), y: y.toFixed(2), width: bw.toFixed(2), height: Math.max(h, 0.5).toFixed(2),
          fill: K.colour(plover, cls), "class": "bar", "data-key": b.key, "data-class": cls }, bars);
        r.addEventListener("mousemove", function (evt) { tipFor(evt, b); });
        r.addEventListener("mouseleave", K.hideTip);
        r.addEventListener("click", function () { window.location.href = K.query(zoomIn(b.key, zoom)); });
      });
      if (i % every === 0) {
        var lx = m.l + i * step + step / 2;
        K.svg("line", { x1: lx, x2: lx, y1: m.t + ih, y2: m.t + ih + 4 }, axis);
        var t = K.svg("text", { x: lx, y: m.t + ih + 17, "text-anchor": "middle" }, axis);
        t.textContent = label(b.key, zoom);
      }
    });
    var cap = K.svg("text", { x: m.l, y: H - 6, "class": "axis" }, svg);
    cap.textContent = "events per " + zoom + " (" + tl.total + " in all)";
    cap.setAttribute("fill", "#636b7a"); cap.setAttribute("font-size", "11");

    function tipFor(evt, b) {
      var lines = [[label(b.key, zoom) + ": " + b.total + " event" + (b.total === 1 ? "" : "s"), null, true]];
      ORDER.forEach(function (cls) {
        if (!b.by_class[cls]) return;
        var types = Object.keys(b.by_type).filter(function (t) { return (plover.class_of[t] || "other") === cls; })
          .map(function (t) { return t + " " + b.by_type[t]; }).join(", ");
        lines.push([K.label(plover, cls) + ": " + b.by_class[cls] + " (" + types + ")", K.colour(plover, cls)]);
      });
      lines.push([zoom === "day" ? "click to list that day" : "click to zoom in", null]);
      K.showTip(evt, lines);
    }
  }
  function niceTicks(max) {
    var raw = max / 4, mag = Math.pow(10, Math.floor(Math.log10(raw || 1)));
    var step = [1, 2, 5, 10].map(function (s) { return s * mag; }).find(function (s) { return s >= raw; }) || mag;
    step = Math.max(1, step);
    var out = [];
    for (var v = 0; v <= max + step - 1e-9; v += step) out.push(Math.round(v));
    if (out.length < 2) out.push(step);
    return out;
  }
  document.addEventListener("DOMContentLoaded", draw);
  var t = null;
  window.addEventListener("resize", function () { clearTimeout(t); t = setTimeout(draw, 150); });
})();
