/* Actor network: a force-directed layout computed here, drawn as SVG (no libraries). */
(function () {
  "use strict";
  var K = window.K;
  var FILL = { person: "#ffffff", org: "#d9d2f0", state: "#e3e7ee", named: "#f6f1e3" };

  /* Fruchterman-Reingold with gravity, in free space; then scaled to fit the drawing. */
  function layout(nodes, edges, W, H) {
    var n = nodes.length, index = {};
    nodes.forEach(function (d, i) {
      index[d.id] = i;
      var a = 2.399963 * i, r = 10 * Math.sqrt(i + 1);  /* a sunflower spiral: no overlaps */
      d.x = r * Math.cos(a); d.y = r * Math.sin(a);
    });
    var links = edges.map(function (e) { return { s: index[e.source], t: index[e.target], w: e.weight }; })
      .filter(function (l) { return l.s !== undefined && l.t !== undefined; });
    var k = 80, iters = 400, temp = 90;
    var dx = new Float64Array(n), dy = new Float64Array(n);
    for (var it = 0; it < iters; it++) {
      dx.fill(0); dy.fill(0);
      for (var i = 0; i < n; i++) {
        for (var j = i + 1; j < n; j++) {
          var x = nodes[i].x - nodes[j].x, y = nodes[i].y - nodes[j].y, d = Math.sqrt(x * x + y * y) || 0.01;
          var f = (k * k) / d;
          dx[i] += x / d * f; dy[i] += y / d * f; dx[j] -= x / d * f; dy[j] -= y / d * f;
        }
      }
      links.forEach(function (l) {
        var a = nodes[l.s], b = nodes[l.t], x = a.x - b.x, y = a.y - b.y, d = Math.sqrt(x * x + y * y) || 0.01;
        var f = (d * d) / k * (1 + Math.log(l.w) * 0.25);
        dx[l.s] -= x / d * f; dy[l.s] -= y / d * f; dx[l.t] += x / d * f; dy[l.t] += y / d * f;
      });
      var t = temp * (1 - it / iters) + 0.5;
      for (var m = 0; m < n; m++) {
        var p = nodes[m];
        dx[m] -= p.x * 0.6; dy[m] -= p.y * 0.6;  /* gravity keeps loose actors near */
        var len = Math.sqrt(dx[m] * dx[m] + dy[m] * dy[m]) || 1;
        p.x += dx[m] / len * Math.min(len, t); p.y += dy[m] / len * Math.min(len, t);
      }
    }
    var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    nodes.forEach(function (d) { x0 = Math.min(x0, d.x); x1 = Math.max(x1, d.x); y0 = Math.min(y0, d.y); y1 = Math.max(y1, d.y); });
    var padL = 40, padR = 150, padY = 34;
    var sx = (W - padL - padR) / Math.max(1, x1 - x0), sy = (H - 2 * padY) / Math.max(1, y1 - y0);
    nodes.forEach(function (d) {
      d.x = n === 1 ? W / 2 : padL + (d.x - x0) * sx;
      d.y = n === 1 ? H / 2 : padY + (d.y - y0) * sy;
    });
  }

  function draw() {
    var host = document.getElementById("network");
    var data = K.data("network-data");
    if (!host || !data) return;
    var net = data.network, plover = data.plover;
    host.textContent = "";
    if (!net.nodes.length) {
      host.appendChild(K.el("p", { "class": "empty" }, "No actor acts toward another for these filters."));
      return;
    }
    var W = Math.max(host.clientWidth || 900, 600), H = Math.max(520, Math.min(760, 260 + net.nodes.length * 8));
    layout(net.nodes, net.edges, W, H);
    var byId = {}; net.nodes.forEach(function (d) { byId[d.id] = d; });
    var maxW = 1, maxN = 1;
    net.edges.forEach(function (e) { maxW = Math.max(maxW, e.weight); });
    net.nodes.forEach(function (d) { maxN = Math.max(maxN, d.weight); });
    var svg = K.svg("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "actor network" });
    host.appendChild(svg);
    var defs = K.svg("defs", {}, svg);
    Object.keys(plover.classes).concat(["other"]).forEach(function (cls) {
      var mk = K.svg("marker", { id: "arrow-" + cls, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" }, defs);
      K.svg("path", { d: "M0,0 L10,5 L0,10 z", fill: K.colour(plover, cls) }, mk);
    });
    var gEdges = K.svg("g", { "class": "edges" }, svg), gNodes = K.svg("g", { "class": "nodes" }, svg);
    function radius(d) { return 5 + 17 * Math.sqrt(d.weight / maxN); }
    var pair = {};
    net.edges.forEach(function (e) { pair[e.source + "\u0000" + e.target] = true; });
    var edgeEls = net.edges.map(function (e) {
      var el = K.svg("path", { "class": "edge", stroke: K.colour(plover, e.plover_class),
        "stroke-width": (1 + 7 * Math.sqrt(e.weight / maxW)).toFixed(2), "marker-end": "url(#arrow-" + e.plover_class + ")",
        "data-source": e.source, "data-target": e.target }, gEdges);
      el.addEventListener("mousemove", function (evt) {
        var lines = [[byId[e.source].label + " → " + byId[e.target].label + ": " + e.weight + " event" + (e.weight === 1 ? "" : "s"), null, true]];
        Object.keys(e.by_type).sort(function (a, b) { return e.by_type[b] - e.by_type[a]; }).forEach(function (t) {
          lines.push([t + " " + e.by_type[t], K.colour(plover, plover.class_of[t] || "other")]);
        });
        K.showTip(evt, lines);
      });
      el.addEventListener("mouseleave", K.hideTip);
      return { e: e, el: el };
    });
    function route(item) {
      var a = byId[item.e.source], b = byId[item.e.target];
      var dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
      var bend = pair[item.e.target + "\u0000" + item.e.source] ? 0.18 : 0.06;
      var mx = (a.x + b.x) / 2 - dy * bend, my = (a.y + b.y) / 2 + dx * bend;
      var rb = radius(b) + 3, qx = b.x - mx, qy = b.y - my, qd = Math.sqrt(qx * qx + qy * qy) || 1;
      var ex = b.x - qx / qd * rb, ey = b.y - qy / qd * rb;
      item.el.setAttribute("d", "M" + a.x.toFixed(1) + "," + a.y.toFixed(1) + " Q" + mx.toFixed(1) + "," + my.toFixed(1) + " " + ex.toFixed(1) + "," + ey.toFixed(1));
    }
    edgeEls.forEach(route);
    var labelled = net.nodes.length <= 80 ? net.nodes.length : 60;
    var nodeEls = net.nodes.map(function (d, i) {
      var g = K.svg("g", { "class": "node", "data-id": d.id, transform: "translate(" + d.x + "," + d.y + ")" }, gNodes);
      var r = radius(d);
      if (d.kind === "org") K.svg("rect", { x: -r, y: -r, width: 2 * r, height: 2 * r, rx: 4, fill: FILL.org }, g);
      else K.svg("circle", { r: r, fill: FILL[d.kind] || FILL.named }, g);
      var t = K.svg("text", { x: r + 3, y: 4 }, g);
      t.textContent = i < labelled ? d.label : "";
      g.addEventListener("mousemove", function (evt) {
        if (dragging) return;
        K.showTip(evt, [[d.label + (d.country && d.kind !== "state" ? " (" + d.country + ")" : ""), null, true],
          [d.kind + " · " + d.out + " as source, " + d["in"] + " as target", null], ["click to list its events", null]]);
        highlight(d.id);
      });
      g.addEventListener("mouseleave", function () { K.hideTip(); highlight(null); });
      g.addEventListener("mousedown", function (evt) { start(evt, d, g); });
      return { d: d, g: g };
    });
    function highlight(id) {
      var near = {};
      if (id) { near[id] = true; net.edges.forEach(function (e) { if (e.source === id) near[e.target] = true; if (e.target === id) near[e.source] = true; }); }
      nodeEls.forEach(function (n) { n.g.classList.toggle("dim", !!id && !near[n.d.id]); });
      edgeEls.forEach(function (x) { x.el.classList.toggle("dim", !!id && x.e.source !== id && x.e.target !== id); });
    }
    var dragging = null, moved = false;
    function point(evt) {
      var p = svg.createSVGPoint(); p.x = evt.clientX; p.y = evt.clientY;
      return p.matrixTransform(svg.getScreenCTM().inverse());
    }
    function start(evt, d, g) { evt.preventDefault(); dragging = { d: d, g: g }; moved = false; K.hideTip(); }
    svg.addEventListener("mousemove", function (evt) {
      if (!dragging) return;
      var p = point(evt); moved = true;
      dragging.d.x = p.x; dragging.d.y = p.y;
      dragging.g.setAttribute("transform", "translate(" + p.x + "," + p.y + ")");
      edgeEls.forEach(function (x) { if (x.e.source === dragging.d.id || x.e.target === dragging.d.id) route(x); });
    });
    window.addEventListener("mouseup", function () {
      if (dragging && !moved) {
        var d = dragging.d;
        window.location.href = "/search?" + (d.kind === "state" ? "country=" : "actor=") + encodeURIComponent(d.kind === "state" ? (d.country || d.id) : (d.kb_id || d.id));
      }
      dragging = null;
    });
  }
  document.addEventListener("DOMContentLoaded", draw);
})();
