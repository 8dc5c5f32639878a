// The youth file: a block read when opened (issue 12). Opening its fold (a click on the label,
// a link to the block's anchor such as #plan, or the browser itself) fetches the block with
// htmx and puts it in place of the placeholder. Without JavaScript the placeholder's link
// opens the block on a page of its own.
(function () {
  // One block at a time: folds opened together (all of them, say) queue up, so the server
  // gets one request after another.
  var queue = Promise.resolve();

  function load(fold) {
    var placeholder = fold.querySelector(":scope > .r27-fold__body");
    if (!fold.open || !placeholder || fold.dataset.loading) {
      return;
    }
    fold.dataset.loading = "true";
    queue = queue.then(function () {
      // The fold as the request's source: htmx drops a second request from one source while
      // the first is under way.
      return window.htmx.ajax("GET", fold.dataset.block,
                              {source: fold, target: placeholder, swap: "outerHTML"});
    }).catch(function () { return null; }).finally(function () {
      delete fold.dataset.loading;
    });
  }
  function loadOpen() {
    document.querySelectorAll("details[data-block][open]").forEach(load);
  }
  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    var fold = target && target.closest("details[data-block]");
    if (fold && !fold.open) {
      fold.open = true;
    }
    loadOpen();
  }
  // "toggle" does not bubble: listen in the capture phase, for every fold on the page.
  document.addEventListener("toggle", function (event) {
    if (event.target.matches && event.target.matches("details[data-block]")) {
      load(event.target);
    }
  }, true);
  // After htmx has read the page (its own DOMContentLoaded handler runs after this one).
  document.addEventListener("DOMContentLoaded", function () {
    window.setTimeout(openTarget, 0);
  });
  window.addEventListener("load", loadOpen);
  window.addEventListener("hashchange", openTarget);
})();
