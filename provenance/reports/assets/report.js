// The HTML report's one behaviour: select a claim (click, Enter, or the page's #fragment) and show its chain.
(function () {
  "use strict";
  function keysOf(element) {
    return (element.getAttribute("data-claims") || element.getAttribute("data-claim") || "").split(" ");
  }
  function select(key) {
    var found = false;
    document.querySelectorAll(".claim-detail").forEach(function (detail) {
      var match = detail.getAttribute("data-claim") === key;
      detail.hidden = !match;
      found = found || match;
    });
    if (!found) { return false; }
    document.getElementById("detail-empty").hidden = true;
    document.querySelectorAll("mark.claim").forEach(function (mark) {
      mark.classList.toggle("active", mark.getAttribute("data-claim") === key);
    });
    document.querySelectorAll(".mention").forEach(function (mention) {
      mention.classList.toggle("active", (mention.getAttribute("data-for") || "").split(" ").indexOf(key) >= 0);
    });
    document.body.setAttribute("data-selected", key);
    if (window.matchMedia && window.matchMedia("(max-width: 900px)").matches) {
      // On narrow screens the chain is below the text: bring it into view.
      document.getElementById("detail-" + key).scrollIntoView({block: "start"});
    }
    return true;
  }
  function target(event) {
    var element = event.target.closest ? event.target.closest("mark.claim, a.claim-link") : null;
    return element && keysOf(element)[0] ? element : null;
  }
  document.addEventListener("click", function (event) {
    var element = target(event);
    if (element && select(keysOf(element)[0])) {
      event.preventDefault();
      if (history.replaceState) { history.replaceState(null, "", "#" + keysOf(element)[0]); }
      if (element.tagName === "A") {
        var mark = document.querySelector('mark.claim[data-claim="' + keysOf(element)[0] + '"]');
        if (mark) { mark.scrollIntoView({block: "center"}); }
      }
    }
  });
  document.addEventListener("keydown", function (event) {
    if ((event.key === "Enter" || event.key === " ") && event.target.matches && event.target.matches("mark.claim")) {
      event.preventDefault();
      select(keysOf(event.target)[0]);
    }
  });
  if (location.hash.length > 1) { select(decodeURIComponent(location.hash.slice(1))); }
})();
