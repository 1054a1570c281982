(function () {
  "use strict";
  var order = ["info", "low", "medium", "high", "critical"];
  var node = document.getElementById("finding-index");
  var index = node ? JSON.parse(node.textContent) : [];
  var text = {};
  index.forEach(function (entry) { text[entry.i] = entry.text; });
  var form = document.getElementById("filters");
  function apply() {
    if (!form) { return; }
    var minimum = order.indexOf(form.elements.severity.value);
    var analyzer = form.elements.analyzer.value;
    var language = form.elements.language.value;
    var query = form.elements.q.value.trim().toLowerCase();
    var shown = 0, total = 0;
    document.querySelectorAll("article.finding").forEach(function (el) {
      total += 1;
      var ok = order.indexOf(el.getAttribute("data-severity")) >= minimum &&
        (!analyzer || el.getAttribute("data-analyzers").split(" ").indexOf(analyzer) >= 0) &&
        (!language || el.getAttribute("data-language") === language) &&
        (!query || (text[el.getAttribute("data-index")] || "").indexOf(query) >= 0);
      el.hidden = !ok;
      if (ok) { shown += 1; }
    });
    document.querySelectorAll("section.rule").forEach(function (section) {
      section.hidden = !section.querySelector("article.finding:not([hidden])");
    });
    var count = document.getElementById("filter-count");
    if (count) { count.textContent = shown + " of " + total + " examples shown"; }
  }
  if (form) {
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }
  apply();
  document.documentElement.setAttribute("data-report-js", "ready");
}());
