/* The search page of 基层档案: reads the query and filters from the URL, asks the search
 * worker (search-worker.js, which runs search-core.js) and shows results, partial matches,
 * facets and a status line. Every piece of document text and the query itself go into the
 * page as text nodes, never as HTML. */
(function () {
  "use strict";
  var app = document.getElementById("search-app");
  if (!app || !window.Worker) return;
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var partialSection = document.getElementById("search-partial-section");
  var partialList = document.getElementById("search-partial");
  var facetsNav = document.getElementById("search-facets");
  var more = document.getElementById("search-more");
  var browse = document.getElementById("search-browse");
  var FILTERS = ["city", "district", "topic", "year", "kind"];
  var PAGE = 10;
  var TEXT = {
    searching: function (q) { return "正在搜索“" + q + "”…"; },
    // atLeast: ranked from the most relevant articles only, until more are asked for.
    found: function (q, n, atLeast) { return "找到" + (atLeast ? "至少 " : " ") + n + " 篇与“" + q + "”相关的文章"; },
    alsoPartial: function (n, atLeast) { return "，另有" + (atLeast ? "至少 " : " ") + n + " 篇部分匹配"; },
    onlyPartial: function (q, n, atLeast) {
      return "没有同时包含全部搜索词的文章；以下" + (atLeast ? "至少 " : " ") + n + " 篇部分匹配“" + q + "”";
    },
    filter: "按地区、主题、年份和类型筛选",
    none: function (q) { return "没有找到与“" + q + "”相关的文章"; },
    filtered: "（已应用筛选条件）",
    failed: function (message) { return "搜索暂时无法使用（" + message + "）。"; },
    has: "包含：",
    lacks: "不含：",
    levels: { same: "同义词", near: "相关词", sub: "相近的词" },
    others: function (n) { return "另有 " + n + " 个来源"; },
    original: "查看原报道"
  };
  var worker = null;
  var current = null;     // {query, filters, items, words, shown, id}
  var generation = 0;     // a newer search makes older answers stale
  var typingTimer = null;
  var waiting = {};       // message id → {resolve, reject, record}
  var requests = 0;       // ids of record requests (below 0: apart from the searches' ids)

  /* The worker, started once: it loads lunr.js and search-core.js itself. */
  function searchWorker() {
    if (!worker) {
      // A worker must come from the page's own origin: a production build names its files
      // by SITEURL, which a preview or a mirror of the site does not share.
      var url = new URL(app.getAttribute("data-worker"), window.location.href);
      if (url.origin !== window.location.origin) url = new URL(url.pathname, window.location.origin);
      worker = new Worker(url.href);
      worker.onmessage = function (event) {
        var message = event.data, pending = waiting[message.id];
        if (!pending) return;
        if (message.type === "record") { pending.record(message.ref, message.record); return; }
        delete waiting[message.id];
        if (message.type === "error") pending.reject(new Error(message.message));
        else pending.resolve(message);
      };
      worker.onerror = function (event) {
        Object.keys(waiting).forEach(function (id) { waiting[id].reject(new Error(event.message || "worker")); });
        waiting = {};
      };
      worker.postMessage({ type: "init", index: app.getAttribute("data-index") });
      // The manifest is fetched here while the worker loads, not after: one round trip less
      // before the first answer. Revalidated on every visit; the other files carry its build
      // id, so a browser never mixes files cached from an older build with a newer manifest.
      fetch(app.getAttribute("data-index") + "manifest.json", { cache: "no-cache" })
        .then(function (response) {
          if (!response.ok) throw new Error("manifest.json: HTTP " + response.status);
          return response.json();
        })
        .then(function (manifest) { worker.postMessage({ type: "manifest", manifest: manifest }); },
              function (error) { worker.postMessage({ type: "manifest", error: error.message }); });
    }
    return worker;
  }

  function ask(message) {
    return new Promise(function (resolve, reject) {
      waiting[message.id] = { resolve: resolve, reject: reject };
      searchWorker().postMessage(message);
    });
  }

  /* Ask the worker for the records of these results of search `search`; each comes in its
   * own message, handed to onRecord(ref, record) as it arrives. Resolves when all are in. */
  function records(search, refs, onRecord) {
    var id = --requests, left = refs.length;
    if (!left) return Promise.resolve();
    return new Promise(function (resolve, reject) {
      waiting[id] = { resolve: resolve, reject: reject, record: function (ref, record) {
        onRecord(ref, record);
        if (--left === 0) { delete waiting[id]; resolve(); }
      } };
      searchWorker().postMessage({ type: "records", id: id, search: search, refs: refs });
    });
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

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* One result per reprint group (the best ranked member stands for its story; the others
   * are counted), as [{result, others, original}]. groups: {originals, of: ref → group} or
   * null. */
  function collapse(results, groups) {
    if (!groups) return results.map(function (r) { return { result: r, others: 0, original: null }; });
    var out = [], byGroup = {};
    results.forEach(function (r) {
      var g = groups.of[r.ref];
      if (g === undefined || g < 0) { out.push({ result: r, others: 0, original: null }); return; }
      if (byGroup[g]) { byGroup[g].others += 1; return; }
      byGroup[g] = { result: r, others: 0, original: groups.originals[g] };
      out.push(byGroup[g]);
    });
    return out;
  }

  /* Search and show the first page. */
  function run(state) {
    var mine = ++generation;
    // data-search-done marks an answered query (tests and the benchmark wait for it, also
    // when there is no result to wait for).
    list.removeAttribute("data-search-done");
    input.value = state.query;
    browse.hidden = true;
    if (!state.query) {
      clear(list); clear(partialList); clear(facetsNav);
      partialSection.hidden = true; facetsNav.hidden = true; more.hidden = true;
      status.textContent = "";
      document.title = document.title.replace(/^“.*?” /, "");
      return Promise.resolve();
    }
    status.textContent = TEXT.searching(state.query);
    return ask({ type: "search", id: mine, query: state.query, filters: state.filters })
      .then(function (answer) {
        if (mine !== generation) return null;
        current = { query: state.query, filters: state.filters, words: answer.words, shown: 0, id: mine };
        take(current, answer);
        var items = current.items;
        clear(list); clear(partialList);
        partialSection.hidden = true;
        renderFacets(answer.facets, state);
        document.title = "“" + state.query + "” " + document.title.replace(/^“.*?” /, "");
        if (!items.length) {
          more.hidden = true;
          status.textContent = TEXT.none(state.query) + (Object.keys(state.filters).length ? TEXT.filtered : "") + "。";
          browse.hidden = false;
          list.setAttribute("data-search-done", "");
          return null;
        }
        describe(current);
        return showMore(current).then(function () {
          if (mine === generation) list.setAttribute("data-search-done", "");
        });
      })
      .catch(function (error) {
        if (mine !== generation) return;
        status.textContent = TEXT.failed(error.message);
        browse.hidden = false;
        list.setAttribute("data-search-done", "");
      });
  }

  /* Keep an answer's results in a search's state (one item per story). */
  function take(state, answer) {
    state.items = collapse(answer.results, answer.groups);
    state.full = state.items.filter(function (i) { return i.result.tier < 2; }).length;
    state.complete = answer.complete;
    state.facets = !!answer.facets;
  }

  /* The status line: how many articles have every word, how many some. */
  function describe(state) {
    var full = state.full, partial = state.items.length - full, atLeast = !state.complete;
    status.textContent = (full ? TEXT.found(state.query, full, atLeast) + (partial ? TEXT.alsoPartial(partial, atLeast) : "")
                               : TEXT.onlyPartial(state.query, partial, atLeast)) + "。";
  }

  /* Every result of the current search, when the first answer was ranked from the most
   * relevant articles only (and the facets, when `facets`): the results shown stay. */
  function completed(state, facets) {
    if (state.complete && (!facets || state.facets)) return Promise.resolve();
    var id = ++generation;
    return ask({ type: "search", id: id, query: state.query, filters: state.filters, complete: true,
                 facets: !!facets })
      .then(function (answer) {
        if (id !== generation || state !== current) return;
        // The results shown stay first, as they are; the others follow in the index's order.
        var shown = state.items.slice(0, state.shown), seen = {};
        shown.forEach(function (item) { seen[item.result.ref] = true; });
        state.id = id;
        take(state, answer);
        state.items = shown.concat(state.items.filter(function (item) { return !seen[item.result.ref]; }));
        state.full = state.items.filter(function (i) { return i.result.tier < 2; }).length;
        describe(state);
        renderFacets(answer.facets, state);
      })
      .catch(function (error) {
        if (id === generation) status.textContent = TEXT.failed(error.message);
      });
  }

  /* Show the next page of results: each as soon as its record and those of the results
   * ranked above it have arrived, so the first does not wait for the tenth. */
  function showMore(state) {
    var batch = state.items.slice(state.shown, state.shown + PAGE), arrived = {}, next = 0;
    state.shown += batch.length;
    more.hidden = true;
    return records(state.id, batch.map(function (item) { return item.result.ref; }), function (ref, record) {
      if (state !== current) return;
      arrived[ref] = record;
      while (next < batch.length && arrived[batch[next].result.ref]) {
        var item = batch[next++], partial = item.result.tier === 2;
        if (partial) partialSection.hidden = false;
        (partial ? partialList : list).appendChild(renderResult(item, arrived[item.result.ref], partial));
      }
    }).then(function () {
      if (state === current) more.hidden = state.complete && state.shown >= state.items.length;
    });
  }

  function renderResult(item, record, partial) {
    var node = el("li", "search-result");
    var heading = el("h3", "search-result-title");
    var link = el("a", null, record.t);
    link.href = href(record.u);
    heading.appendChild(link);
    node.appendChild(heading);
    var text = el("p", "search-snippet");
    record.snippet.forEach(function (piece) {
      text.appendChild(piece.mark ? el("mark", null, piece.text) : document.createTextNode(piece.text));
    });
    node.appendChild(text);
    if (partial) node.appendChild(matchedWords(item.result));
    var meta = el("p", "search-meta");
    [record.p, record.d, record.k].filter(Boolean).forEach(function (part, i) {
      if (i) meta.appendChild(document.createTextNode(" · "));
      meta.appendChild(el("span", null, part));
    });
    if (item.others) {
      meta.appendChild(document.createTextNode(" · "));
      if (item.original && item.original !== record.u) {
        var original = el("a", "search-reprints", TEXT.others(item.others));
        original.href = href(item.original);
        original.title = TEXT.original;
        meta.appendChild(original);
      } else {
        meta.appendChild(el("span", "search-reprints", TEXT.others(item.others)));
      }
    }
    node.appendChild(meta);
    return node;
  }

  /* Which query words a partial match has (and through which other word), and which not. */
  function matchedWords(result) {
    var p = el("p", "search-match"), has = [], lacks = [];
    current.words.forEach(function (word, i) {
      var level = result.words[i];
      if (word.leftover) return;  // a stray character of a longer word
      if (!level) { lacks.push(word.text); return; }
      has.push(level === "exact" || !result.via[i] ? word.text
        : word.text + "（" + TEXT.levels[level] + "“" + result.via[i] + "”）");
    });
    if (has.length) p.appendChild(el("span", "search-has", TEXT.has + has.join("、")));
    if (has.length && lacks.length) p.appendChild(document.createTextNode("；"));
    if (lacks.length) p.appendChild(el("span", "search-lacks", TEXT.lacks + lacks.join("、")));
    return p;
  }

  function href(url) {
    return url.charAt(0) === "/" || /^[a-z]+:/.test(url) ? url : siteRoot() + url;
  }

  function siteRoot() {
    // The index lives at <site>/search/index/: the site root is two folders up.
    return app.getAttribute("data-index").replace(/search\/index\/$/, "");
  }

  function renderFacets(facets, state) {
    clear(facetsNav);
    if (!facets) {
      // The facets count every result: fetched when the reader asks for them.
      var button = el("button", "search-filter", TEXT.filter);
      button.type = "button";
      button.addEventListener("click", function () {
        button.disabled = true;
        completed(current, true).then(function () {
          var first = facetsNav.querySelector("a");
          if (first) first.focus();
        });
      });
      facetsNav.appendChild(button);
      facetsNav.hidden = !current || !current.items.length;
      return;
    }
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
      var first = app.querySelector(".search-result-title a");
      if (first) first.focus();
    });
  });

  input.addEventListener("input", function (event) {
    if (event.isComposing) return;  // wait for the IME to finish the characters
    window.clearTimeout(typingTimer);
    // While the citizen types, the worker fetches what cutting the text will need.
    if (input.value.trim()) searchWorker().postMessage({ type: "prefetch", text: input.value });
    typingTimer = window.setTimeout(function () {
      var query = input.value.trim();
      if (query !== stateFromUrl().query) navigate(query, {}, true);
    }, 300);
  });
  input.addEventListener("compositionend", function () {
    input.dispatchEvent(new Event("input"));
  });

  more.addEventListener("click", function () {
    var before = app.querySelectorAll(".search-result-title a").length, state = current;
    completed(state).then(function () { return showMore(state); }).then(function () {
      var next = app.querySelectorAll(".search-result-title a")[before];
      if (next) next.focus();
    });
  });

  window.addEventListener("popstate", function () { run(stateFromUrl()); });

  // The index is fetched on this page only, and only once there is something to search;
  // focusing the box starts the worker and fetches the manifest, so the first answer comes
  // sooner.
  input.addEventListener("focus", function () { searchWorker().postMessage({ type: "warm" }); }, { once: true });
  run(stateFromUrl());
})();
