// Draw the bar chart of the results dashboard from the JSON the page carries (json_script):
// no inline script, so the Content Security Policy stays strict. The table beside it holds
// the same numbers for screen readers and without JavaScript.
(function () {
  "use strict";
  function draw() {
    var data = document.getElementById("chart-steps");
    var canvas = document.getElementById("chart-steps-canvas");
    if (!data || !canvas || typeof Chart === "undefined") { return; }
    var chart = JSON.parse(data.textContent);
    new Chart(canvas, {
      type: "bar",
      data: {labels: chart.labels,
             datasets: [{label: canvas.getAttribute("data-label"), data: chart.values,
                         backgroundColor: "#1f6fb2"}]},
      options: {animation: false, plugins: {legend: {display: false}},
                scales: {y: {beginAtZero: true, ticks: {precision: 0}}}}
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else { draw(); }
})();
