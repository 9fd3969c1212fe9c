// The HTML report's behaviour: open articles on demand, select a claim and show its chain,
// search and filter the claims, sort the sources table.
(function () {
  "use strict";
  var reading = document.querySelector(".reading");
  var panel = document.querySelector(".detail-panel");

  // Articles other than the first wait in <template>s: opening one moves its article into the
  // reading pane and its claims' chain panels into the side panel, once.
  // By tag and class: the article graphs' SVG groups carry the same ids.
  function articleElement(id) {
    return document.querySelector('article.article[id="article-' + CSS.escape(id) + '"]');
  }
  function openArticle(id) {
    if (articleElement(id)) { return true; }
    var template = null;
    document.querySelectorAll("template.article-template").forEach(function (candidate) {
      if (candidate.getAttribute("data-article") === id) { template = candidate; }
    });
    if (!template) { return false; }
    var content = template.content.cloneNode(true);
    var details = content.querySelector("div.details");
    if (details) {
      details.parentNode.removeChild(details);
      while (details.firstChild) { panel.appendChild(details.firstChild); }
    }
    template.parentNode.replaceChild(content, template);
    return true;
  }
  function articleOfClaim(key) {
    var index = claimIndex();
    for (var i = 0; i < index.claims.length; i++) {
      if (index.claims[i][0] === key) { return index.articles[index.claims[i][1]]; }
    }
    return null;
  }

  function keysOf(element) {
    return (element.getAttribute("data-claims") || element.getAttribute("data-claim") || "").split(" ");
  }
  function select(key) {
    if (!document.getElementById("detail-" + key)) {
      var article = articleOfClaim(key);
      if (!article || !openArticle(article)) { return false; }
      if (!document.getElementById("detail-" + key)) { drawPanel(key); }
    }
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
    var element = event.target.closest ? event.target.closest("mark.claim, a.claim-link, li.result") : null;
    return element && keysOf(element)[0] ? element : null;
  }
  document.addEventListener("click", function (event) {
    var opener = event.target.closest ? event.target.closest("[data-open-article]") : null;
    if (opener) {
      var id = opener.getAttribute("data-open-article");
      if (openArticle(id)) {
        event.preventDefault();
        articleElement(id).scrollIntoView({block: "start"});
      }
      return;
    }
    var element = target(event);
    if (element && select(keysOf(element)[0])) {
      event.preventDefault();
      if (history.replaceState) { history.replaceState(null, "", "#" + keysOf(element)[0]); }
      if (element.tagName !== "MARK") {
        var mark = document.querySelector('mark.claim[data-claim="' + keysOf(element)[0] + '"]');
        if (mark) { mark.scrollIntoView({block: "center"}); }
      }
    }
  });
  document.addEventListener("keydown", function (event) {
    if ((event.key === "Enter" || event.key === " ") && event.target.matches && event.target.matches("mark.claim, li.result")) {
      event.preventDefault();
      select(keysOf(event.target)[0]);
    }
  });

  // A claim's panel drawn from the index, for reports too large to carry every panel as HTML:
  // the same parts as the page's own panels, without the picture.
  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  var ANONYMOUS = ["anonymous-person", "anonymous-group", "anonymous-media"];
  function sourceNode(pair) {
    return element("span", "source kind-" + pair[1] + (ANONYMOUS.indexOf(pair[1]) >= 0 ? " anonymous" : ""), pair[0]);
  }
  function drawPanel(key) {
    var data = claimIndex();
    var claim = null;
    for (var i = 0; i < data.claims.length; i++) { if (data.claims[i][0] === key) { claim = data.claims[i]; } }
    if (!claim) { return; }
    var article = data.articles[claim[1]];
    var section = element("section", "claim-detail");
    section.id = "detail-" + key;
    section.setAttribute("data-claim", key);
    section.hidden = true;
    section.appendChild(element("p", "eyebrow", "claim " + key.slice(0, 10) + " · " + article));
    section.appendChild(element("blockquote", "cred-" + claim[4], claim[2]));
    var facts = element("p", "facts");
    facts.appendChild(element("span", "swatch cred-" + claim[4], String(claim[4])));
    facts.appendChild(document.createTextNode(" "));
    facts.appendChild(element("strong", "", data.labels[String(claim[4])] || ""));
    facts.appendChild(document.createTextNode(" · " + claim[6]));
    claim[5].forEach(function (v) {
      facts.appendChild(document.createTextNode(" "));
      facts.appendChild(element("span", "badge verdict verdict-" + (v[1] || "unknown"), v[0]));
    });
    section.appendChild(facts);
    if (claim[3].length) {
      var flow = element("ol", "chain-flow");
      claim[3].forEach(function (n, position) {
        var item = element("li");
        var pair = data.sources[n];
        item.appendChild(sourceNode(pair));
        var hop = claim[7][position];
        item.appendChild(element("span", "sub", " " + (position ? "relay" : "origin") + " · " + pair[1] + " · " +
          (hop[0] || "unrated") + " ×" + Number(hop[1]).toFixed(2)));
        flow.appendChild(item);
      });
      var end = element("li");
      end.appendChild(element("span", "source article-node", article));
      flow.appendChild(end);
      section.appendChild(flow);
      section.appendChild(element("p", "sub", "p = " + Number(claim[8]).toFixed(2) + " · " + claim[9] + " independent source(s)"));
    } else {
      section.appendChild(element("p", "none", "The article says this itself: no source is named."));
    }
    if (claim[11].length) {
      var failure = element("p");
      failure.appendChild(element("span", "badge failure", "single point of failure"));
      failure.appendChild(document.createTextNode(" every chain of this claim in " + (claim[10][1] + 1) +
        " articles passes through " + claim[11].join(", ")));
      section.appendChild(failure);
    }
    if (claim[10][1]) {
      section.appendChild(element("h3", "", "The same claim elsewhere (" + claim[10][1] + ")"));
      var list = element("ul", "same");
      claim[10][0].forEach(function (other) {
        var item = element("li");
        var link = element("a", "claim-link", articleOfClaim(other) || other);
        link.href = "#" + other;
        link.setAttribute("data-claim", other);
        item.appendChild(link);
        list.appendChild(item);
      });
      if (claim[10][1] > claim[10][0].length) { list.appendChild(element("li", "sub", "and " + (claim[10][1] - claim[10][0].length) + " more")); }
      section.appendChild(list);
    }
    panel.appendChild(section);
  }

  // Search: every word typed must occur in the claim's text or its sources' names, case and
  // accents aside ("hotel" finds "Hotels", "zuruck" finds "zurück").
  var index = null;
  function claimIndex() {
    if (!index) {
      var element = document.getElementById("claims-index");
      index = element ? JSON.parse(element.textContent) : {articles: [], sources: [], claims: []};
      index.folded = index.claims.map(function (claim) {
        return fold(claim[2] + " " + claim[3].map(function (n) { return index.sources[n][0]; }).join(" "));
      });
      index.foldedSources = index.sources.map(function (pair) { return fold(pair[0]); });
    }
    return index;
  }
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/ß/g, "ss");
  }
  var VERDICTS = {"false": ["false", "mostly-false"], "true": ["true", "mostly-true"], "mixed": ["mixed"]};
  var SHOWN = 200;
  function value(id) { var element = document.getElementById(id); return element ? element.value : ""; }
  function search() {
    var data = claimIndex();
    var words = fold(value("search-text")).split(/[^\w\u00c0-\uffff]+/).filter(function (w) { return w.length > 0; });
    var source = fold(value("search-source").trim());
    var most = parseInt(value("search-credibility"), 10);
    var verdict = value("search-verdict");
    var list = document.getElementById("results");
    var count = document.getElementById("result-count");
    list.textContent = "";
    if (!words.length && !source && !most && !verdict) { count.textContent = ""; return; }
    var found = [];
    for (var i = 0; i < data.claims.length; i++) {
      var claim = data.claims[i];
      var text = data.folded[i];
      if (!words.every(function (word) { return text.indexOf(word) >= 0; })) { continue; }
      if (source && !claim[3].some(function (n) { return data.foldedSources[n].indexOf(source) >= 0; })) { continue; }
      if (most && claim[4] > most) { continue; }
      if (verdict === "none" && claim[5].length) { continue; }
      if (VERDICTS[verdict] && !claim[5].some(function (v) { return VERDICTS[verdict].indexOf(v[1]) >= 0; })) { continue; }
      found.push(claim);
    }
    count.textContent = found.length + (found.length === 1 ? " claim" : " claims") +
      (found.length > SHOWN ? ", the first " + SHOWN + " shown" : "");
    var fragment = document.createDocumentFragment();
    found.slice(0, SHOWN).forEach(function (claim) {
      var item = document.createElement("li");
      item.className = "result";
      item.setAttribute("data-claim", claim[0]);
      item.tabIndex = 0;
      var swatch = document.createElement("span");
      swatch.className = "swatch cred-" + claim[4];
      swatch.textContent = claim[4];
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(" " + claim[2] + " "));
      var where = document.createElement("span");
      where.className = "sub";
      where.textContent = data.articles[claim[1]] + " · " + claim[3].map(function (n) { return data.sources[n][0]; }).join(" → ");
      item.appendChild(where);
      claim[5].forEach(function (v) {
        var badge = document.createElement("span");
        badge.className = "badge verdict verdict-" + (v[1] || "unknown");
        badge.textContent = v[0];
        item.appendChild(document.createTextNode(" "));
        item.appendChild(badge);
      });
      fragment.appendChild(item);
    });
    list.appendChild(fragment);
  }
  ["search-text", "search-source", "search-credibility", "search-verdict"].forEach(function (id) {
    var element = document.getElementById(id);
    if (element) { element.addEventListener("input", search); element.addEventListener("change", search); }
  });

  // Sortable tables: a click on a header sorts by that column, again the other way.
  document.querySelectorAll("table.sortable th[data-sort]").forEach(function (header, column) {
    header.tabIndex = 0;
    header.addEventListener("click", function () {
      var body = header.closest("table").tBodies[0];
      var descending = header.getAttribute("aria-sort") !== "descending";
      var numeric = header.getAttribute("data-sort") === "number";
      var rows = Array.prototype.slice.call(body.rows);
      var key = function (row) {
        var cell = row.cells[column];
        var text = cell.getAttribute("data-value") || cell.textContent;
        return numeric ? parseFloat(text) || 0 : text.toLowerCase();
      };
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        var order = x < y ? -1 : x > y ? 1 : 0;
        return descending ? -order : order;
      });
      header.closest("tr").querySelectorAll("th").forEach(function (other) { other.removeAttribute("aria-sort"); });
      header.setAttribute("aria-sort", descending ? "descending" : "ascending");
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });

  // For scripts driving the page (and tests): select a claim, open an article, by key and id.
  window.provenanceReport = {select: select, openArticle: openArticle};

  if (location.hash.length > 1) {
    var wanted = decodeURIComponent(location.hash.slice(1));
    if (wanted.indexOf("article-") === 0) { openArticle(wanted.slice(8)); } else { select(wanted); }
  }
})();
