"""The index writer: documents → a partitioned lunr index the browser fetches piece by piece.

Layout under the output folder (JSON; all but the manifest gzip-compressed by default, as
`<name>.json.gz`, and inflated by the browser with DecompressionStream: a static host that does
not compress JSON, or Python's http.server, would otherwise send four times the bytes):
  manifest.json        what the browser reads first: counts, fields, shard count, file names
  s/<n>.json           shard n: a standard serialized lunr 2.3.9 index holding the terms that
                       start with the characters of the shard (see Partition), so a shard
                       carries the vocabulary the browser needs to cut a query at a character
  s/<n>-<k>.json       part k of the shard of a busy character (Partition.heavy): whole terms,
  v/<n>.json           with the character's vocabulary [[term, k], ...] in a small file
  p/<n>.json           term → field → document → offsets (gaps) of shard n's title and body
                       terms (p/<n>-<k>.json for parts), fetched only for queries of several
                       terms (phrase ranking)
  r/<n>.json           records (title, url, place, date, kind, text for the snippet) of documents
                       n*k … n*k+k-1, fetched only for the results shown
  facets.json          per document the index of its value in each facet, for counts without
                       fetching any record
  t2s/<n>.json         the Traditional → Simplified character map, split by code point >> 8

BM25 weights are computed here over the whole archive exactly as lunr's Builder does (same
k1, b, field boosts, idf that counts a document once per field, rounding to 3 decimals), so
the score of a document is the sum of its scores in the shards of the query's terms once each
shard's query-vector normalisation is undone (search-core.js). tests/search/test_equivalence.py
checks this against one index built by lunr.py. lunr.py's own builder is not used: it takes
about a minute for 1,000 articles.
"""
from __future__ import annotations

import base64
import gzip
import hashlib
import json
import math
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import orjson

from plugins.buildcache import BuildCache
from plugins.zhtext.fold import t2s_char_map
from plugins.zhtext.segment import Token

from .terms import TermTable

LUNR_VERSION = "2.3.9"
K1 = 1.2
B = 0.75
FORMAT = 1
# lunr's per-posting metadata: none is kept (offsets live in the positions files). One shared
# empty dict, never mutated, instead of millions of new ones.
NO_METADATA: dict = {}
# The block whose Traditional characters the manifest lists as a bitmap (CJK Unified Ideographs).
T2S_BLOCK = (0x4E00, 0x9FFF)


@dataclass
class SearchDocument:
    """One article as the index sees it."""
    # field name → index terms with offsets: Tokens, or (term ids, offsets) of a TermTable
    fields: dict[str, list[Token] | tuple[array, array]]
    record: dict[str, str]                 # shown for a result: t, u, p, d, k, x
    facets: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # name → (key, label)


def ref_of(number: int) -> str:
    """Short document reference (base 36): refs are repeated in every posting."""
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        number, rem = divmod(number, 36)
        out = digits[rem] + out
        if not number:
            return out


def utf16_key(term: str) -> bytes:
    # lunr.js builds its TokenSet from terms inserted in JavaScript string order (UTF-16 code
    # units); Python's order differs for characters outside the BMP.
    return term.encode("utf-16-be")


@dataclass(frozen=True)
class Partition:
    """Which shard holds a term, from its first character: a character with many postings
    (社, 工) has a shard of its own, so a query for 社区 does not also fetch the postings of
    another busy character; the others share `light` shards by code point modulo."""
    heavy: str   # characters with their own shard, in code point order: shard i
    light: int   # shards shared by the other characters: len(heavy) + code point % light

    def of(self, term: str) -> int:
        i = self.heavy.find(term[0])
        return i if i >= 0 else len(self.heavy) + ord(term[0]) % self.light

    @property
    def shards(self) -> int:
        return len(self.heavy) + self.light

    @classmethod
    def plan(cls, postings_by_char: Counter, budget: int) -> "Partition":
        heavy = "".join(sorted(c for c, n in postings_by_char.items() if n * 2 >= budget))
        rest = sum(n for c, n in postings_by_char.items() if c not in heavy)
        return cls(heavy, max(1, math.ceil(rest / budget)))


