/* Search core of 基层档案: folding, query cutting, querying the sharded lunr index, facets,
 * snippets. No DOM here, so node runs the same code in the tests (tests/search/).
 *
 * It mirrors plugins/zhtext/fold.py (fold), plugins/zhtext/segment.py (runs, cut_query)
 * and plugins/search/writer.py (Partition, the score arithmetic), and reads the synonym
 * table plugins/search/synonyms.py puts in the manifest: change them together.
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
   * vocabFor(ch, next) gives a Set of index terms starting with ch that holds every one
   * starting with ch then next (the part of a busy character's shard holding them), or null
   * when that file is not loaded yet: the result is then {need: ch, next} and the caller
   * loads it and cuts again. */
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
        var terms = vocabFor(chars[i], chars[i + 1]);
        if (terms === null || terms === undefined) return { need: chars[i], next: chars[i + 1] };
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

  /* The serialized lunr 2.3.9 index a packed shard holds (writer.expand_shard): per term, per
   * field, n, then n document numbers as gaps, then n weights × 1000 (document refs are
   * numbers in base 36). Field vectors are the same postings by field and document, in term
   * order, as lunr.Vector wants them. */
  function unpackShard(packed) {
    var fields = packed.fields, inverted = [], vectors = new Map();
    for (var index = 0; index < packed.terms.length; index++) {
      var flat = packed.postings[index], entry = { _index: index }, at = 0;
      for (var f = 0; f < fields.length; f++) {
        var n = flat[at], docs = {}, doc = 0;
        for (var j = 0; j < n; j++) {
          doc += flat[at + 1 + j];
          var ref = doc.toString(36), key = fields[f] + "/" + ref, vector = vectors.get(key);
          docs[ref] = {};
          if (!vector) { vector = []; vectors.set(key, vector); }
          vector.push(index, flat[at + 1 + n + j] / 1000);
        }
        entry[fields[f]] = docs;
        at += 1 + 2 * n;
      }
      inverted.push([packed.terms[index], entry]);
    }
    return { version: packed.version, fields: fields, fieldVectors: Array.from(vectors),
             invertedIndex: inverted, pipeline: packed.pipeline };
  }

  /* term → field → ref → offset gaps, from a packed offsets file (writer.expand_offsets). */
  function unpackOffsets(packed) {
    var out = {};
    for (var t = 0; t < packed.terms.length; t++) {
      var byField = termOffsets(packed.fields, packed.offsets[t]);
      if (Object.keys(byField).length) out[packed.terms[t]] = byField;
    }
    return out;
  }

  /* field → ref → offset gaps of one term's packed offsets. */
  function termOffsets(fields, flat) {
    var byField = {}, at = 0;
    for (var f = 0; f < fields.length; f++) {
      var n = flat[at], docsAt = at + 1, countsAt = at + 1 + n, doc = 0, refs = {};
      at += 1 + 2 * n;
      for (var j = 0; j < n; j++) {
        doc += flat[docsAt + j];
        var count = flat[countsAt + j];
        refs[doc.toString(36)] = flat.slice(at, at + count);
        at += count;
      }
      if (n) byField[fields[f]] = refs;
    }
    return byField;
  }

  /* One term's packed postings with a tail's added: per field, the documents of both in
   * document order (writer.expand_shard's layout: n, n gaps, n weights). */
  function mergePostings(head, tail, fields) {
    var out = [], a = 0, b = 0;
    function read(flat, at) {
      var n = flat[at], docs = [], weights = [], doc = 0;
      for (var j = 0; j < n; j++) {
        doc += flat[at + 1 + j];
        docs.push(doc);
        weights.push(flat[at + 1 + n + j]);
      }
      return { docs: docs, weights: weights, next: at + 1 + 2 * n };
    }
    for (var f = 0; f < fields; f++) {
      var x = read(head, a), y = read(tail, b), docs = [], weights = [], i = 0, j = 0;
      a = x.next; b = y.next;
      while (i < x.docs.length || j < y.docs.length) {
        if (j >= y.docs.length || (i < x.docs.length && x.docs[i] < y.docs[j])) {
          docs.push(x.docs[i]); weights.push(x.weights[i++]);
        } else {
          docs.push(y.docs[j]); weights.push(y.weights[j++]);
        }
      }
      // One push a number: a tail has tens of thousands (push.apply would overflow the stack).
      out.push(docs.length);
      docs.forEach(function (d, k) { out.push(k ? d - docs[k - 1] : d); });
      weights.forEach(function (w) { out.push(w); });
    }
    return out;
  }

  /* A loaded shard: the lunr index and its vocabulary grouped by first character. A term
   * more articles have than the index's head holds has no posting here: its layers (0 its
   * head, the articles where it weighs most; 1 its tail, the others) are files of their own,
   * added as they come (withLayer). split maps it to {index, min: the smallest weight in its
   * head, documents and postings: in all, layers: how many are added}. */
  function Shard(data, layers) {
    var serialized = data.packed ? unpackShard(data) : data;
    this.data = data;
    this.split = new Map();
    var split = this.split;
    (data.split || []).forEach(function (entry) {
      var term = data.terms[entry[0]];
      split.set(term, { index: entry[0], min: entry[1] / 1000, documents: entry[2],
                        postings: entry[3], layers: (layers && layers.get(term)) || 0 });
    });
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

  /* This shard with the next layer of a split term (a t/ file) added: a new Shard. */
  Shard.prototype.withLayer = function (layer) {
    var entry = this.split.get(layer.term), layers = new Map();
    this.split.forEach(function (e, term) { layers.set(term, e.layers); });
    layers.set(layer.term, entry.layers + 1);
    var data = Object.assign({}, this.data), postings = data.postings.slice();
    postings[entry.index] = mergePostings(postings[entry.index], layer.postings, data.fields.length);
    data.postings = postings;
    return new Shard(data, layers);
  };

  Shard.prototype.vocab = function (ch) {
    return this.byFirst.get(ch) || EMPTY;
  };

  /* A term's number of postings (one per field of an article that has it), in the whole
   * index (a split term's too). */
  Shard.prototype.postings = function (term) {
    var entry = this.index.invertedIndex[term], count = 0;
    if (!entry) return 0;
    if (this.split.has(term)) return this.split.get(term).postings;
    this.index.fields.forEach(function (field) { count += Object.keys(entry[field] || {}).length; });
    return count;
  };
  var EMPTY = new Set();
  EMPTY.maxLength = 0;

  function undelta(gaps) {
    var out = [], at = 0;
    for (var i = 0; i < gaps.length; i++) { at += gaps[i]; out.push(at); }
    return out;
  }

  function codePoints(text) { return Array.from(text); }

  /* ---- The query plan: words, their alternatives, and the lunr clauses. ----
   *
   * A query is cut into words: the terms of forward maximum matching, except that a span the
   * editors' synonym table names (data/synonyms.toml, shipped in the manifest) becomes one
   * word when its ends fall on the cut's boundaries. A word is matched literally by all its
   * terms; it may also be matched, at a lower boost, by an alternative: an equivalent
   * ("same") or related ("near") synonym, or a compound sharing its head morpheme ("sub").
   * Every term is one OPTIONAL lunr clause (so lunr scores every article that has any of
   * them, by its own BM25); which words an article has decides its group:
   *   tier 0  every word literally (or the article holds the typed text itself, see tiled)
   *   tier 1  every word, some through an equivalent synonym
   *   tier 2  the others: partial matches (部分匹配), by how many words they have
   * so a partial or sub-word match never ranks above an article that has every word. */

  var LEVELS = { exact: 3, same: 2, near: 1, sub: 1 };

  /* The synonym table of the manifest, as member text → [{group, member}]. */
  function synonymIndex(manifest) {
    if (manifest._synonyms) return manifest._synonyms;
    var byText = new Map(), groups = (manifest.synonyms && manifest.synonyms.groups) || [];
    var longest = 0;
    groups.forEach(function (group, g) {
      group.members.forEach(function (member, m) {
        if (!byText.has(member[0])) byText.set(member[0], []);
        byText.get(member[0]).push({ group: g, member: m });
        longest = Math.max(longest, codePoints(member[0]).length);
      });
    });
    manifest._synonyms = { byText: byText, groups: groups, longest: longest };
    return manifest._synonyms;
  }

  /* Members of the synonym table written somewhere in the folded text (at any position):
   * the terms of their other members are fetched while the query is still being cut. */
  function synonymsInText(folded, synonyms) {
    var chars = codePoints(folded), out = [];
    for (var i = 0; i < chars.length; i++) {
      for (var n = Math.min(synonyms.longest, chars.length - i); n > 0; n--) {
        var hits = synonyms.byText.get(chars.slice(i, i + n).join(""));
        if (hits) hits.forEach(function (h) { out.push(h); });
      }
    }
    return out;
  }

  /* Words of one cut run: tokens grouped into synonym spans (longest first, left to right,
   * only where a member's ends are token boundaries), each other token a word of its own. */
  function wordsOfRun(part, tokens, synonyms, boosts) {
    var words = [], i = 0;
    while (i < tokens.length) {
      var found = null;
      for (var j = tokens.length; j > i && !found; j--) {
        var text = tokens.slice(i, j).map(function (t) { return t.term; }).join("");
        var hits = synonyms.byText.get(text);
        if (hits) found = { end: j, text: text, hits: hits };
      }
      var end = found ? found.end : i + 1;
      var word = { text: tokens.slice(i, end).map(function (t) { return t.term; }).join(""),
                   tokens: tokens.slice(i, end), run: part.index, alternatives: [] };
      // A character left over where no index term starts (航 of 航天飞机, when no article has
      // 航天) says little: an article that has only such characters is no partial match.
      word.leftover = part.cjk && !found && codePoints(word.text).length === 1 &&
        codePoints(part.run).length > 1;
      if (found) {
        found.hits.forEach(function (hit) {
          var group = synonyms.groups[hit.group], near = !!group.near;
          group.members.forEach(function (member, m) {
            if (m === hit.member || !member[1].length) return;
            addAlternative(word, { terms: member[1], text: member[0], level: near ? "near" : "same",
                                   boost: near ? boosts.near : boosts.same });
          });
        });
      }
      words.push(word);
      i = end;
    }
    return words;
  }

  /* Add an alternative to a word, unless it has one with that text already (the first,
   * stronger one stays). */
  function addAlternative(word, alternative) {
    if (alternative.text === word.text) return;
    if (word.alternatives.some(function (a) { return a.text === alternative.text; })) return;
    word.alternatives.push(alternative);
  }

  /* The lunr clauses of a plan: term → boost (a term's literal boost wins over an
   * alternative's; one clause per term, as lunr would add up repeated clauses). */
  function clausesOf(words, extra) {
    var clauses = new Map();
    function add(term, boost) {
      if (!clauses.has(term) || clauses.get(term) < boost) clauses.set(term, boost);
    }
    words.forEach(function (w) { w.tokens.forEach(function (t) { add(t.term, 1); }); });
    words.forEach(function (w) {
      w.alternatives.forEach(function (a) { a.terms.forEach(function (t) { add(t, a.boost); }); });
    });
    (extra || []).forEach(function (e) { add(e.term, e.boost); });
    return clauses;
  }

  /* Scores of the clauses, summed over the shards: {ref: {score, matched: Set of terms}}.
   * lunr scores a document in one shard as Σ_fields (q · d) / |q_s|, where q_s holds the
   * boosts of the clauses whose terms that shard has; one index holding every term divides
   * by |q| instead, with |q|² = Σ_s |q_s|². So each shard's score is multiplied by
   * |q_s| / |q| and the shards added: the score of the same query in one lunr index
   * (tests/search/test_equivalence.py). indexFor(term) gives the loaded Shard holding the
   * term, or undefined when no article has it. */
  function scoreClauses(clauses, indexFor) {
    var byShard = new Map(), total = 0;
    clauses.forEach(function (boost, term) {
      var shard = indexFor(term);
      if (!shard) return;
      if (!byShard.has(shard)) byShard.set(shard, { terms: [], norm: 0 });
      var entry = byShard.get(shard);
      entry.terms.push(term);
      entry.norm += boost * boost;
      total += boost * boost;
    });
    var out = new Map();
    if (!total) return out;
    total = Math.sqrt(total);
    byShard.forEach(function (entry, shard) {
      var results = shard.index.query(function (q) {
        entry.terms.forEach(function (term) {
          q.term(term, { boost: clauses.get(term), usePipeline: false });
        });
      });
      var factor = Math.sqrt(entry.norm) / total;
      results.forEach(function (r) {
        var doc = out.get(r.ref);
        if (!doc) { doc = { score: 0, matched: new Set() }; out.set(r.ref, doc); }
        doc.score += r.score * factor;
        Object.keys(r.matchData.metadata).forEach(function (t) { doc.matched.add(t); });
      });
    });
    return out;
  }

  /* True when, in one field, every token occurs at its offset from the first token.
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

  /* True when the article holds the run's text, cut any way its own terms allow: some field
   * has index terms that tile the run end to end at consecutive offsets (pieces: every index
   * term inside the run, {term, from, to} in code points). A query word the index cut
   * differently in this article (志愿服务 + 队 against 志愿 + 服务队) is then still there. */
  function tiled(pieces, length, ref, offsetsOf) {
    var fields = {};
    pieces.forEach(function (p) {
      var byField = offsetsOf(p.term) || {};
      Object.keys(byField).forEach(function (field) {
        var gaps = byField[field][ref];
        if (!gaps) return;
        if (!fields[field]) fields[field] = [];
        fields[field].push({ piece: p, at: new Set(undelta(gaps)) });
      });
    });
    return Object.keys(fields).some(function (field) {
      var found = fields[field], starts = new Set();
      found.forEach(function (f) { if (f.piece.from === 0) f.at.forEach(function (a) { starts.add(a); }); });
      return Array.from(starts).some(function (origin) {
        var reach = new Array(length + 1).fill(false);
        reach[0] = true;
        for (var i = 0; i < length; i++) {
          if (!reach[i]) continue;
          for (var k = 0; k < found.length; k++) {
            var p = found[k].piece;
            if (p.from === i && found[k].at.has(origin + i)) reach[p.to] = true;
          }
        }
        return reach[length];
      });
    });
  }

  /* How an article with these matched terms has a word: {level: "exact", "same", "near",
   * "sub" or null, via: the alternative's text when not exact}. */
  function wordLevel(word, matched) {
    if (word.tokens.every(function (t) { return matched.has(t.term); })) return { level: "exact", via: null };
    var best = { level: null, via: null };
    word.alternatives.forEach(function (a) {
      if (!a.terms.every(function (t) { return matched.has(t); })) return;
      if (!best.level || LEVELS[a.level] > LEVELS[best.level]) best = { level: a.level, via: a.text };
    });
    return best;
  }

  /* Rank scored articles: [{ref, score, tier, phrase, words: [level], via: [text], weight,
   * matched}] best first. runChecks: [{index, pieces, length}] of the runs whose typed text
   * is looked for however the index cut it (null when not). */
  function classify(plan, scored, offsetsOf, runChecks) {
    var literal = [];
    plan.words.forEach(function (w) { w.tokens.forEach(function (t) { literal.push(t); }); });
    var out = [];
    scored.forEach(function (doc, ref) {
      var found = plan.words.map(function (w) { return wordLevel(w, doc.matched); });
      var phrase = false;
      (runChecks || []).forEach(function (run) {
        var mine = [];
        plan.words.forEach(function (w, i) { if (w.run === run.index) mine.push(i); });
        if (mine.every(function (i) { return found[i].level === "exact"; })) return;
        if (tiled(run.pieces, run.length, ref, offsetsOf)) {
          mine.forEach(function (i) { found[i] = { level: "exact", via: null }; });
          if (mine.length === plan.words.length) phrase = true;
        }
      });
      var levels = found.map(function (f) { return f.level; }), rank = standing(plan, levels);
      if (rank.tier === 0 && !phrase && literal.length > 1 && offsetsOf) {
        phrase = hasPhrase(literal, ref, offsetsOf);
      }
      out.push({ ref: ref, score: doc.score, tier: rank.tier, phrase: phrase, words: levels,
                 via: found.map(function (f) { return f.via; }), weight: rank.weight, matched: doc.matched });
    });
    return out.sort(order);
  }

  /* An article's tier and weight from how it has each word (its level). */
  function standing(plan, levels) {
    var exact = levels.every(function (l) { return l === "exact"; });
    var tier = exact ? 0 : levels.every(function (l) { return l === "exact" || l === "same"; }) ? 1 : 2;
    var weight = 0;
    levels.forEach(function (l, i) {
      if (!plan.words[i].leftover) weight += l === "exact" || l === "same" ? 1 : l ? 0.5 : 0;
    });
    return { tier: tier, weight: weight };
  }

  /* An article that has none of the words, only terms that cross them or characters left
   * over, shows nothing a citizen asked for. */
  function useful(r) { return r.tier < 2 || r.weight > 0; }

  /* Are the first `depth` results of the heads the index's first `depth`, in order, whatever
   * the pending tails hold? (Fagin's threshold test.) An article missing a split term t may
   * have it in t's tail, weighing at most t's smallest head weight; so at best it has every
   * such term, scores that much more and holds the phrase. The first page is settled when no
   * article, scored or not (an article in no head at all: only tails), could at best rank
   * above a result it is now below. all: every scored article (classify); ranked: the
   * useful ones, in order; pending: [{term, min}] split terms without their tail; clauses:
   * term → boost; norm: the query vector's length (scoreClauses divides by it). */
  function settled(plan, all, ranked, pending, clauses, norm, depth) {
    if (ranked.length < depth) return false;
    var literal = [];
    plan.words.forEach(function (w) { w.tokens.forEach(function (t) { literal.push(t.term); }); });
    var top = ranked.slice(0, depth), place = new Map();
    top.forEach(function (r, i) { place.set(r.ref, i); });
    function atBest(ref, matched, score, phrase) {
      var more = new Set(matched), extra = 0, lacksLiteral = false;
      pending.forEach(function (p) {
        if (matched.has(p.term)) return;
        more.add(p.term);
        extra += clauses.get(p.term) * p.min / norm;
        if (literal.indexOf(p.term) >= 0) lacksLiteral = true;
      });
      var rank = standing(plan, plan.words.map(function (w) { return wordLevel(w, more).level; }));
      return { ref: ref, score: score + extra, tier: rank.tier, weight: rank.weight,
               phrase: phrase || (rank.tier === 0 && literal.length > 1 && lacksLiteral) };
    }
    // "-1": an unscored article wins any tie.
    if (order(top[depth - 1], atBest("-1", new Set(), 0, false)) >= 0) return false;
    return all.every(function (d) {
      var at = place.has(d.ref) ? place.get(d.ref) : depth;
      return at === 0 || order(top[at - 1], atBest(d.ref, d.matched, d.score, d.phrase)) < 0;
    });
  }

  /* Result order: articles with every word (tier 0, then 1), those that hold the typed text as
   * a phrase first; then partial matches by how many words they have; then by score, then
   * newest (smallest ref). */
  function order(a, b) {
    if (a.tier !== b.tier) return a.tier - b.tier;
    if (a.tier < 2 && a.phrase !== b.phrase) return a.phrase ? -1 : 1;
    if (a.tier === 2 && a.weight !== b.weight) return b.weight - a.weight;
    if (b.score !== a.score) return b.score - a.score;
    return parseInt(a.ref, 36) - parseInt(b.ref, 36);
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
    this.offsets = {};     // key → term offsets (p/ files), for phrases
    this.offsetLoads = {};
    this.t2s = {};
    this.t2sLoaded = {};
    this.facetTable = null;
    this.groupTable = null;
    this.recordChunks = {};
    this.layerLoads = {};       // "key.i.j" → promise of layer j of the part's i-th term, added
    this.layerOffsetLoads = {};
    this.layersOf = {};         // key → [i, j] of the layers asked for
  }

  // Boosts of the alternatives, relative to a typed word's 1 (SEARCH["QUERY_BOOSTS"]).
  var DEFAULT_BOOSTS = { same: 0.5, near: 0.3, sub: 0.2, piece: 0.1 };
  // Fewer articles than this with every word: the query also looks for the typed text cut
  // the index's other ways, and for compounds sharing a word's head (a results page).
  var FEW = 10;
  // Compounds sharing a head morpheme, at most (the most frequent first).
  var COMPOUNDS = 8;
  // The results the heads must settle before an answer: the page's first page (search.js).
  var PAGE = 10;
  // A split term's tail is fetched to settle the first page when the term has at most this
  // many heads' worth of articles.
  var TAIL_LIMIT = 3;

  Engine.open = function (load) {
    return load("manifest.json").then(function (manifest) {
      if (manifest.lunr !== lunr.version) {
        throw new Error("index written for lunr " + manifest.lunr + ", page has lunr " + lunr.version);
      }
      return new Engine(manifest, load);
    });
  };

  /* Path of an index file from the manifest's patterns ("s/{n}-{k}.json.gz",
   * "t/{key}.{i}.{j}.json.gz"). */
  Engine.prototype.file = function (kind, n, k, j) {
    return this.manifest.files[kind].replace(/\{(n|key)\}/, String(n)).replace(/\{(k|i)\}/, String(k))
      .replace("{j}", String(j));
  };

  Engine.prototype.boosts = function () {
    return Object.assign({}, DEFAULT_BOOSTS, (this.manifest.query && this.manifest.query.boosts) || {});
  };

  /* Below this many articles with every word, the query looks further (SEARCH["QUERY_FEW"]). */
  Engine.prototype.few = function () {
    return (this.manifest.query && this.manifest.query.few) || FEW;
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

  /* A busy character's shard (writer.Partition.heavy) comes in parts. */
  Engine.prototype.isHeavy = function (n) {
    shardOf("a", this.manifest);  // builds manifest._heavy
    return n < this.manifest._heavy.size;
  };

  /* Key of the file holding the terms that start with ch then next ("7" a shared shard,
   * "3-1" part 1 of a busy character's shard 3): the part of next's code point (of ch's for
   * the one-character term), as writer.Partition.bucket. */
  Engine.prototype.keyAt = function (ch, next) {
    var n = this.shardIndex(ch);
    if (!this.isHeavy(n)) return String(n);
    var parts = (this.manifest.heavy_parts || [])[n] || 1;
    return n + "-" + ((next || ch).codePointAt(0) % parts);
  };

  Engine.prototype.termKey = function (term) {
    var chars = codePoints(term);
    return this.keyAt(chars[0], chars[1]);
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

  /* Load the files of these keys (parts or shards), at once. */
  Engine.prototype.loadKeys = function (keys) {
    var self = this;
    return Promise.all(Array.from(new Set(keys)).map(function (key) { return self.loadPart(key); }));
  };

  /* Index terms starting with ch (all that start with ch then next among them), or null while
   * their file is not loaded. */
  Engine.prototype.vocabFor = function (ch, next) {
    var part = this.parts[this.keyAt(ch, next)];
    return part ? part.vocab(ch) : null;
  };

  /* Postings of a term whose file is loaded (0 when no article has it). */
  Engine.prototype.postings = function (term) {
    var part = this.parts[this.termKey(term)];
    return part ? part.postings(term) : 0;
  };

  /* Key of the loaded file holding a term, null if no article has it. */
  Engine.prototype.partKey = function (term) {
    var key = this.termKey(term), part = this.parts[key];
    return part && part.vocab(String.fromCodePoint(term.codePointAt(0))).has(term) ? key : null;
  };

  /* Term offsets of an index, for phrase ranking (only queries of several terms need them). */
  Engine.prototype.loadOffsets = function (key) {
    var self = this;
    if (!this.offsetLoads[key]) {
      var dash = key.indexOf("-");
      var path = dash < 0 ? this.file("positions", key)
        : this.file("part_positions", key.slice(0, dash), key.slice(dash + 1));
      this.offsetLoads[key] = this.load(path).then(function (data) {
        self.offsets[key] = data.packed ? unpackOffsets(data) : data;
        return Promise.all((self.layersOf[key] || []).map(function (l) { return self.loadLayerOffsets(key, l[0], l[1]); }));
      });
    }
    return this.offsetLoads[key];
  };

  /* The split terms among these whose tails are not added: [{term, key, index, min,
   * documents, layers}]. */
  Engine.prototype.pendingTails = function (terms) {
    var self = this, out = [];
    new Set(terms).forEach(function (term) {
      var key = self.partKey(term), entry = key === null ? null : self.parts[key].split.get(term);
      if (entry && entry.layers < 2) out.push(Object.assign({ term: term, key: key }, entry));
    });
    return out;
  };

  /* Add layer j of a split term (0 its head, 1 its tail) to its part, and to the part's
   * offsets when they are loaded. Layers of one term are added in order. */
  Engine.prototype.loadLayer = function (key, i, j) {
    var self = this, id = key + "." + i + "." + j;
    if (!this.layerLoads[id]) {
      (this.layersOf[key] = this.layersOf[key] || []).push([i, j]);
      var before = j ? this.loadLayer(key, i, j - 1) : Promise.resolve();
      var file = this.load(this.file("layer", key, i, j));
      this.layerLoads[id] = Promise.all([file, before]).then(function (got) {
        self.parts[key] = self.parts[key].withLayer(got[0]);
        if (self.offsetLoads[key]) {
          return self.offsetLoads[key].then(function () { return self.loadLayerOffsets(key, i, j); });
        }
      });
    }
    return this.layerLoads[id];
  };

  Engine.prototype.loadTail = function (pending) {
    return this.loadLayer(pending.key, pending.index, 1);
  };

  Engine.prototype.loadLayerOffsets = function (key, i, j) {
    var self = this, id = key + "." + i + "." + j;
    if (!this.layerOffsetLoads[id]) {
      this.layerOffsetLoads[id] = this.load(this.file("layer_positions", key, i, j)).then(function (layer) {
        var byField = termOffsets(layer.fields, layer.offsets);
        var mine = self.offsets[key][layer.term] = self.offsets[key][layer.term] || {};
        Object.keys(byField).forEach(function (f) { mine[f] = Object.assign(mine[f] || {}, byField[f]); });
      });
    }
    return this.layerOffsetLoads[id];
  };

  /* Add the heads of the split terms among these (loaded parts). */
  Engine.prototype.loadHeads = function (terms) {
    var self = this;
    return Promise.all(this.pendingTails(terms).filter(function (p) { return !p.layers; })
      .map(function (p) { return self.loadLayer(p.key, p.index, 0); }));
  };

  /* Cut each run of the folded query, fetching the vocabulary of each character where a term
   * starts: [{index, run, start, cjk, tokens}]. */
  Engine.prototype.cutRuns = async function (parts) {
    var self = this, out = [];
    for (var p = 0; p < parts.length; p++) {
      var part = parts[p];
      if (!part.cjk) {
        out.push({ index: p, run: part.run, start: part.start, cjk: false,
                   tokens: [{ term: part.run, start: part.start }] });
        continue;
      }
      for (;;) {
        var result = cutQuery(part.run, function (ch, next) { return self.vocabFor(ch, next); }, {});
        if (!result.need) {
          out.push({ index: p, run: part.run, start: part.start, cjk: true,
                     tokens: result.tokens.map(function (t) { return { term: t.term, start: part.start + t.start }; }) });
          break;
        }
        await this.loadPart(this.keyAt(result.need, result.next));
      }
    }
    return out;
  };

  /* Load the files of these terms, and the offsets of some (a term's file is known from
   * its first two characters: no vocabulary is needed first). */
  Engine.prototype.prepare = async function (terms, offsetTerms) {
    var self = this;
    await this.loadKeys(terms.concat(offsetTerms || []).map(function (t) { return self.termKey(t); }));
    await this.loadHeads(terms.concat(offsetTerms || []));
    var offsetKeys = new Set();
    (offsetTerms || []).forEach(function (t) { var k = self.partKey(t); if (k !== null) offsetKeys.add(k); });
    await Promise.all(Array.from(offsetKeys).map(function (key) { return self.loadOffsets(key); }));
  };

  Engine.prototype.indexFor = function (term) {
    var key = this.partKey(term);
    return key === null ? undefined : this.parts[key];
  };

  Engine.prototype.offsetsOf = function (term) {
    var key = this.partKey(term);
    return key === null || !this.offsets[key] ? undefined : this.offsets[key][term];
  };

  Engine.prototype.facets = async function () {
    if (!this.facetTable) this.facetTable = await this.load(this.file("facets"));
    return this.facetTable;
  };

  /* The reprint groups ({originals, of: ref → group}), null when the archive has none. */
  Engine.prototype.groups = async function () {
    if (!this.manifest.groups) return null;
    if (!this.groupTable) this.groupTable = await this.load(this.file("groups"));
    return this.groupTable;
  };

  /* The groups an answer needs. A complete answer counts its stories: the whole table. An
   * answer ranked from the heads shows its first page only: the groups of its first PAGE
   * stories, read from their records' "g" (the page fetches those records anyway; the table
   * is about 100 kB at 100,000 articles, where the rest of such a query is about 130). Results
   * further down are not known to be copies until every result is asked for. */
  Engine.prototype.groupsOf = async function (results, complete) {
    if (!this.manifest.groups) return null;
    if (complete || this.groupTable) return this.groups();
    var groups = { originals: [], of: {} }, stories = new Set(), next = 0;
    while (next < results.length && stories.size < PAGE) {
      var refs = results.slice(next, next + PAGE - stories.size).map(function (r) { return r.ref; });
      next += refs.length;
      var records = await this.records(refs);
      refs.forEach(function (ref) {
        var original = records[ref] && records[ref].g;
        if (!original) { stories.add(ref); return; }
        var at = groups.originals.indexOf(original);
        if (at < 0) at = groups.originals.push(original) - 1;
        groups.of[ref] = at;
        stories.add(original);
      });
    }
    return groups;
  };

  /* Every index term inside a run of the query, as {term, from, to} (code points). */
  Engine.prototype.pieces = function (run) {
    var chars = codePoints(run), out = [];
    for (var i = 0; i < chars.length; i++) {
      var longer = this.vocabFor(chars[i], chars[i + 1]) || EMPTY, single = this.vocabFor(chars[i]) || EMPTY;
      for (var n = Math.min(longer.maxLength || 0, chars.length - i); n > 1; n--) {
        var term = chars.slice(i, i + n).join("");
        if (longer.has(term)) out.push({ term: term, from: i, to: i + n });
      }
      if (single.has(chars[i])) out.push({ term: chars[i], from: i, to: i + 1 });
    }
    return out;
  };

  /* Compounds sharing a word's head morpheme: the longest shorter index term it starts with
   * (志愿者 → 志愿), and the index terms that start with that head (志愿服务队, 志愿活动), the
   * most frequent first. For a word of one term of three characters or more. */
  Engine.prototype.compounds = function (word) {
    if (word.tokens.length !== 1) return [];
    var chars = codePoints(word.tokens[0].term);
    if (chars.length < 3) return [];
    var vocab = this.vocabFor(chars[0], chars[1]) || EMPTY, head = null;
    for (var n = chars.length - 1; n >= 2 && !head; n--) {
      if (vocab.has(chars.slice(0, n).join(""))) head = chars.slice(0, n).join("");
    }
    if (!head) return [];
    var self = this, own = word.tokens[0].term;
    var found = Array.from(vocab).filter(function (t) { return t !== own && t.indexOf(head) === 0; });
    found.sort(function (a, b) { return self.postings(b) - self.postings(a) || (a < b ? -1 : a > b ? 1 : 0); });
    if (found.indexOf(head) > 0) found.splice(found.indexOf(head), 1);
    return [head].concat(found.filter(function (t) { return t !== head; })).slice(0, COMPOUNDS);
  };

  /* Fetch what searching this text will need, as far as it can be known before ranking:
   * the files its cut and its synonyms need, the parts of its terms and, for several terms,
   * their offsets (the page calls it as the citizen types, before Enter). */
  Engine.prototype.prefetch = async function (text) {
    var plan = await this.plan(text), literal = [];
    plan.words.forEach(function (w) { w.tokens.forEach(function (t) { literal.push(t.term); }); });
    await this.prepare(Array.from(clausesOf(plan.words).keys()), literal.length > 1 ? literal : []);
  };

  /* The plan of a query: {runs, words, literal}. */
  Engine.prototype.plan = async function (query) {
    await this.loadT2s(query);
    var folded = fold(query, this.t2s), parts = runs(folded), self = this;
    var synonyms = synonymIndex(this.manifest), boosts = this.boosts();
    // A term starts at the first character of every run, and the synonyms the text may name
    // have terms of their own: fetch the files of those together (each holds the terms and
    // their postings); the ones further into a run follow as the matching advances.
    var keys = parts.map(function (p) { return self.termKey(p.run); });
    synonymsInText(folded, synonyms).forEach(function (hit) {
      synonyms.groups[hit.group].members.forEach(function (m) {
        m[1].forEach(function (t) { keys.push(self.termKey(t)); });
      });
    });
    await this.loadKeys(keys);
    var cut = await this.cutRuns(parts), words = [];
    cut.forEach(function (part) { words = words.concat(wordsOfRun(part, part.tokens, synonyms, boosts)); });
    return { folded: folded, runs: cut, words: words, boosts: boosts };
  };

  /* Look for the plan's clauses: {all: every scored article, ranked, pending: the split
   * terms whose tails were not needed}. runChecks: [{index, pieces, length}] of the runs whose
   * text is searched for cut the index's other ways. Ranked from the heads of common terms,
   * their tails fetched (the rarest first) until the first page is settled; every tail when
   * `complete` (every result, in order). */
  Engine.prototype.evaluate = async function (plan, extra, runChecks, complete) {
    var self = this, clauses = clausesOf(plan.words, extra), terms = Array.from(clauses.keys());
    var literal = [];
    plan.words.forEach(function (w) { w.tokens.forEach(function (t) { literal.push(t.term); }); });
    var offsetTerms = literal.length > 1 ? literal.slice() : [];
    (runChecks || []).forEach(function (r) { r.pieces.forEach(function (p) { offsetTerms.push(p.term); }); });
    await this.prepare(terms, offsetTerms);
    var norm = 0;
    clauses.forEach(function (boost, term) { if (self.indexFor(term)) norm += boost * boost; });
    norm = Math.sqrt(norm);
    for (;;) {
      var pending = this.pendingTails(complete ? terms.concat(offsetTerms) : terms);
      if (complete && pending.length) {
        await Promise.all(pending.map(function (p) { return self.loadTail(p); }));
        continue;
      }
      var scored = scoreClauses(clauses, function (term) { return self.indexFor(term); });
      var all = classify(plan, scored, offsetTerms.length ? function (term) { return self.offsetsOf(term); } : null,
                         runChecks || null);
      var ranked = all.filter(useful);
      var done = !pending.length || settled(plan, all, ranked, pending, clauses, norm, PAGE);
      pending.sort(function (a, b) { return a.documents - b.documents; });
      // A tail of a few heads' worth is worth fetching to settle the page; a word most
      // articles have is not (its tail is most of the index's postings of it): the heads'
      // first page then stands, the articles where each word weighs most (settled: false).
      if (done || pending[0].documents > TAIL_LIMIT * (this.manifest.head || Infinity)) {
        return { all: all, ranked: ranked, pending: pending, settled: done };
      }
      await this.loadTail(pending[0]);
    }
  };

  /* {words, results (filtered, ranked; tier 2 = partial), full, complete, settled, facets,
   * groups}. With common words the results may be ranked from their heads: then `complete`
   * is false and results and full count what the heads hold (at least that many). The first
   * page is the index's own when `settled` (the heads, and tails of a few heads' worth,
   * settle it: evaluate); otherwise the results are the heads' articles with every word,
   * those where the words weigh most, by their score. options.complete: every tail, so every
   * result in order; options.facets: that and the facets (null otherwise), as filters do. */
  Engine.prototype.search = async function (query, filters, options) {
    var self = this, plan = await this.plan(query);
    var active = Object.keys(filters || {}).some(function (name) { return filters[name]; });
    var withFacets = !!(options && options.facets) || active;
    var complete = !!(options && options.complete) || withFacets;
    var none = { words: [], tokens: [], results: [], full: 0, complete: true, settled: true,
                 facets: withFacets ? [] : null, fallback: false };
    if (!plan.words.length) return none;
    var found = await this.evaluate(plan, null, null, complete), ranked = found.ranked;
    if (!found.settled) {
      // The heads could not settle the first page. Their articles with every word are
      // certain (a word's head holds every field of its articles), so they make the first
      // page when there are enough of them, the articles where the words weigh most. The
      // others' levels are not known (a word may be in a tail): they wait for the tails.
      var certain = ranked.filter(function (r) { return r.tier === 0; });
      if (certain.length >= PAGE) {
        ranked = certain;
      } else {
        found = await this.evaluate(plan, null, null, true);
        ranked = found.ranked;
      }
    }
    var full = ranked.filter(function (r) { return r.tier < 2; }).length, fallback = false;
    var cjkRuns = plan.runs.filter(function (r) { return r.cjk && codePoints(r.run).length >= 2; });
    if (full < this.few() && cjkRuns.length) {
      // Few articles have every word: look for the typed text however the index cut it in
      // each article (every index term inside a run, the typed text tiled end to end), and
      // for compounds sharing a word's head morpheme, both at a low boost.
      fallback = true;
      // Every term inside the run: the file of each two characters, and of each one.
      var inside = [];
      cjkRuns.forEach(function (r) {
        var chars = codePoints(r.run);
        chars.forEach(function (ch, i) { inside.push(self.keyAt(ch, chars[i + 1]), self.keyAt(ch)); });
      });
      await this.loadKeys(inside);
      var boosts = plan.boosts, checks = [], extra = [];
      var documents = this.manifest.documents || 1;
      cjkRuns.forEach(function (run) {
        var pieces = self.pieces(run.run);
        checks.push({ index: run.index, pieces: pieces, length: codePoints(run.run).length });
        // A single character as common as 的 finds nothing worth scoring: it only helps
        // tile the typed text in articles the other terms found (its offsets, no clause).
        pieces.forEach(function (p) {
          if (p.to - p.from > 1 || self.postings(p.term) <= Math.max(50, documents / 5)) {
            extra.push({ term: p.term, boost: boosts.piece });
          }
        });
        // A term a word starts with (网格 of 网格员, 灵山卫 of 灵山卫街道) is its head morpheme:
        // a sub-word of it. The terms it ends with (街道, 服务队) name only the kind of thing.
        plan.words.forEach(function (w) {
          if (w.run !== run.index) return;
          var from = w.tokens[0].start - run.start, to = from + codePoints(w.text).length;
          pieces.forEach(function (p) {
            if (p.from === from && p.to < to && p.to - p.from > 1 && p.term !== w.text &&
                !w.tokens.some(function (t) { return t.term === p.term; })) {
              addAlternative(w, { terms: [p.term], text: p.term, level: "sub", boost: boosts.piece });
            }
          });
        });
      });
      plan.words.forEach(function (w) {
        // Compounds for a word no article has, or few (志愿者 → 志愿服务队, 志愿活动).
        if (w.tokens.length === 1 && self.postings(w.tokens[0].term) >= self.few()) return;
        self.compounds(w).forEach(function (t) {
          addAlternative(w, { terms: [t], text: t, level: "sub", boost: boosts.sub });
        });
      });
      // The articles with every word keep the score of the typed words (and synonyms): the
      // terms added here only find more articles, they do not reorder those.
      var typed = new Map();
      ranked.forEach(function (r) { typed.set(r.ref, r.score); });
      found = await this.evaluate(plan, extra, checks, true);
      ranked = found.ranked;
      ranked.forEach(function (r) { if (r.tier < 2) r.score = typed.get(r.ref) || 0; });
      ranked.sort(order);
      full = ranked.filter(function (r) { return r.tier < 2; }).length;
    }
    var words = plan.words.map(function (w) {
      return { text: w.text, terms: w.tokens.map(function (t) { return t.term; }), leftover: !!w.leftover,
               run: plan.runs[w.run].run,
               alternatives: w.alternatives.map(function (a) { return { text: a.text, level: a.level }; }) };
    });
    ranked.forEach(function (r) { delete r.matched; });
    var tokens = [].concat.apply([], plan.words.map(function (w) { return w.tokens; }));
    if (!ranked.length) return Object.assign(none, { words: words, tokens: tokens, fallback: fallback });
    var results = ranked, facets = null;
    if (withFacets) {
      var table = await this.facets();
      results = applyFilters(ranked, table, filters || {});
      var shownFull = results.filter(function (r) { return r.tier < 2; });
      facets = countFacets(shownFull.length ? shownFull : results, table);
    }
    return { words: words, tokens: tokens, results: results,
             full: results.filter(function (r) { return r.tier < 2; }).length,
             complete: !found.pending.length, settled: found.settled !== false,
             facets: facets, groups: await this.groupsOf(results, !found.pending.length),
             fallback: fallback };
  };

  /* What to mark in a result's snippet (answer: what search() returned): the typed text of
   * each run, the words it has literally (single characters only when typed alone), and the
   * synonyms or compounds it has them through. */
  function markTerms(result, answer) {
    var terms = new Set();
    answer.words.forEach(function (w, i) {
      terms.add(w.run);
      var level = result.words[i];
      if (level === "exact") {
        w.terms.forEach(function (t) { if (codePoints(t).length > 1 || w.run === t) terms.add(t); });
      } else if (level && result.via[i]) {
        terms.add(result.via[i]);
      }
    });
    return Array.from(terms);
  }

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
    cutQuery: cutQuery, shardOf: shardOf, Shard: Shard, scoreClauses: scoreClauses, hasPhrase: hasPhrase,
    unpackShard: unpackShard, unpackOffsets: unpackOffsets, mergePostings: mergePostings,
    tiled: tiled, classify: classify, wordsOfRun: wordsOfRun, synonymIndex: synonymIndex, markTerms: markTerms,
    applyFilters: applyFilters, countFacets: countFacets, snippet: snippet,
    isCjk: function (ch) { return CJK_CHAR.test(ch); }
  };
});
