/* The search page of 基层档案: reads the query and filters from the URL, asks the index
 * (search-core.js) and shows results, facets and a status line. Every piece of document text
 * and the query itself go into the page as text nodes, never as HTML. */
(function () {
  "use strict";
  var app = document.getElementById("search-app");
  if (!app || !window.ArchiveSearchCore || !window.lunr) return;
  var core = window.ArchiveSearchCore;
  var base = app.getAttribute("data-index");
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var facetsNav = document.getElementById("search-facets");
  var more = document.getElementById("search-more");
  var browse = document.getElementById("search-browse");
  var FILTERS = ["city", "district", "topic", "year", "kind"];
  var PAGE = 10;
  var enginePromise = null;
  var current = null;     // {query, filters, results, tokens, shown}
  var generation = 0;     // a newer search makes older answers stale
  var typingTimer = null;

  function engine() {
    if (!enginePromise) {
      // The manifest is revalidated on every visit; the other files carry its build id, so
      // a browser never mixes files cached from an older build with a newer manifest.
      var build = "";
      enginePromise = core.Engine.open(function (path) {
        var manifest = path === "manifest.json";
        var url = base + path + (!manifest && build ? "?v=" + encodeURIComponent(build) : "");
        return fetch(url, manifest ? { cache: "no-cache" } : {}).then(function (response) {
          if (!response.ok) throw new Error(path + ": HTTP " + response.status);
          return response.arrayBuffer();
        }).then(parse).then(function (data) {
          if (manifest) build = data.build || "";
          return data;
        });
      });
    }
    return enginePromise;
  }

  /* JSON from an index file. Files are gzip-compressed by the build; a host that serves
   * them with Content-Encoding: gzip has inflated them already, hence the magic-number test. */
  function parse(buffer) {
    var bytes = new Uint8Array(buffer);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      return new Response(stream).text().then(JSON.parse);
    }
    return Promise.resolve(JSON.parse(new TextDecoder("utf-8").decode(bytes)));
  }

  function stateFromUrl() {
    var params = new URLSearchParams(window.location.search), filters = {};
    FILTERS.forEach(function (name) { if (params.get(name)) filters[name] = params.get(name); });
    return { query: (params.get("q") || "").trim(), filters: filters };
  }

  function urlFor(query, filters) {
    var params = new URLSearchParams();
    if (query) params.set("q", query);
    FILTERS.forEach(function (name) { if (filters[name]) params.set(name, filters[name]); });
    var search = params.toString();
    return window.location.pathname + (search ? "?" + search : "");
  }

  function setStatus(text) {
    status.textContent = text;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function run(state) {
    var mine = ++generation;
    // data-search-done marks an answered query (tests and the benchmark wait for it, also
    // when there is no result to wait for).
    list.removeAttribute("data-search-done");
    input.value = state.query;
    browse.hidden = true;
    if (!state.query) {
      clear(list); clear(facetsNav); facetsNav.hidden = true; more.hidden = true;
      setStatus("");
      document.title = document.title.replace(/^“.*?” /, "");
      return Promise.resolve();
    }
    setStatus("正在搜索“" + state.query + "”…");
    return engine().then(function (index) {
      return index.search(state.query, state.filters).then(function (answer) {
        if (mine !== generation) return null;
        current = { query: state.query, filters: state.filters, results: answer.results,
                    tokens: answer.tokens, shown: 0, index: index };
        clear(list);
        renderFacets(answer.facets, state);
        document.title = "“" + state.query + "” " + document.title.replace(/^“.*?” /, "");
        if (!answer.results.length) {
          more.hidden = true;
          var filtered = Object.keys(state.filters).length;
          setStatus("没有找到与“" + state.query + "”相关的文章" + (filtered ? "（已应用筛选条件）" : "") + "。");
          browse.hidden = false;
          list.setAttribute("data-search-done", "");
          return null;
        }
        return showMore(mine).then(function () {
          if (mine !== generation) return;
          setStatus("找到 " + answer.results.length + " 篇与“" + state.query + "”相关的文章。");
          list.setAttribute("data-search-done", "");
        });
      });
    }).catch(function (error) {
      if (mine !== generation) return;
      setStatus("搜索暂时无法使用（" + error.message + "）。");
      browse.hidden = false;
      list.setAttribute("data-search-done", "");
    });
  }

  function showMore(mine) {
    var state = current;
    var batch = state.results.slice(state.shown, state.shown + PAGE);
    var terms = state.tokens.map(function (t) { return t.term; });
    // All records are requested at once; each result is shown as soon as it and the ones
    // ranked above it have arrived, so the first result does not wait for the tenth.
    var pending = batch.map(function (r) { return state.index.records([r.ref]); });
    state.shown += batch.length;
    var chain = Promise.resolve();
    batch.forEach(function (result, i) {
      chain = chain.then(function () { return pending[i]; }).then(function (records) {
        if (mine !== generation) return;
        list.appendChild(renderResult(records[result.ref], terms, state.index.t2s));
      });
    });
    return chain.then(function () {
      if (mine === generation) more.hidden = state.shown >= state.results.length;
    });
  }

  function renderResult(record, terms, t2s) {
    var item = el("li", "search-result");
    var heading = el("h3", "search-result-title");
    var link = el("a", null, record.t);
    link.href = record.u.charAt(0) === "/" || /^[a-z]+:/.test(record.u) ? record.u : siteRoot() + record.u;
    heading.appendChild(link);
    item.appendChild(heading);
    var text = el("p", "search-snippet");
    core.snippet(record.x, terms, t2s, 120).forEach(function (piece) {
      text.appendChild(piece.mark ? el("mark", null, piece.text) : document.createTextNode(piece.text));
    });
    item.appendChild(text);
    var meta = el("p", "search-meta");
    [record.p, record.d, record.k].filter(Boolean).forEach(function (part, i) {
      if (i) meta.appendChild(document.createTextNode(" · "));
      meta.appendChild(el("span", null, part));
    });
    item.appendChild(meta);
    return item;
  }

  function siteRoot() {
    // The index lives at <site>/search/index/: the site root is two folders up.
    return base.replace(/search\/index\/$/, "");
  }

  function renderFacets(facets, state) {
    clear(facetsNav);
    var any = false;
    facets.forEach(function (facet) {
      if (!facet.values.length) return;
      any = true;
      var group = el("section", "search-facet");
      var headingId = "facet-" + facet.name;
      var heading = el("h2", null, facet.label);
      heading.id = headingId;
      group.appendChild(heading);
      var ul = el("ul");
      ul.setAttribute("aria-labelledby", headingId);
      facet.values.forEach(function (value) {
        var li = el("li"), active = state.filters[facet.name] === value.key;
        var filters = Object.assign({}, state.filters);
        if (active) delete filters[facet.name]; else filters[facet.name] = value.key;
        var a = el("a", active ? "active" : null);
        a.href = urlFor(state.query, filters);
        a.appendChild(el("span", "facet-label", value.label));
        a.appendChild(el("span", "facet-count", "（" + value.count + "）"));
        if (active) {
          a.setAttribute("aria-current", "true");
          a.appendChild(el("span", "visually-hidden", "，已选，点击取消"));
        }
        a.addEventListener("click", function (event) {
          if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
          event.preventDefault();
          navigate(state.query, filters);
        });
        li.appendChild(a);
        ul.appendChild(li);
      });
      group.appendChild(ul);
      facetsNav.appendChild(group);
    });
    facetsNav.hidden = !any;
  }

  function navigate(query, filters, replace) {
    var url = urlFor(query, filters);
    if (replace) window.history.replaceState(null, "", url);
    else if (url !== window.location.pathname + window.location.search) window.history.pushState(null, "", url);
    return run({ query: query, filters: filters });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(typingTimer);
    // A new query starts without the previous query's filters.
    navigate(input.value.trim(), {}).then(function () {
      if (list.firstChild) list.querySelector("a").focus();
    });
  });

  input.addEventListener("input", function (event) {
    if (event.isComposing) return;  // wait for the IME to finish the characters
    window.clearTimeout(typingTimer);
    typingTimer = window.setTimeout(function () {
      var query = input.value.trim();
      if (query !== stateFromUrl().query) navigate(query, {}, true);
    }, 300);
  });
  input.addEventListener("compositionend", function () {
    input.dispatchEvent(new Event("input"));
  });

  more.addEventListener("click", function () {
    var before = current.shown;
    showMore(generation).then(function () {
      var next = list.children[before];
      if (next) next.querySelector("a").focus();
    });
  });

  window.addEventListener("popstate", function () { run(stateFromUrl()); });

  // The index is fetched on this page only, and only once there is something to search;
  // focusing the box warms up the manifest so the first answer comes sooner.
  input.addEventListener("focus", function () { engine().catch(function () {}); }, { once: true });
  run(stateFromUrl());
})();