def write_index(documents: list[SearchDocument], output_dir: str | Path, *,
                fields: dict[str, float], positions: tuple[str, ...] = ("title", "body"),
                postings_per_shard: int = 1500, shards: int | None = None,
                records_per_chunk: int = 1, facet_labels: dict[str, str] | None = None,
                compress: bool = True, terms: TermTable | None = None,
                cache: BuildCache | None = None) -> dict:
    """Write the partitioned index of `documents` (in ranking-tie order) into output_dir and
    return the manifest. `fields` maps field name → boost, in lunr's field order. A document's
    field is a list of Tokens, or (term ids, offsets) arrays of the TermTable `terms`.
    Files of output_dir this index does not have are removed; with a `cache`, a file whose
    JSON is the same as the last build wrote there is left as it is."""
    out = Path(output_dir)
    folder = _IndexFolder(out, cache)
    dump = folder.dump
    suffix = ".json.gz" if compress else ".json"
    files = {"shard": f"s/{{n}}{suffix}", "positions": f"p/{{n}}{suffix}",
             "vocab": f"v/{{n}}{suffix}", "part": f"s/{{n}}-{{k}}{suffix}",
             "part_positions": f"p/{{n}}-{{k}}{suffix}",
             "records": f"r/{{n}}{suffix}",
             "facets": f"facets{suffix}", "t2s": f"t2s/{{n}}{suffix}"}
    for sub in ("s", "p", "v", "r", "t2s"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    n_docs = len(documents)
    field_names = list(fields)
    table = terms if terms is not None else TermTable()
    empty = (array("I"), array("I"))
    encoded = [[_field_tokens(doc.fields.get(name), table, empty) for name in field_names]
               for doc in documents]

    # Pass 1: field lengths and document frequencies (lunr's idf counts a document once per
    # field, so the document frequency is also the number of postings of a term).
    length_sum = [0] * len(field_names)
    doc_freq = [0] * len(table)
    for row in encoded:
        for f, (ids, _) in enumerate(row):
            length_sum[f] += len(ids)
            for tid in set(ids):
                doc_freq[tid] += 1
    average = [(total / n_docs if n_docs else 0.0) for total in length_sum]
    idf = [math.log(1 + abs((n_docs - df + 0.5) / (df + 0.5))) for df in doc_freq]
    postings_total = sum(doc_freq)
    if shards is None:
        by_char: Counter = Counter()
        for tid, df in enumerate(doc_freq):
            if df:
                by_char[table.terms[tid][0]] += df
        partition = Partition.plan(by_char, max(1, postings_per_shard))
    else:
        partition = Partition("", shards)
    shards = partition.shards
    shard_of_term = [partition.of(term) if df else -1
                     for term, df in zip(table.terms, doc_freq)]

    # Pass 2: weights, into compact columns (term, doc, field, weight, offsets) with the list
    # of postings of each shard. Bound methods in locals: this loop runs once per posting.
    col = _Postings()
    add_term, add_doc, add_field = col.term.append, col.doc.append, col.field.append
    add_weight, add_gaps = col.weight.append, col.gaps.append
    of_shard = [array("I") for _ in range(shards)]
    add_to_shard = [a.append for a in of_shard]
    position_fields = {f for f, name in enumerate(field_names) if name in positions}
    posting = 0
    for number, row in enumerate(encoded):
        for f, (ids, starts) in enumerate(row):
            if not ids:
                continue
            boost = fields[field_names[f]]
            # The same float operations, in the same order, as lunr's builder.
            norm = K1 * (1 - B + B * (len(ids) / average[f]))
            if f in position_fields:
                # term → its offsets, in order of first occurrence (as Counter would count).
                where: dict[int, list[int]] = {}
                for tid, start in zip(ids, starts):
                    found = where.get(tid)
                    if found is None:
                        where[tid] = [start]
                    else:
                        found.append(start)
                # Most terms occur once in a field: their one offset is its own gap.
                counted = [(tid, 1, found) if len(found) == 1
                           else (tid, len(found), _deltas(sorted(set(found))))
                           for tid, found in where.items()]
            else:
                counted = [(tid, freq, None) for tid, freq in Counter(ids).items()]
            for tid, freq, gaps in counted:
                add_term(tid)
                add_doc(number)
                add_field(f)
                add_weight(round(idf[tid] * ((K1 + 1) * freq) / (norm + freq) * boost, 3))
                add_gaps(gaps)
                add_to_shard[shard_of_term[tid]](posting)
                posting += 1

    refs = [ref_of(n) for n in range(n_docs)]
    col.name_vectors(field_names, refs)
    budget = max(1, postings_per_shard)
    for s in range(shards):
        if s >= len(partition.heavy):
            shard, offsets = col.build(of_shard[s], table.terms, field_names, refs)
            dump(shard, out / files["shard"].format(n=s))
            dump(offsets, out / files["positions"].format(n=s))
            continue
        # A busy character's terms are cut into parts of about `budget` postings (a term
        # with more has a part of its own), and its vocabulary goes into a small file: the
        # browser cuts the query with the vocabulary, then fetches the parts of its terms.
        groups = _split_by_term(of_shard[s], col.term, table.terms, budget)
        vocabulary = []
        for k, (terms_in_part, part_postings) in enumerate(groups):
            shard, offsets = col.build(part_postings, table.terms, field_names, refs)
            dump(shard, out / files["part"].format(n=s, k=k))
            dump(offsets, out / files["part_positions"].format(n=s, k=k))
            vocabulary += [[term, k] for term in terms_in_part]
        dump(vocabulary, out / files["vocab"].format(n=s))

    chunks = _write_records(documents, out / files["records"], records_per_chunk, dump)
    facet_names = _write_facets(documents, out / files["facets"], facet_labels or {}, dump)
    t2s_buckets = _write_t2s(out / files["t2s"], dump)

    manifest = {
        "format": FORMAT, "lunr": LUNR_VERSION, "documents": n_docs, "files": files,
        "fields": field_names, "boosts": fields, "positions": list(positions),
        "shards": shards, "heavy": partition.heavy, "light": partition.light,
        "records_per_chunk": records_per_chunk, "record_chunks": chunks,
        "facets": facet_names, "t2s": t2s_buckets,
        "t2s_block": [T2S_BLOCK[0], T2S_BLOCK[1]], "t2s_bits": _t2s_bits(),
        "terms": sum(1 for df in doc_freq if df), "postings": postings_total,
    }
    manifest["build"] = folder.digest()
    dump(manifest, out / "manifest.json")
    folder.remove_others()
    return manifest


class _IndexFolder:
    """The index's files. A rebuild after one edit rewrites every shard (the archive's average
    field lengths change every weight) but few position, vocabulary or record files: a file is
    compressed and written only when its JSON differs from what the last build wrote at that
    path (the build cache remembers a digest, and the size and mtime of the file written: a
    file rewritten since, by a build that failed before saving the cache, is written again),
    and files the index no longer has are removed, instead of emptying the folder first."""

    def __init__(self, root: Path, cache: BuildCache | None):
        self.root, self.cache = root, cache
        self.digests: dict[str, str] = {}

    def dump(self, data, path: Path) -> None:
        # orjson writes the same compact UTF-8 JSON as json.dumps(ensure_ascii=False,
        # separators=(",", ":")), several times faster: the index is millions of numbers.
        text = orjson.dumps(data)
        name = path.relative_to(self.root).as_posix()
        digest = self.digests[name] = hashlib.blake2b(text, digest_size=16).hexdigest()

        def write() -> None:
            # mtime=0: the same index gives the same bytes, build after build.
            payload = gzip.compress(text, 6, mtime=0) if path.name.endswith(".gz") else text
            path.write_bytes(payload)

        if self.cache is None:
            write()
        else:
            self.cache.write_unless_unchanged("search.files.v3", digest, path, write)

    def digest(self) -> str:
        """A name for this index's content. The page asks for every file with ?v=<build>, so
        a browser never mixes files it cached from the previous build with the new manifest."""
        digest = hashlib.blake2b(digest_size=8)
        for name in sorted(self.digests):
            digest.update(f"{name}\0{self.digests[name]}\n".encode("utf-8"))
        return digest.hexdigest()

    def remove_others(self) -> None:
        for path in self.root.rglob("*"):
            if path.is_file() and path.relative_to(self.root).as_posix() not in self.digests:
                path.unlink()


def _split_by_term(postings: array, term_of: array, terms: list[str],
                   budget: int) -> list[tuple[list[str], array]]:
    """Postings of one character's shard cut into parts of whole terms, in index order."""
    by_term: dict[int, array] = {}
    for i in postings:
        by_term.setdefault(term_of[i], array("I")).append(i)
    groups: list[tuple[list[str], array]] = []
    size = budget
    for tid in sorted(by_term, key=lambda t: utf16_key(terms[t])):
        if size + len(by_term[tid]) > budget and (not groups or groups[-1][0]):
            groups.append(([], array("I")))
            size = 0
        groups[-1][0].append(terms[tid])
        groups[-1][1].extend(by_term[tid])
        size += len(by_term[tid])
    return groups


def _field_tokens(value, table: TermTable, empty) -> tuple[array, array]:
    if value is None:
        return empty
    if isinstance(value, tuple):
        return value
    return table.encode(value)


class _Postings:
    """All postings, column by column (arrays, not objects: 10,000 articles have millions of
    postings)."""

    def __init__(self):
        self.term, self.doc, self.field = array("I"), array("I"), array("B")
        self.weight = array("d")
        # Per posting, the gaps between its offsets (None for a field without positions):
        # lists, because the offsets file needs them as lists, and most gaps are small ints,
        # which Python shares.
        self.gaps: list[list[int] | None] = []
        self.vector_names: list[str] = []
        self.field_rank: list[int] = []

    def name_vectors(self, field_names: list[str], refs: list[str]) -> None:
        """The "field/ref" name of every field vector, in lunr's order (by that name: field
        name first, then document), made once instead of once per shard."""
        by_name = sorted(range(len(field_names)), key=field_names.__getitem__)
        self.field_rank = [by_name.index(f) for f in range(len(field_names))]
        self.vector_names = [f"{field_names[f]}/{ref}" for f in by_name for ref in refs]

    def build(self, postings: array, terms: list[str], field_names: list[str], refs: list[str]):
        """The serialized lunr index of a shard (these postings), and its offsets file."""
        term_of, doc_of, field_of, weight_of = self.term, self.doc, self.field, self.weight
        gaps_of, field_rank, names = self.gaps, self.field_rank, self.vector_names
        # Postings grouped by term, each group in document order (the order they were added).
        by_term: dict[int, list[int]] = {}
        for i in postings:
            group = by_term.get(term_of[i])
            if group is None:
                by_term[term_of[i]] = [i]
            else:
                group.append(i)
        distinct = sorted(by_term, key=lambda tid: utf16_key(terms[tid]))
        n_docs = len(refs)
        vectors: dict[int, list] = {}
        inverted_index = []
        offsets: dict[str, dict[str, dict[str, list[int]]]] = {}
        for k, tid in enumerate(distinct):
            by_field = [{} for _ in field_names]
            where: dict[int, dict[str, list[int]]] = {}
            for i in by_term[tid]:
                f, number = field_of[i], doc_of[i]
                ref = refs[number]
                by_field[f][ref] = NO_METADATA
                # Terms are visited in index order, so every vector is built sorted.
                key = field_rank[f] * n_docs + number
                vector = vectors.get(key)
                if vector is None:
                    vectors[key] = [k, weight_of[i]]
                else:
                    vector += (k, weight_of[i])
                gaps = gaps_of[i]
                if gaps is not None:
                    field_offsets = where.get(f)
                    if field_offsets is None:
                        field_offsets = where[f] = {}
                    field_offsets[ref] = gaps
            posting = {"_index": k}
            posting.update(zip(field_names, by_field))
            inverted_index.append([terms[tid], posting])
            if where:
                offsets[terms[tid]] = {field_names[f]: refs_gaps for f, refs_gaps in where.items()}
        # The key of a vector is its place in lunr's order (see name_vectors).
        field_vectors = [[names[key], vectors[key]] for key in sorted(vectors)]
        shard = {"version": LUNR_VERSION, "fields": field_names, "fieldVectors": field_vectors,
                 "invertedIndex": inverted_index, "pipeline": []}
        return shard, offsets


def _deltas(values: list[int]) -> list[int]:
    # Gaps instead of offsets: small numbers are short in JSON.
    return [b - a for a, b in zip([0] + values, values)]


def read_index_file(path: str | Path):
    """A file of the index, inflated when compressed (for tests and tools)."""
    data = Path(path).read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return json.loads(data.decode("utf-8"))


def _write_records(documents: list[SearchDocument], pattern: Path, per_chunk: int,
                   dump) -> int:
    chunks = math.ceil(len(documents) / per_chunk) if documents else 0
    for c in range(chunks):
        part = {ref_of(n): documents[n].record
                for n in range(c * per_chunk, min(len(documents), (c + 1) * per_chunk))}
        dump(part, Path(str(pattern).format(n=c)))
    return chunks


def _write_facets(documents: list[SearchDocument], path: Path,
                  labels: dict[str, str], dump) -> list[str]:
    names = list(labels) or sorted({n for d in documents for n in d.facets})
    table = {}
    for name in names:
        values: dict[str, int] = {}
        value_list: list[list[str]] = []
        per_doc = []
        for doc in documents:
            indexes = []
            for key, label in doc.facets.get(name, []):
                if key not in values:
                    values[key] = len(value_list)
                    value_list.append([key, label])
                indexes.append(values[key])
            # One value is the common case: a bare number; none is -1; several a list.
            per_doc.append(indexes[0] if len(indexes) == 1 else (-1 if not indexes else indexes))
        table[name] = {"label": labels.get(name, name), "values": value_list, "docs": per_doc}
    dump({"order": names, "facets": table}, path)
    return names


def _t2s_bits() -> str:
    """Which characters of the main CJK block the t2s map changes, one bit each (base64,
    about 2 kB gzipped): a query in Simplified characters then fetches no t2s bucket at all."""
    first, last = T2S_BLOCK
    bits = bytearray((last - first + 1 + 7) // 8)
    for trad in t2s_char_map():
        code = ord(trad)
        if first <= code <= last:
            bits[(code - first) >> 3] |= 1 << ((code - first) & 7)
    return base64.b64encode(bytes(bits)).decode("ascii")


def _write_t2s(pattern: Path, dump) -> list[int]:
    buckets: dict[int, dict[str, str]] = defaultdict(dict)
    for trad, simp in t2s_char_map().items():
        buckets[ord(trad) >> 8][trad] = simp
    for bucket, mapping in buckets.items():
        dump(mapping, Path(str(pattern).format(n=bucket)))
    return sorted(buckets)
