// Runs the browser's search code (search-core.js, real lunr.js 2.3.9 from node_modules)
// for the Python tests: `node harness.js COMMAND < payload.json` prints a JSON answer.
"use strict";
const fs = require("fs");
const path = require("path");
const lunr = require("lunr");
const zlib = require("zlib");

// An index file as the browser gets it: gzip-compressed unless the build was told not to.
function readIndexFile(folder, file) {
  let data = fs.readFileSync(path.join(folder, file));
  if (data[0] === 0x1f && data[1] === 0x8b) data = zlib.gunzipSync(data);
  return JSON.parse(data.toString("utf8"));
}
const core = require("../../themes/archive/static/js/search-core.js");

function read(stream) {
  return new Promise((resolve) => {
    let data = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk) => { data += chunk; });
    stream.on("end", () => resolve(data));
  });
}

function vocabLookup(terms) {
  const byFirst = new Map();
  for (const term of terms) {
    const first = String.fromCodePoint(term.codePointAt(0));
    if (!byFirst.has(first)) { const s = new Set(); s.maxLength = 0; byFirst.set(first, s); }
    const set = byFirst.get(first);
    set.add(term);
    set.maxLength = Math.max(set.maxLength, Array.from(term).length);
  }
  const empty = new Set(); empty.maxLength = 0;
  return (ch) => byFirst.get(ch) || empty;
}

const commands = {
  // {t2s, texts: [...]} → folded texts
  fold: (p) => p.texts.map((t) => core.fold(t, p.t2s)),
  // {t2s, cases: [{query, vocabulary}]} → [[{term, start}]]
  cut: (p) => p.cases.map((c) => core.cutQuery(c.query, vocabLookup(c.vocabulary), p.t2s).tokens),
  // {index, queries: [{query, filters, complete, facets}]} → answers of the sharded index, read from
  // disk (few: SEARCH["QUERY_FEW"] as if the site were built with it; fresh: a new engine for
  // each query, as a first query on the page; fetched: the files each query read)
  search: async (p) => {
    let files = [];
    const open = () => core.Engine.open((file) => { files.push(file); return Promise.resolve(readIndexFile(p.index, file)); });
    let engine = await open();
    if (p.few) engine.manifest.query = Object.assign({}, engine.manifest.query, { few: p.few });
    const out = [];
    for (const q of p.queries) {
      if (p.fresh && out.length) {
        engine = await open();
        if (p.few) engine.manifest.query = Object.assign({}, engine.manifest.query, { few: p.few });
      }
      files = [];
      const answer = await engine.search(q.query, q.filters || {}, { complete: !!q.complete, facets: !!q.facets });
      const records = await engine.records(answer.results.map((r) => r.ref));
      out.push({
        tokens: answer.tokens.map((t) => t.term),
        words: answer.words,
        full: answer.full,
        complete: answer.complete,
        settled: answer.settled,
        fetched: files,
        fallback: answer.fallback,
        groups: answer.groups,
        results: answer.results.map((r) => ({
          ref: r.ref, score: r.score, phrase: r.phrase, tier: r.tier, words: r.words, via: r.via,
          url: records[r.ref].u, title: records[r.ref].t,
          marks: core.snippet(records[r.ref].x, core.markTerms(r, answer), engine.t2s, 120)
            .filter((p) => p.mark).map((p) => p.text) })),
        facets: answer.facets,
      });
    }
    return { version: lunr.version, answers: out, shardsLoaded: Object.keys(engine.parts).length,
             offsetsLoaded: Object.keys(engine.offsets).length, shards: engine.manifest.shards,
             t2sLoaded: Object.keys(engine.t2sLoaded).length };
  },
  // {index, queries: [[[term, boost], ...]]} → [{ref: [score, [matched terms]]}]: the
  // sharded index's scores of OPTIONAL clauses with these boosts (search-core scoreClauses)
  score: async (p) => {
    const engine = await core.Engine.open((file) => Promise.resolve(readIndexFile(p.index, file)));
    const out = [];
    for (const clauses of p.queries) {
      await engine.prepare(clauses.map((c) => c[0]), []);
      const scored = core.scoreClauses(new Map(clauses), (t) => engine.indexFor(t));
      const scores = {};
      scored.forEach((doc, ref) => { scores[ref] = [doc.score, Array.from(doc.matched).sort()]; });
      out.push(scores);
    }
    return out;
  },
  // {index, cases: [[query, ref]]} → [tier of ref among the query's results, or null]: does
  // each query find its article (and with every word: tier 0 or 1)?
  finds: async (p) => {
    const engine = await core.Engine.open((file) => Promise.resolve(readIndexFile(p.index, file)));
    const out = [];
    for (const [query, ref] of p.cases) {
      const answer = await engine.search(query, {});
      const hit = answer.results.find((r) => r.ref === ref);
      out.push(hit ? hit.tier : null);
    }
    return out;
  },
  // {shards: [path], offsets: [path]} → what the browser unpacks them to
  unpack: (p) => ({
    shards: p.shards.map((f) => core.unpackShard(readIndexFile(path.dirname(f), path.basename(f)))),
    offsets: p.offsets.map((f) => core.unpackOffsets(readIndexFile(path.dirname(f), path.basename(f)))),
  }),
  // {head, tail, fields} → one term's packed postings with a layer added
  merge: (p) => core.mergePostings(p.head, p.tail, p.fields),
  // {manifest, texts} → the t2s buckets each text needs
  t2sBuckets: (p) => p.texts.map((t) => core.t2sBuckets(t, p.manifest)),
  // {text, terms, t2s, width} → snippet pieces
  snippet: (p) => core.snippet(p.text, p.terms, p.t2s, p.width),
};

(async () => {
  const command = commands[process.argv[2]];
  if (!command) throw new Error("unknown command " + process.argv[2]);
  const payload = JSON.parse(await read(process.stdin));
  process.stdout.write(JSON.stringify(await command(payload)));
})().catch((error) => { console.error(error.stack || error); process.exit(1); });
