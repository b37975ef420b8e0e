/* The search of 基层档案 in a Web Worker: fetching, inflating and parsing index files, lunr's
 * scoring and the snippets run here, off the page's thread, so typing and scrolling stay
 * smooth while a query is answered and the page only turns answers into DOM nodes
 * (search.js). The build ships it as one same-origin file, search/worker.js, after lunr.js
 * and search-core.js (plugins/search/generator.py), as the Content-Security-Policy requires
 * (worker-src 'self').
 *
 * Messages from the page:
 *   {type: "init", index}               remember where the index is
 *   {type: "manifest", manifest}        the manifest, which the page fetched while this
 *                                       worker was loading (or {error})
 *   {type: "warm"}                      fetch the manifest now (the box got the focus)
 *   {type: "prefetch", text}            fetch what cutting this text will need
 *   {type: "search", id, query, filters, complete, facets}
 *        → {type: "answer", id, words, results, full, complete, facets, groups}
 *        (complete: every result; facets: and the facets; see search-core.js Engine.search)
 *   {type: "records", id, search, refs}  the records (with snippets) of results to show
 *        → {type: "record", id, ref, record} for each, as soon as it has arrived
 * and {type: "error", id, message} when something fails.
 */
"use strict";
var core = self.ArchiveSearchCore, enginePromise = null, base = "", build = "", answers = {};
var handed = null, hand = null;   // the manifest the page fetched, and its resolver

function load(path) {
  var manifest = path === "manifest.json";
  if (manifest && handed) {
    return handed.then(function (data) { build = data.build || ""; return data; });
  }
  // The manifest is revalidated on every visit; the other files carry its build id, so a
  // browser never mixes files cached from an older build with a newer manifest.
  var url = base + path + (!manifest && build ? "?v=" + encodeURIComponent(build) : "");
  return fetch(url, manifest ? { cache: "no-cache" } : {}).then(function (response) {
    if (!response.ok) throw new Error(path + ": HTTP " + response.status);
    return response.arrayBuffer();
  }).then(parse).then(function (data) {
    if (manifest) build = data.build || "";
    return data;
  });
}

/* JSON from an index file. Files are gzip-compressed by the build; a host that serves them
 * with Content-Encoding: gzip has inflated them already, hence the magic-number test. */
function parse(buffer) {
  var bytes = new Uint8Array(buffer);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    var stream = new Response(bytes).body.pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text().then(JSON.parse);
  }
  return Promise.resolve(JSON.parse(new TextDecoder("utf-8").decode(bytes)));
}

function engine() {
  if (!enginePromise) enginePromise = core.Engine.open(load);
  return enginePromise;
}

/* A record as the page shows it: without its text, with the snippet made here. */
function shown(index, record, terms) {
  var out = {};
  Object.keys(record).forEach(function (key) { if (key !== "x") out[key] = record[key]; });
  out.snippet = core.snippet(record.x || "", terms, index.t2s, 120);
  return out;
}

self.onmessage = function (event) {
  var message = event.data;
  if (message.type === "init") {
    base = message.index;
    handed = new Promise(function (resolve, reject) { hand = { resolve: resolve, reject: reject }; });
    return;
  }
  if (message.type === "manifest") {
    if (message.error) hand.reject(new Error(message.error)); else hand.resolve(message.manifest);
    return;
  }
  var reply = function (promise) {
    promise.catch(function (error) {
      self.postMessage({ type: "error", id: message.id, message: String(error && error.message || error) });
    });
  };
  if (message.type === "warm") {
    reply(engine());
  } else if (message.type === "prefetch") {
    reply(engine().then(function (index) { return index.prefetch(message.text); }));
  } else if (message.type === "search") {
    reply(engine().then(function (index) {
      return index.search(message.query, message.filters, { complete: message.complete, facets: message.facets }).then(function (answer) {
        // Kept for the records the page asks for next (the terms to mark in each); the page
        // asks only about its latest queries.
        answers[message.id] = { answer: answer, index: index };
        Object.keys(answers).forEach(function (id) { if (id < message.id - 2) delete answers[id]; });
        self.postMessage({
          type: "answer", id: message.id, words: answer.words, full: answer.full,
          complete: answer.complete, facets: answer.facets, groups: answer.groups,
          results: answer.results.map(function (r) {
            return { ref: r.ref, tier: r.tier, phrase: r.phrase, words: r.words, via: r.via };
          })
        });
      });
    }));
  } else if (message.type === "records") {
    var kept = answers[message.search];
    if (!kept) return;
    var byRef = {};
    kept.answer.results.forEach(function (r) { byRef[r.ref] = r; });
    // Every record is fetched at once and each sent as soon as it is in: the page shows the
    // first result without waiting for the tenth.
    reply(Promise.all(message.refs.map(function (ref) {
      return kept.index.records([ref]).then(function (records) {
        self.postMessage({ type: "record", id: message.id, ref: ref,
                           record: shown(kept.index, records[ref], core.markTerms(byRef[ref], kept.answer)) });
      });
    })));
  }
};
