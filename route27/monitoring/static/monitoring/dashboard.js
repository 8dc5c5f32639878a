// Draw the dashboard's charts from the JSON each page carries (json_script): no inline script,
// so the Content Security Policy stays strict. Every chart has a table beside it with the same
// numbers, for screen readers and without JavaScript. A hidden count (< 5) is a gap (null).
(function () {
  "use strict";
  var COLOURS = ["#1f6fb2", "#c05a00", "#2e7d32", "#6a3d9a", "#8a1f11"];
  function datasets(series, type) {
    return series.map(function (s, i) {
      return {label: s.label, data: s.values, backgroundColor: COLOURS[i % COLOURS.length],
              borderColor: COLOURS[i % COLOURS.length], fill: false, spanGaps: false,
              tension: 0, pointRadius: type === "line" ? 2 : 0};
    });
  }
  function draw(canvas, chart, small) {
    new Chart(canvas, {
      type: chart.type,
      data: {labels: chart.labels, datasets: datasets(chart.series, chart.type)},
      options: {animation: false, maintainAspectRatio: !small,
                plugins: {legend: {display: chart.series.length > 1 && !small}},
                scales: {y: {beginAtZero: true, ticks: {precision: 0}},
                         x: {ticks: {display: !small}}}}
    });
  }
  function start() {
    if (typeof Chart === "undefined") { return; }
    document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      var data = document.getElementById(canvas.getAttribute("data-chart"));
      if (data) { draw(canvas, JSON.parse(data.textContent), false); }
    });
    document.querySelectorAll("canvas[data-small]").forEach(function (canvas) {
      var data = canvas.previousElementSibling;
      if (!data || data.tagName !== "SCRIPT") { return; }
      var small = JSON.parse(data.textContent);
      draw(canvas, {type: "bar", labels: small.labels,
                    series: [{label: small.title, values: small.values}]}, true);
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else { start(); }
})();
