/* Search core of 基层档案: folding, query cutting, querying the sharded lunr index, facets,
 * snippets. No DOM here, so node runs the same code in the tests (tests/search/).
 *
 * It mirrors plugins/zhtext/fold.py (fold), plugins/zhtext/segment.py (runs, cut_query)
 * and plugins/search/writer.py (Partition, the score arithmetic): change them together.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("lunr"));
  } else {
    root.ArchiveSearchCore = factory(root.lunr);
  }
})(typeof self !== "undefined" ? self : this, function (lunr) {
  "use strict";

  // The CJK blocks of plugins/zhtext/fold.py: CJK_RANGES.
  var CJK = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{2ebef}\\u{30000}-\\u{3134f}";
  var RUN = new RegExp("([" + CJK + "]+)|([a-z0-9]+)", "gu");
  var CJK_CHAR = new RegExp("^[" + CJK + "]$", "u");
  var SPACE = /\s/;

  /* Fold one code point: full-width Latin letters and digits to ASCII, ideographic and
   * no-break space to space, ASCII lower case, Traditional to Simplified by the map. */
  function foldChar(ch, t2s) {
    var code = ch.codePointAt(0);
    if ((code >= 0xff10 && code <= 0xff19) || (code >= 0xff41 && code <= 0xff5a)) {
      return String.fromCharCode(code - 0xfee0);
    }
    if (code >= 0xff21 && code <= 0xff3a) return String.fromCharCode(code - 0xfee0 + 32);
    if (code >= 0x41 && code <= 0x5a) return String.fromCharCode(code + 32);
    if (code === 0x3000 || code === 0xa0) return " ";
    return (t2s && Object.prototype.hasOwnProperty.call(t2s, ch)) ? t2s[ch] : ch;
  }

  /* The search folding, code point by code point (length in code points is kept). */
  function foldChars(text, t2s) {
    return Array.from(String(text).normalize("NFC")).map(function (ch) { return foldChar(ch, t2s); });
  }

  function fold(text, t2s) {
    return foldChars(text, t2s).join("");
  }

  /* Which t2s buckets (code point >> 8) the characters of a text need. In the main CJK
   * block only characters the map changes need one (manifest.t2s_bits); elsewhere any
   * character of a bucket that exists. */
  function t2sBuckets(text, manifest) {
    var wanted = {}, available = manifest.t2s, block = manifest.t2s_block;
    if (manifest.t2s_bits && !manifest._t2sBits) {
      var raw = atob(manifest.t2s_bits), bits = new Uint8Array(raw.length);
      for (var i = 0; i < raw.length; i++) bits[i] = raw.charCodeAt(i);
      manifest._t2sBits = bits;
    }
    Array.from(String(text).normalize("NFC")).forEach(function (ch) {
      var code = ch.codePointAt(0), bucket = code >> 8;
      if (block && manifest._t2sBits && code >= block[0] && code <= block[1]) {
        var at = code - block[0];
        if (!(manifest._t2sBits[at >> 3] & (1 << (at & 7)))) return;
      }
      if (available.indexOf(bucket) >= 0) wanted[bucket] = true;
    });
    return Object.keys(wanted).map(Number);
  }

  /* CJK and ASCII letter/digit runs of folded text; start counts code points, not
   * whitespace (as segment.runs). */
  function runs(folded) {
    var out = [], match, spaces = 0, last = 0;
    RUN.lastIndex = 0;
    while ((match = RUN.exec(folded)) !== null) {
      var between = folded.slice(last, match.index);
      for (var i = 0; i < between.length; i++) if (SPACE.test(between[i])) spaces++;
      var before = Array.from(folded.slice(0, match.index)).length;
      last = match.index + match[0].length;
      out.push({ run: match[0], start: before - spaces, cjk: match[1] !== undefined });
    }
    return out;
  }

  /* Forward maximum matching against the index vocabulary, as segment.cut_query.
   * vocabFor(ch) gives the Set of index terms starting with ch, or null when that shard is
   * not loaded yet: the result is then {need: ch} and the caller loads it and cuts again. */
  function cutQuery(query, vocabFor, t2s) {
    var tokens = [];
    var parts = runs(fold(query, t2s));
    for (var p = 0; p < parts.length; p++) {
      var part = parts[p];
      if (!part.cjk) {
        tokens.push({ term: part.run, start: part.start });
        continue;
      }
      var chars = Array.from(part.run), i = 0;
      while (i < chars.length) {
        var terms = vocabFor(chars[i]);
        if (terms === null || terms === undefined) return { need: chars[i] };
        var longest = terms.maxLength || 0, length = 1;
        for (var n = Math.min(longest, chars.length - i); n > 0; n--) {
          if (terms.has(chars.slice(i, i + n).join(""))) { length = n; break; }
        }
        tokens.push({ term: chars.slice(i, i + length).join(""), start: part.start + i });
        i += length;
      }
    }
    return { tokens: tokens };
  }

  /* The shard of a term, from its first character (writer.Partition): a busy character has a
   * shard of its own, listed in manifest.heavy; the others share manifest.light shards. */
  function shardOf(term, manifest) {
    var first = String.fromCodePoint(term.codePointAt(0));
    if (!manifest._heavy) {
      manifest._heavy = new Map();
      Array.from(manifest.heavy || "").forEach(function (ch, i) { manifest._heavy.set(ch, i); });
    }
    var own = manifest._heavy.get(first);
    if (own !== undefined) return own;
    return manifest._heavy.size + first.codePointAt(0) % manifest.light;
  }

  /* A loaded shard: the lunr index and its vocabulary grouped by first character. */
  function Shard(serialized) {
    this.index = lunr.Index.load(serialized);
    this.byFirst = new Map();
    for (var i = 0; i < serialized.invertedIndex.length; i++) {
      var term = serialized.invertedIndex[i][0];
      var first = String.fromCodePoint(term.codePointAt(0));
      var set = this.byFirst.get(first);
      if (!set) { set = new Set(); set.maxLength = 0; this.byFirst.set(first, set); }
      set.add(term);
      set.maxLength = Math.max(set.maxLength, Array.from(term).length);
    }
  }

  Shard.prototype.vocab = function (ch) {
    return this.byFirst.get(ch) || EMPTY;
  };
  var EMPTY = new Set();
  EMPTY.maxLength = 0;

  function undelta(gaps) {
    var out = [], at = 0;
    for (var i = 0; i < gaps.length; i++) { at += gaps[i]; out.push(at); }
    return out;
  }

  /* Score every document that has all terms, summing the shards' lunr scores. lunr divides a
   * document's score by the query vector's length, which in a shard counts only that shard's
   * terms; multiplying by sqrt(terms in shard) / sqrt(all terms) gives the score of one
   * index holding every term. Returns [{ref, score, phrase}] best first: documents that
   * contain the query as an exact phrase, then by score, then newest (smallest ref). */
  function rank(tokens, shardFor, offsetsOf) {
    var seen = {}, terms = [];
    tokens.forEach(function (t) { if (!seen[t.term]) { seen[t.term] = true; terms.push(t.term); } });
    if (!terms.length) return [];
    var groups = new Map();
    terms.forEach(function (term) {
      var shard = shardFor(term);
      if (!groups.has(shard)) groups.set(shard, []);
      groups.get(shard).push(term);
    });
    var total = Math.sqrt(terms.length), combined = null;
    var shardList = Array.from(groups.keys());
    for (var s = 0; s < shardList.length; s++) {
      var shard = shardList[s], shardTerms = groups.get(shard);
      if (!shard) return [];  // a term no article has
      for (var k = 0; k < shardTerms.length; k++) {
        // A term the index does not have: no document has every term.
        if (!shard.vocab(String.fromCodePoint(shardTerms[k].codePointAt(0))).has(shardTerms[k])) return [];
      }
      var results = shard.index.query(function (q) {
        shardTerms.forEach(function (term) {
          q.term(term, { presence: lunr.Query.presence.REQUIRED, usePipeline: false });
        });
      });
      var factor = Math.sqrt(shardTerms.length) / total, scores = new Map();
      results.forEach(function (r) { scores.set(r.ref, r.score * factor); });
      if (combined === null) {
        combined = scores;
      } else {
        var next = new Map();
        combined.forEach(function (score, ref) {
          if (scores.has(ref)) next.set(ref, score + scores.get(ref));
        });
        combined = next;
      }
      if (!combined.size) return [];
    }
    var out = [];
    combined.forEach(function (score, ref) {
      out.push({ ref: ref, score: score, phrase: tokens.length > 1 && !!offsetsOf && hasPhrase(tokens, ref, offsetsOf) });
    });
    out.sort(function (a, b) {
      if (a.phrase !== b.phrase) return a.phrase ? -1 : 1;
      if (b.score !== a.score) return b.score - a.score;
      return parseInt(a.ref, 36) - parseInt(b.ref, 36);
    });
    return out;
  }

  /* True when, in one field, every query token occurs at its offset from the first token.
   * offsetsOf(term) gives {field: {ref: gaps}} (the p/ file of the term's shard). */
  function hasPhrase(tokens, ref, offsetsOf) {
    var first = offsetsOf(tokens[0].term) || {}, fields = Object.keys(first);
    for (var f = 0; f < fields.length; f++) {
      var field = fields[f], sets = [], ok = true;
      for (var i = 0; i < tokens.length; i++) {
        var byField = offsetsOf(tokens[i].term), gaps = byField && byField[field] && byField[field][ref];
        if (!gaps) { ok = false; break; }
        sets.push(new Set(undelta(gaps)));
      }
      if (!ok) continue;
      var firstStart = tokens[0].start;
      var found = Array.from(sets[0]).some(function (at) {
        for (var j = 1; j < tokens.length; j++) {
          if (!sets[j].has(at + tokens[j].start - firstStart)) return false;
        }
        return true;
      });
      if (found) return true;
    }
    return false;
  }

  /* facets.json: per document the indexes of its values. */
  function docValues(entry) {
    if (typeof entry === "number") return entry < 0 ? [] : [entry];
    return entry;
  }

  function refNumber(ref) { return parseInt(ref, 36); }

  /* Keep the results whose values match every active filter {facet: key}. */
  function applyFilters(results, facets, filters) {
    var names = Object.keys(filters).filter(function (n) { return filters[n] && facets.facets[n]; });
    if (!names.length) return results;
    var wanted = names.map(function (name) {
      var values = facets.facets[name].values, index = -1;
      for (var i = 0; i < values.length; i++) if (values[i][0] === filters[name]) index = i;
      return { name: name, index: index };
    });
    return results.filter(function (r) {
      var n = refNumber(r.ref);
      return wanted.every(function (w) {
        return docValues(facets.facets[w.name].docs[n]).indexOf(w.index) >= 0;
      });
    });
  }

  /* Counts per facet value over the results: [{name, label, values: [{key, label, count}]}]. */
  function countFacets(results, facets) {
    return facets.order.map(function (name) {
      var facet = facets.facets[name], counts = {};
      results.forEach(function (r) {
        docValues(facet.docs[refNumber(r.ref)]).forEach(function (i) { counts[i] = (counts[i] || 0) + 1; });
      });
      var values = Object.keys(counts).map(function (i) {
        return { key: facet.values[i][0], label: facet.values[i][1], count: counts[i] };
      });
      values.sort(function (a, b) {
        if (name === "year") return a.key === "undated" ? 1 : b.key === "undated" ? -1 : (a.key < b.key ? 1 : -1);
        return b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
      });
      return { name: name, label: facet.label, values: values };
    });
  }

  /* A snippet of text around the query terms: [{text, mark}] pieces (the caller makes text
   * nodes and <mark> elements of them, never HTML). */
  function snippet(text, terms, t2s, width) {
    width = width || 120;
    var chars = Array.from(String(text)), folded = chars.map(function (ch) { return foldChar(ch, t2s); });
    var foldedText = folded.join("");
    // UTF-16 index in foldedText → code point index.
    var cp = [], count = 0;
    for (var i = 0; i < folded.length; i++) { for (var u = 0; u < folded[i].length; u++) cp.push(count); count++; }
    cp.push(count);
    var marked = new Array(chars.length).fill(false), firsts = [];
    terms.slice().sort(function (a, b) { return b.length - a.length; }).forEach(function (term) {
      if (!term) return;
      var from = 0, at;
      while ((at = foldedText.indexOf(term, from)) >= 0) {
        var a = cp[at], b = cp[at + term.length];
        for (var k = a; k < b; k++) marked[k] = true;
        firsts.push(a);
        from = at + term.length;
      }
    });
    var start = 0;
    if (firsts.length) {
      firsts.sort(function (a, b) { return a - b; });
      // The window that holds the most matches, starting a little before its first one.
      var best = firsts[0], bestCount = 0;
      firsts.forEach(function (f) {
        var n = firsts.filter(function (g) { return g >= f && g < f + width * 0.8; }).length;
        if (n > bestCount) { best = f; bestCount = n; }
      });
      start = Math.max(0, best - Math.floor(width / 4));
    }
    var end = Math.min(chars.length, start + width), pieces = [];
    if (start > 0) pieces.push({ text: "…", mark: false });
    for (var j = start; j < end; j++) {
      var last = pieces[pieces.length - 1];
      if (last && last.mark === marked[j] && last.text !== "…") last.text += chars[j];
      else pieces.push({ text: chars[j], mark: marked[j] });
    }
    if (end < chars.length) pieces.push({ text: "…", mark: false });
    return pieces;
  }


  /* The index as the browser sees it: fetches the manifest, then only the t2s buckets,
   * shards, facet table and record chunks a query needs. load(path) resolves to parsed JSON
   * (fetch in the browser, the file system under node). */
  function Engine(manifest, load) {
    this.manifest = manifest;
    this.load = load;
    this.parts = {};       // loaded lunr indexes by key ("7" a shard, "3-1" part 1 of shard 3)
    this.partLoads = {};   // key → promise of the index
    this.vocabs = {};      // n → vocabulary of a busy character's shard (v/ files)
    this.vocabLoads = {};
    this.offsets = {};     // key → term offsets (p/ files), for phrases
    this.offsetLoads = {};
    this.t2s = {};
    this.t2sLoaded = {};
    this.facetTable = null;
    this.recordChunks = {};
  }

  Engine.open = function (load) {
    return load("manifest.json").then(function (manifest) {
      if (manifest.lunr !== lunr.version) {
        throw new Error("index written for lunr " + manifest.lunr + ", page has lunr " + lunr.version);
      }
      return new Engine(manifest, load);
    });
  };

  /* Path of an index file from the manifest's patterns ("s/{n}-{k}.json.gz"). */
  Engine.prototype.file = function (kind, n, k) {
    return this.manifest.files[kind].replace("{n}", String(n)).replace("{k}", String(k));
  };

  Engine.prototype.loadT2s = async function (query) {
    var self = this;
    var wanted = t2sBuckets(query, this.manifest).filter(function (b) { return !self.t2sLoaded[b]; });
    var maps = await Promise.all(wanted.map(function (b) { return self.load(self.file("t2s", b)); }));
    maps.forEach(function (map, i) { Object.assign(self.t2s, map); self.t2sLoaded[wanted[i]] = true; });
  };

  Engine.prototype.shardIndex = function (term) {
    return shardOf(term, this.manifest);
  };

  /* A busy character's shard (writer.Partition.heavy) comes as a vocabulary and parts. */
  Engine.prototype.isHeavy = function (n) {
    shardOf("a", this.manifest);  // builds manifest._heavy
    return n < this.manifest._heavy.size;
  };

  Engine.prototype.loadPart = function (key) {
    var self = this;
    if (!this.partLoads[key]) {
      var dash = key.indexOf("-");
      var path = dash < 0 ? this.file("shard", key) : this.file("part", key.slice(0, dash), key.slice(dash + 1));
      this.partLoads[key] = this.load(path).then(function (data) {
        self.parts[key] = new Shard(data);
        return self.parts[key];
      });
    }
    return this.partLoads[key];
  };

  /* Make the terms of shard n known: its vocabulary file, or the whole (light) shard. */
  Engine.prototype.loadVocabulary = function (n) {
    var self = this;
    if (!this.isHeavy(n)) return this.loadPart(String(n));
    if (!this.vocabLoads[n]) {
      this.vocabLoads[n] = this.load(this.file("vocab", n)).then(function (entries) {
        var terms = new Set(), part = new Map();
        terms.maxLength = 0;
        entries.forEach(function (entry) {
          terms.add(entry[0]);
          part.set(entry[0], entry[1]);
          terms.maxLength = Math.max(terms.maxLength, Array.from(entry[0]).length);
        });
        self.vocabs[n] = { terms: terms, part: part };
      });
    }
    return this.vocabLoads[n];
  };

  /* Index terms starting with ch, or null while their vocabulary is not loaded. */
  Engine.prototype.vocabFor = function (ch) {
    var n = this.shardIndex(ch);
    if (this.isHeavy(n)) return this.vocabs[n] ? this.vocabs[n].terms : null;
    return this.parts[String(n)] ? this.parts[String(n)].vocab(ch) : null;
  };

  /* Key of the index holding a term (its vocabulary loaded), null if no article has it. */
  Engine.prototype.partKey = function (term) {
    var n = this.shardIndex(term);
    if (!this.isHeavy(n)) return String(n);
    var k = this.vocabs[n].part.get(term);
    return k === undefined ? null : n + "-" + k;
  };

  /* Term offsets of an index, for phrase ranking (only queries of several terms need them). */
  Engine.prototype.loadOffsets = function (key) {
    var self = this;
    if (!this.offsetLoads[key]) {
      var dash = key.indexOf("-");
      var path = dash < 0 ? this.file("positions", key)
        : this.file("part_positions", key.slice(0, dash), key.slice(dash + 1));
      this.offsetLoads[key] = this.load(path).then(function (data) { self.offsets[key] = data; });
    }
    return this.offsetLoads[key];
  };

  /* Fold and cut the query, fetching the vocabulary of each character where a term starts. */
  Engine.prototype.cut = async function (query) {
    await this.loadT2s(query);
    var self = this;
    // A term starts at the first character of every run: fetch those vocabularies together,
    // the ones further into a run follow as the matching advances.
    await Promise.all(runs(fold(query, this.t2s)).map(function (part) {
      return self.loadVocabulary(self.shardIndex(part.run));
    }));
    for (;;) {
      var result = cutQuery(query, function (ch) { return self.vocabFor(ch); }, this.t2s);
      if (!result.need) return result.tokens;
      await this.loadVocabulary(this.shardIndex(result.need));
    }
  };

  /* Load the indexes (and, for a possible phrase, the offsets) of these terms; false when
   * a term is in no article (then no article has them all). */
  Engine.prototype.prepare = async function (terms, phrase) {
    var self = this;
    await Promise.all(terms.map(function (t) { return self.loadVocabulary(self.shardIndex(t)); }));
    var keys = terms.map(function (t) { return self.partKey(t); });
    if (keys.indexOf(null) >= 0) return false;
    keys = Array.from(new Set(keys));
    await Promise.all(keys.map(function (key) { return self.loadPart(key); }).concat(
      phrase ? keys.map(function (key) { return self.loadOffsets(key); }) : []));
    return true;
  };

  Engine.prototype.indexFor = function (term) {
    var key = this.partKey(term);
    return key === null ? undefined : this.parts[key];
  };

  Engine.prototype.facets = async function () {
    if (!this.facetTable) this.facetTable = await this.load(this.file("facets"));
    return this.facetTable;
  };

  /* {tokens, results (filtered, ranked), facets (counts over them)} */
  Engine.prototype.search = async function (query, filters) {
    var self = this, tokens = await this.cut(query);
    var terms = tokens.map(function (t) { return t.term; });
    var phrase = tokens.length > 1;
    if (!terms.length || !(await this.prepare(terms, phrase))) return { tokens: tokens, results: [], facets: [] };
    var ranked = rank(tokens, function (term) { return self.indexFor(term); },
      phrase ? function (term) { return self.offsets[self.partKey(term)][term]; } : null);
    if (!ranked.length) return { tokens: tokens, results: [], facets: [] };
    var table = await this.facets();
    var results = applyFilters(ranked, table, filters || {});
    return { tokens: tokens, results: results, facets: countFacets(results, table) };
  };

  /* The records of these refs, fetching their chunks: {ref: record}. */
  Engine.prototype.records = async function (refs) {
    var self = this, per = this.manifest.records_per_chunk, chunks = {};
    refs.forEach(function (ref) { chunks[Math.floor(refNumber(ref) / per)] = true; });
    // Promises are cached, so refs of one chunk asked for at once fetch it once.
    var loaded = {};
    await Promise.all(Object.keys(chunks).map(async function (c) {
      if (!self.recordChunks[c]) self.recordChunks[c] = self.load(self.file("records", c));
      loaded[c] = await self.recordChunks[c];
    }));
    var out = {};
    refs.forEach(function (ref) { out[ref] = loaded[Math.floor(refNumber(ref) / per)][ref]; });
    return out;
  };

  return {
    Engine: Engine, fold: fold, foldChars: foldChars, foldChar: foldChar, t2sBuckets: t2sBuckets, runs: runs,
    cutQuery: cutQuery, shardOf: shardOf, Shard: Shard, rank: rank, hasPhrase: hasPhrase,
    applyFilters: applyFilters, countFacets: countFacets, snippet: snippet, isCjk: function (ch) { return CJK_CHAR.test(ch); }
  };
});
