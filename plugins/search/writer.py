"""The index writer: documents → a partitioned lunr index the browser fetches piece by piece.

Layout under the output folder (JSON; all but the manifest gzip-compressed by default, as
`<name>.json.gz`, and inflated by the browser with DecompressionStream: a static host that does
not compress JSON, or Python's http.server, would otherwise send four times the bytes):
  manifest.json        what the browser reads first: counts, fields, shard count, file names
  s/<n>.json           shard n: a packed serialized lunr 2.3.9 index (expand_shard; the browser
                       unpacks it and loads it with lunr.Index.load) holding the terms that
                       start with the characters of the shard (see Partition), so a shard
                       carries the vocabulary the browser needs to cut a query at a character
  s/<n>-<k>.json       part k of the shard of a busy character (Partition.heavy): the terms
                       whose second character falls in bucket k (Partition.bucket), so the
                       part of a query's first two characters holds every term it may begin
                       with: cutting and scoring a word take one file
  p/<n>.json           term → field → document → offsets (gaps) of shard n's title and body
                       terms (p/<n>-<k>.json for parts), packed (expand_offsets), fetched only
                       for queries of several terms (phrase ranking)
  r/<n>.json           records (title, url, place, date, kind, text for the snippet) of documents
                       n*k … n*k+k-1, fetched only for the results shown
  t/<key>.<i>.<j>.json layer j of a split term (the i-th of shard or part <key>): 0 its
                       head, 1 its tail (t/<key>.<i>.<j>.p.json: their offsets)
  facets.json          per document the index of its value in each facet, for counts without
                       fetching any record (fetched when the reader asks to filter)
  groups.json          the reprint group of each copy of a story (one result per story)
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
import tempfile
from array import array
from collections import Counter, defaultdict, deque
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import orjson

from plugins.buildcache import BuildCache
from plugins.buildgc import return_free_memory
from plugins.zhtext.fold import t2s_char_map
from plugins.zhtext.segment import Token

from .terms import TermTable, ragged

LUNR_VERSION = "2.3.9"
K1 = 1.2
B = 0.75
FORMAT = 2
# Shards and offsets are written packed (expand_shard, expand_offsets): per posting two small
# integers instead of lunr's objects and "field/ref" names, about half the bytes.
PACKED = 1
# Postings are made (from about this many tokens) and scored this many at a time: memory,
# not results, depends on it.
CHUNK = 1 << 20
# Tokens a spill group holds (_Spill): one group's postings are made into shards at a time.
TOKENS_PER_GROUP = 4 * CHUNK
# zlib's level for the index files: at 100,000 articles the index is gigabytes of JSON, and
# level 6 took five times level 4's time for 4.5% fewer bytes (the compressing thread held
# up the build); a first query fetches a few of the files.
GZIP_LEVEL = 4
# The block whose Traditional characters the manifest lists as a bitmap (CJK Unified Ideographs).
T2S_BLOCK = (0x4E00, 0x9FFF)


@dataclass
class SearchDocument:
    """One article as the index sees it."""
    # field name → index terms with offsets: Tokens, or (term ids, offsets) of a TermTable
    fields: dict[str, list[Token] | tuple[array, array]]
    record: dict[str, str]                 # shown for a result: t, u, p, d, k, x
    facets: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # name → (key, label)


def spill_groups(tokens: int) -> int:
    """How many groups the postings of `tokens` tokens are spilled in (write_index)."""
    return max(1, math.ceil(tokens / TOKENS_PER_GROUP))


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
    another busy character; the others share `light` shards by code point modulo. A busy
    character's shard is cut into `parts` buckets by the term's second character."""
    heavy: str   # characters with their own shard, in code point order: shard i
    light: int   # shards shared by the other characters: len(heavy) + code point % light
    parts: tuple[int, ...] = ()   # buckets of each busy character's shard (1 if not given)

    def of(self, term: str) -> int:
        i = self.heavy.find(term[0])
        return i if i >= 0 else len(self.heavy) + ord(term[0]) % self.light

    def bucket(self, term: str) -> int:
        """The part of a busy character's shard that holds the term: its second character's
        code point modulo the shard's parts (the first's for a one-character term). Every term
        that starts with the same two characters is in one part, so the browser fetches the
        part of a query's first two characters and finds there both the longest term the
        query may start with and its postings, in one request, with no vocabulary file."""
        i = self.heavy.find(term[0])
        parts = self.parts[i] if 0 <= i < len(self.parts) else 1
        return ord(term[1] if len(term) > 1 else term[0]) % parts

    @property
    def shards(self) -> int:
        return len(self.heavy) + self.light

    def group(self, shard: int, groups: int) -> int:
        """The spill group (_Spill) that holds every term of `shard`: the group of a term is
        its first character's code point modulo `groups`, and `light` is a multiple of it."""
        if shard < len(self.heavy):
            return ord(self.heavy[shard]) % groups
        return (shard - len(self.heavy)) % groups

    @classmethod
    def plan(cls, postings_by_char: Counter, budget: int, groups: int = 1) -> "Partition":
        heavy = "".join(sorted(c for c, n in postings_by_char.items() if n * 2 >= budget))
        rest = sum(n for c, n in postings_by_char.items() if c not in heavy)
        # About `budget` postings a part; second characters spread the terms about evenly
        # (a term with more postings than that makes its part bigger: a term is never cut).
        parts = tuple(max(1, math.ceil(postings_by_char[c] / budget)) for c in heavy)
        # A multiple of the spill groups, so that each light shard's terms are in one group.
        light = math.ceil(max(1, math.ceil(rest / budget)) / groups) * groups
        return cls(heavy, light, parts)


def write_index(documents: Iterable[SearchDocument], output_dir: str | Path, *,
                fields: dict[str, float], positions: tuple[str, ...] = ("title", "body"),
                postings_per_shard: int = 1500, shards: int | None = None,
                records_per_chunk: int = 1, facet_labels: dict[str, str] | None = None,
                compress: bool = True, terms: TermTable | None = None, groups: int = 1,
                head: int | None = None, cache: BuildCache | None = None,
                extra: dict | None = None) -> dict:
    """Write the partitioned index of `documents` (in ranking-tie order) into output_dir and
    return the manifest. `fields` maps field name → boost, in lunr's field order. A document's
    field is a list of Tokens, or (term ids, offsets) arrays of the TermTable `terms`.
    Files of output_dir this index does not have are removed; with a `cache`, a file whose
    JSON is the same as the last build wrote there is left as it is. `extra`: more manifest
    entries (the synonym table, the query boosts). `head`: a term more documents have is
    split into a head of that many documents and a tail (_ShardBuilder.build), so a first
    query fetches what its results need, not every posting of a common word.

    `documents` is read once, one document at a time (it may be a generator): each one's
    record is written and its postings spilled to disk in `groups` groups by the first
    character of their term (_Spill); each group's shards are then made from that group
    alone. So what is held at once is one batch of documents, then one group's postings,
    never the archive's: more groups, less memory, the same index."""
    out = Path(output_dir)
    with _IndexFolder(out, cache) as folder, tempfile.TemporaryDirectory(
            prefix="search-postings-") as spill_dir:
        dump = folder.dump
        suffix = ".json.gz" if compress else ".json"
        files = {"shard": f"s/{{n}}{suffix}", "positions": f"p/{{n}}{suffix}",
                 "part": f"s/{{n}}-{{k}}{suffix}",
                 "part_positions": f"p/{{n}}-{{k}}{suffix}",
                 "records": f"r/{{n}}{suffix}",
                 "layer": f"t/{{key}}.{{i}}.{{j}}{suffix}",
                 "layer_positions": f"t/{{key}}.{{i}}.{{j}}.p{suffix}",
                 "facets": f"facets{suffix}", "groups": f"groups{suffix}",
                 "t2s": f"t2s/{{n}}{suffix}"}
        for sub in ("s", "p", "r", "t", "t2s"):
            (out / sub).mkdir(parents=True, exist_ok=True)
        field_names = list(fields)
        table = terms if terms is not None else TermTable()
        spill = _Spill(Path(spill_dir), table, len(field_names), groups)
        records = _RecordWriter(out / files["records"], records_per_chunk, dump)
        facets, originals = [], []
        empty = (array("I"), array("I"))
        for doc in documents:
            records.add(doc.record)
            facets.append(doc.facets)
            originals.append(doc.record.get("g"))
            spill.add([_field_tokens(doc.fields.get(name), table, empty) for name in field_names])
        chunks = records.close()
        facet_names = _write_facets(facets, out / files["facets"], facet_labels or {}, dump)
        has_groups = _write_groups(originals, out / files["groups"], dump)
        del facets, originals
        lengths, doc_freq = spill.close()
        n_docs = len(lengths)
        if shards is None:
            by_char: Counter = Counter()
            for tid in np.flatnonzero(doc_freq).tolist():
                by_char[table.terms[tid][0]] += int(doc_freq[tid])
            partition = Partition.plan(by_char, max(1, postings_per_shard), groups)
        else:
            partition = Partition("", math.ceil(shards / groups) * groups)
        shards = partition.shards
        tids_by_shard = _terms_by_shard(table.terms, partition, doc_freq)
        boosts = [fields[name] for name in field_names]

        def write_shard(built, key: str, shard_path: str, offsets_path: str) -> None:
            shard, offsets, layers = built
            dump(shard, out / shard_path)
            dump(offsets, out / offsets_path)
            for i, j, postings, where in layers:
                dump(postings, out / files["layer"].format(key=key, i=i, j=j))
                dump(where, out / files["layer_positions"].format(key=key, i=i, j=j))

        position_fields = {f for f, name in enumerate(field_names) if name in positions}
        for group in range(groups):
            postings = spill.postings(group, lengths)
            postings.score(boosts, doc_freq)
            builder = _ShardBuilder(postings, table.terms, field_names, position_fields)
            for s in range(shards):
                if partition.group(s, groups) != group:
                    continue
                terms_in_shard = tids_by_shard[s]
                counts = doc_freq[terms_in_shard]
                if s >= len(partition.heavy):
                    write_shard(builder.build(terms_in_shard, counts, head), str(s),
                                files["shard"].format(n=s), files["positions"].format(n=s))
                    continue
                # A busy character's terms go to the parts of their second character (every
                # part is written, an empty one too: the browser asks for it by number).
                buckets = np.array([partition.bucket(table.terms[tid])
                                    for tid in terms_in_shard.tolist()], dtype=np.int64)
                for k in range(partition.parts[s]):
                    at = np.flatnonzero(buckets == k)
                    write_shard(builder.build(terms_in_shard[at], counts[at], head), f"{s}-{k}",
                                files["part"].format(n=s, k=k),
                                files["part_positions"].format(n=s, k=k))
            del postings, builder
            return_free_memory()
        t2s_buckets = _write_t2s(out / files["t2s"], dump)

        manifest = {
            "format": FORMAT, "lunr": LUNR_VERSION, "documents": n_docs, "files": files,
            "fields": field_names, "boosts": fields, "positions": list(positions),
            "shards": shards, "heavy": partition.heavy, "light": partition.light,
            "heavy_parts": list(partition.parts),
            "records_per_chunk": records_per_chunk, "record_chunks": chunks,
            "facets": facet_names, "groups": has_groups, "head": head, "t2s": t2s_buckets,
            "t2s_block": [T2S_BLOCK[0], T2S_BLOCK[1]], "t2s_bits": _t2s_bits(),
            "terms": int(np.count_nonzero(doc_freq)), "postings": int(doc_freq.sum()),
            **(extra or {}),
        }
        manifest["build"] = folder.digest()
        dump(manifest, out / "manifest.json")
        folder.remove_others()
        return manifest


def _terms_by_shard(terms: list[str], partition: Partition,
                    doc_freq: np.ndarray) -> list[np.ndarray]:
    """Per shard, its terms in index order (lunr.js inserts terms in JavaScript string
    order)."""
    by_shard: list[list[int]] = [[] for _ in range(partition.shards)]
    for tid in np.flatnonzero(doc_freq).tolist():
        by_shard[partition.of(terms[tid])].append(tid)
    ordered = []
    for tids in by_shard:
        tids.sort(key=lambda tid: utf16_key(terms[tid]))
        ordered.append(np.array(tids, dtype=np.int64))
    return ordered


class _RecordWriter:
    """Records of `per_chunk` consecutive documents a file, written as the documents come."""

    def __init__(self, pattern: Path, per_chunk: int, dump):
        self.pattern, self.per_chunk, self.dump = pattern, per_chunk, dump
        self.part: dict[str, dict] = {}
        self.count = self.chunks = 0

    def add(self, record: dict) -> None:
        self.part[ref_of(self.count)] = record
        self.count += 1
        if len(self.part) == self.per_chunk:
            self._flush()

    def close(self) -> int:
        if self.part:
            self._flush()
        return self.chunks

    def _flush(self) -> None:
        self.dump(self.part, Path(str(self.pattern).format(n=self.chunks)))
        self.part, self.chunks = {}, self.chunks + 1


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
        # Files are compressed and written by a second thread (zlib and file writes release
        # the GIL), beside the making of the next file: on two cores a rebuild at 10,000
        # articles waits about 3 s less. In order, and at most a few files behind.
        self.writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="search-index")
        self.pending: deque[Future] = deque()

    def __enter__(self) -> "_IndexFolder":
        return self

    def __exit__(self, *exc) -> None:
        try:
            while self.pending:  # a failed write fails the build here
                self.pending.popleft().result()
        finally:
            self.writer.shutdown(cancel_futures=True)

    def dump(self, data, path: Path) -> None:
        # orjson writes the same compact UTF-8 JSON as json.dumps(ensure_ascii=False,
        # separators=(",", ":")), several times faster: the index is millions of numbers.
        text = orjson.dumps(data)
        name = path.relative_to(self.root).as_posix()
        digest = self.digests[name] = hashlib.blake2b(text, digest_size=16).hexdigest()

        def write() -> None:
            # mtime=0: the same index gives the same bytes, build after build.
            payload = gzip.compress(text, GZIP_LEVEL, mtime=0) if path.name.endswith(".gz") else text
            path.write_bytes(payload)

        if self.cache is None:
            job = write
        else:
            def job() -> None:
                self.cache.write_unless_unchanged("search.files.v3", digest, path, write)
        self.pending.append(self.writer.submit(job))
        while len(self.pending) > 8:
            self.pending.popleft().result()

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


def round3(values: np.ndarray) -> np.ndarray:
    """round(x, 3) of each value, as Python (and lunr.py) rounds: to the nearest multiple of
    0.001 of the exact binary value. rint of the value × 1000 agrees except within a rounding
    error of a half; those few go through Python."""
    scaled = values * 1000
    rounded = np.rint(scaled) / 1000
    near = np.flatnonzero(np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6)
    rounded[near] = [round(x, 3) for x in values[near].tolist()]
    return rounded


def _field_tokens(value, table: TermTable, empty) -> tuple[array, array]:
    if value is None:
        return empty
    if isinstance(value, tuple):
        return value
    return table.encode(value)


def _run_starts(values: np.ndarray) -> np.ndarray:
    """Where each run of equal values starts, in a sorted array."""
    if not len(values):
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(np.concatenate(([True], values[1:] != values[:-1])))


class _Postings:
    """All postings of the archive, column by column, in term, document, field order: numpy
    arrays, because 10,000 articles have millions of postings and a Python loop over them
    was most of a rebuild. The offsets of posting i are gaps[gap_start[i]:gap_start[i + 1]],
    the first one the offset itself, the others the distance to the previous one."""

    def __init__(self, term, doc, field, freq, gaps, gap_start, lengths):
        self.term, self.doc, self.field, self.freq = term, doc, field, freq
        self.gaps, self.gap_start = gaps, gap_start
        self.lengths = lengths            # (document, field) → number of tokens
        self.weight = np.zeros(len(term), dtype=np.int32)  # BM25 weight × 1000

    @classmethod
    def collect(cls, encoded: list[list[tuple[array, array]]], n_fields: int,
                n_terms: int) -> "_Postings":
        """The postings of a batch of documents (numbered from 0) from their fields' tokens."""
        n_docs = len(encoded)
        n_slots = n_docs * n_fields      # slot: document * n_fields + field
        lengths = np.fromiter((len(ids) for row in encoded for ids, _ in row),
                              dtype=np.int64, count=n_slots)
        span = max((max(starts) for row in encoded for _, starts in row if starts), default=0) + 1
        if n_terms * n_slots * span >= 2 ** 63:
            raise ValueError(f"search: {n_terms} terms × {n_slots} fields × offsets up to "
                             f"{span} do not fit the 64-bit sort key of the index writer")
        # One sort of one key puts the tokens in term, document, field and offset order:
        # key = (term * n_slots + slot) * span + offset, built in place a field at a time.
        keys = np.empty(int(lengths.sum()), dtype=np.int64)
        at, slot = 0, 0
        for row in encoded:
            for ids, starts in row:
                end = at + len(ids)
                part = keys[at:end]
                part[:] = np.frombuffer(ids, dtype=np.uint32)
                part *= n_slots
                part += slot
                part *= span
                part += np.frombuffer(starts, dtype=np.uint32)
                at, slot = end, slot + 1
        keys.sort()
        unique = keys[_run_starts(keys)]
        pairs = keys // span             # term * n_slots + slot: one value per posting
        first = _run_starts(pairs)
        # lunr's term frequency counts every occurrence; the offsets file keeps each once.
        freq = np.diff(np.append(first, len(pairs))).astype(np.int32)
        offsets = unique % span
        gap_start = _run_starts(unique // span)
        gaps = offsets.copy()
        gaps[1:] -= offsets[:-1]
        gaps[gap_start] = offsets[gap_start]
        posting = pairs[first]
        slot_of = posting % n_slots
        return cls((posting // n_slots).astype(np.int32), (slot_of // n_fields).astype(np.int32),
                   (slot_of % n_fields).astype(np.int8), freq, gaps.astype(np.int32),
                   np.append(gap_start, len(gaps)), lengths.reshape(n_docs, n_fields))

    def score(self, boosts: list[float], doc_freq: np.ndarray) -> None:
        """BM25 weights as lunr's builder computes them: the same float operations in the
        same order (numpy's arithmetic is IEEE double, as Python's), rounded as Python's
        round(x, 3) rounds, kept × 1000 as integers (a weight is a multiple of 0.001: the
        browser's /1000 gives back the very same double, as IEEE division rounds correctly)."""
        n_docs = len(self.lengths)
        if not n_docs:
            return
        average = np.array([total / n_docs for total in self.lengths.sum(axis=0).tolist()])
        # log through Python's math, once per distinct document frequency.
        dfs, at = np.unique(doc_freq, return_inverse=True)
        idf = np.array([math.log(1 + abs((n_docs - df + 0.5) / (df + 0.5)))
                        for df in dfs.tolist()])[at]
        with np.errstate(divide="ignore", invalid="ignore"):  # fields nobody has: no posting
            norm = K1 * (1 - B + B * (self.lengths / average))
        boost = np.array(boosts)
        self.weight = np.empty(len(self.term), dtype=np.int32)
        # In chunks: the same operations on each posting, without whole-archive temporaries.
        for begin in range(0, len(self.term), CHUNK):
            at = slice(begin, begin + CHUNK)
            freq = self.freq[at].astype(np.float64)
            field = self.field[at]
            raw = (idf[self.term[at]] * ((K1 + 1) * freq) / (norm[self.doc[at], field] + freq)
                   * boost[field])
            self.weight[at] = np.rint(round3(raw) * 1000)


class _Spill:
    """The postings of the documents as they come, made a batch at a time (about CHUNK
    tokens) and appended to one file per group of terms: a term's group is its first
    character's code point modulo `groups`, so every shard's terms are in one group
    (Partition.group). Counted on the way: each document's field lengths and each term's
    number of postings, which weigh every posting (BM25) and plan the shards."""

    def __init__(self, folder: Path, table: TermTable, n_fields: int, groups: int):
        self.folder, self.table, self.n_fields, self.groups = folder, table, n_fields, groups
        self.batch: list[list[tuple[array, array]]] = []
        self.batch_tokens = self.docs = 0
        self.lengths: list[np.ndarray] = []
        self.doc_freq = np.zeros(0, dtype=np.int64)
        self.group_of = np.zeros(0, dtype=np.int32)   # term id → group
        self.files = [open(self._path(g), "wb") for g in range(groups)]

    def _path(self, group: int) -> Path:
        return self.folder / f"{group}.postings"

    def add(self, fields: list[tuple[array, array]]) -> None:
        self.batch.append(fields)
        self.batch_tokens += sum(len(ids) for ids, _ in fields)
        if self.batch_tokens >= CHUNK:
            self._flush()

    def _grow(self) -> None:
        known, n_terms = len(self.group_of), len(self.table)
        if known < n_terms:
            new = np.fromiter((ord(t[0]) % self.groups for t in self.table.terms[known:]),
                              dtype=np.int32, count=n_terms - known)
            self.group_of = np.concatenate((self.group_of, new))
            self.doc_freq = np.concatenate((self.doc_freq, np.zeros(n_terms - known, np.int64)))

    def _flush(self) -> None:
        if not self.batch:
            return
        p = _Postings.collect(self.batch, self.n_fields, len(self.table))
        p.doc += self.docs
        self.docs += len(self.batch)
        self.batch, self.batch_tokens = [], 0
        self.lengths.append(p.lengths)
        self._grow()
        self.doc_freq += np.bincount(p.term, minlength=len(self.doc_freq))
        gap_count = np.diff(p.gap_start).astype(np.int32)
        group = self.group_of[p.term]
        order = np.argsort(group, kind="stable")
        bounds = np.searchsorted(group[order], np.arange(self.groups + 1)).tolist()
        for g, out in enumerate(self.files):
            at = order[bounds[g]:bounds[g + 1]]
            if not len(at):
                continue
            gaps = p.gaps[ragged(p.gap_start[at], gap_count[at])]
            np.array([len(at), len(gaps)], dtype=np.int64).tofile(out)
            for column in (p.term[at], p.doc[at], p.field[at], p.freq[at], gap_count[at], gaps):
                column.tofile(out)

    def close(self) -> tuple[np.ndarray, np.ndarray]:
        """(field lengths per document, postings per term id) once every document is in."""
        self._flush()
        for out in self.files:
            out.close()
        self._grow()
        lengths = (np.concatenate(self.lengths) if self.lengths
                   else np.zeros((0, self.n_fields), dtype=np.int64))
        self.lengths = []
        return lengths, self.doc_freq

    def postings(self, group: int, lengths: np.ndarray) -> _Postings:
        """A group's postings in term, document, field order (the file is removed)."""
        types = (np.int32, np.int32, np.int8, np.int32, np.int32, np.int32)
        columns: list[list[np.ndarray]] = [[] for _ in types]
        path = self._path(group)
        with open(path, "rb") as f:
            while len(head := np.fromfile(f, dtype=np.int64, count=2)) == 2:
                for i, dtype in enumerate(types):
                    columns[i].append(np.fromfile(f, dtype=dtype,
                                                  count=int(head[1] if i == 5 else head[0])))
        path.unlink()
        term, doc, field_, freq, gap_count, gaps = (
            np.concatenate(c) if c else np.zeros(0, dtype=t) for c, t in zip(columns, types))
        del columns
        # Batches came in document order, each in term, document, field order: a stable sort
        # by term alone puts the whole group in that order.
        order = np.argsort(term, kind="stable")
        starts = np.zeros(len(gap_count) + 1, dtype=np.int64)
        np.cumsum(gap_count, out=starts[1:])
        gaps = gaps[ragged(starts[:-1][order], gap_count[order])]
        gap_count = gap_count[order]
        np.cumsum(gap_count, out=starts[1:])
        return _Postings(term[order], doc[order], field_[order], freq[order], gaps, starts,
                         lengths)


class _ShardBuilder:
    """Packed lunr indexes (and offsets files) of groups of terms."""

    def __init__(self, postings: _Postings, terms: list[str], field_names: list[str],
                 position_fields: set[int]):
        self.postings, self.terms, self.field_names = postings, terms, field_names
        self.position_fields = position_fields
        # Postings are in term order: term t's are term_start[t] … term_start[t + 1] - 1.
        self.term_start = np.searchsorted(postings.term, np.arange(len(terms) + 1))

    def build(self, tids: np.ndarray, counts: np.ndarray,
              head: int | None = None) -> tuple[dict, dict, list[tuple[int, int, dict, dict]]]:
        """The packed lunr index of these terms (in index order), its packed offsets file (see
        expand_shard and expand_offsets: what they unpack to is the serialized lunr index and
        the term → field → ref → gaps table), and the layers of its split terms.

        A term that more than `head` documents have is split: the shard keeps its name (the
        browser cuts queries against the shard's terms) and no posting; its layers, (place,
        layer, postings file, offsets file), hold them: layer 0, its head, the `head`
        documents where it weighs most (its weight summed over the fields: what a one-word
        query ranks by), and layer 1, its tail, the others. The shard lists its split terms
        as [place, smallest head weight × 1000, documents in all, postings in all]: no
        document outside the head weighs more, which lets the browser rank from the heads.
        A query fetches the heads of its own terms only, never those of the other common
        terms of its shard (安全 beside 安全生产)."""
        p = self.postings
        at = ragged(self.term_start[tids], counts)        # their postings, term by term
        index_of = np.repeat(np.arange(len(tids)), counts)  # lunr's _index of each posting
        in_head, split = self._heads(at, index_of, len(tids), head)
        whole = ~np.isin(index_of, [k for k, _, _ in split])
        postings, offsets = self._encode(at[whole], index_of[whole], len(tids))
        terms = [self.terms[tid] for tid in tids.tolist()]
        shard = {"version": LUNR_VERSION, "fields": self.field_names, "pipeline": [],
                 "packed": PACKED, "terms": terms, "postings": postings}
        if split:
            shard["split"] = [[k, least, documents, int(counts[k])]
                              for k, least, documents in split]
        fields = self._position_names()
        offsets_file = {"packed": PACKED, "fields": fields, "terms": terms, "offsets": offsets}
        layers = []
        for k, _, _ in split:
            # index_of is sorted: the term's postings are one range.
            own = np.arange(*np.searchsorted(index_of, [k, k + 1]))
            for layer, member in enumerate((in_head[own], ~in_head[own])):
                mine = own[member]
                flat, where = self._encode(at[mine], np.zeros(len(mine), np.int64), 1)
                layers.append((k, layer, {"packed": PACKED, "term": terms[k], "postings": flat[0]},
                               {"packed": PACKED, "fields": fields, "term": terms[k],
                                "offsets": where[0]}))
        return shard, offsets_file, layers

    def _position_names(self) -> list[str]:
        return [name for f, name in enumerate(self.field_names) if f in self.position_fields]

    def _heads(self, at: np.ndarray, index_of: np.ndarray, n_terms: int,
               head: int | None) -> tuple[np.ndarray, list[tuple[int, int, int]]]:
        """Which postings are in their term's head, and per split term (place, smallest head
        weight, documents): a term's documents ranked by its weight summed over their fields,
        the heaviest first (ties: the smaller document number)."""
        in_head = np.ones(len(at), dtype=bool)
        if head is None or not len(at):
            return in_head, []
        p = self.postings
        # Postings come in term, document, field order: a run is one term in one document.
        docs = p.doc[at]
        first = _run_starts(index_of.astype(np.int64) * (int(docs.max()) + 1) + docs)
        run_term = index_of[first]
        documents = np.bincount(run_term, minlength=n_terms)
        if not (documents > head).any():
            return in_head, []
        total = np.add.reduceat(p.weight[at].astype(np.int64), first)
        order = np.lexsort((docs[first], -total, run_term))
        term_first = np.searchsorted(run_term, np.arange(n_terms))
        rank = np.empty(len(first), dtype=np.int64)
        rank[order] = np.arange(len(first)) - term_first[run_term[order]]
        run_in_head = rank < head
        in_head = np.repeat(run_in_head, np.diff(np.append(first, len(at))))
        split = []
        for k in np.flatnonzero(documents > head).tolist():
            weights = total[(run_term == k) & run_in_head]
            split.append((k, int(weights.min()), int(documents[k])))
        return in_head, split

    def _encode(self, at: np.ndarray, index_of: np.ndarray,
                n_terms: int) -> tuple[list[list[int]], list[list[int]]]:
        """Per term, its packed postings and packed offsets (expand_shard, expand_offsets)."""
        p, n_fields = self.postings, len(self.field_names)
        # Per term, per field, its documents in document order (postings come in term,
        # document, field order; a stable sort by term and field keeps the documents' order).
        order = np.argsort(index_of * n_fields + p.field[at], kind="stable")
        at = at[order]
        key = index_of[order] * n_fields + p.field[at]
        docs = p.doc[at]
        first = _run_starts(key)
        deltas = docs.copy()
        deltas[1:] -= docs[:-1]
        deltas[first] = docs[first]
        weights = p.weight[at].astype(np.int64)
        gap_start = p.gap_start[at]
        gap_count = p.gap_start[at + 1] - gap_start
        gaps = p.gaps[ragged(gap_start, gap_count)]
        gap_bounds = np.append(0, np.cumsum(gap_count))

        deltas_l, weights_l, counts_l = deltas.tolist(), weights.tolist(), gap_count.tolist()
        gaps_l, bounds_l = gaps.tolist(), gap_bounds.tolist()
        last = np.append(first[1:], len(key)).tolist()
        runs: dict[int, tuple[int, int]] = dict(zip(key[first].tolist(), zip(first.tolist(), last)))
        postings, offsets = [], []
        positions = [f for f in range(n_fields) if f in self.position_fields]
        for k in range(n_terms):
            flat: list[int] = []
            for f in range(n_fields):
                a, b = runs.get(k * n_fields + f, (0, 0))
                flat.append(b - a)
                flat += deltas_l[a:b]
                flat += weights_l[a:b]
            postings.append(flat)
            where: list[int] = []
            for f in positions:
                a, b = runs.get(k * n_fields + f, (0, 0))
                where.append(b - a)
                where += deltas_l[a:b]
                where += counts_l[a:b]
                where += gaps_l[bounds_l[a]:bounds_l[b]]
            offsets.append(where)
        return postings, offsets


def expand_shard(shard: dict) -> dict:
    """The serialized lunr 2.3.9 index a packed shard holds (search-core.js unpackShard does
    the same before lunr.Index.load). Per term, per field: the number n of its documents, n
    document numbers as gaps, n weights × 1000; refs are document numbers in base 36."""
    fields = shard["fields"]
    inverted, vectors = [], {}
    for index, (term, flat) in enumerate(zip(shard["terms"], shard["postings"])):
        entry: dict = {"_index": index}
        at = 0
        for field in fields:
            n = flat[at]
            doc = 0
            entry[field] = {}
            for j in range(n):
                doc += flat[at + 1 + j]
                ref = ref_of(doc)
                entry[field][ref] = {}
                vectors.setdefault(f"{field}/{ref}", []).extend((index, flat[at + 1 + n + j] / 1000))
            at += 1 + 2 * n
        inverted.append([term, entry])
    field_vectors = [[name, vectors[name]] for name in sorted(vectors)]
    return {"version": shard["version"], "fields": fields, "fieldVectors": field_vectors,
            "invertedIndex": inverted, "pipeline": shard["pipeline"]}


def expand_offsets(packed: dict) -> dict[str, dict[str, dict[str, list[int]]]]:
    """term → field → ref → offset gaps, from a packed offsets file (search-core.js
    unpackOffsets). Per term, per field: n, n document numbers as gaps, n counts, then the
    offsets' gaps of each document in turn."""
    out: dict = {}
    for term, flat in zip(packed["terms"], packed["offsets"]):
        at = 0
        for field in packed["fields"]:
            n = flat[at]
            docs = flat[at + 1:at + 1 + n]
            counts = flat[at + 1 + n:at + 1 + 2 * n]
            at += 1 + 2 * n
            doc = 0
            for gap, count in zip(docs, counts):
                doc += gap
                out.setdefault(term, {}).setdefault(field, {})[ref_of(doc)] = flat[at:at + count]
                at += count
    return out


def read_index_file(path: str | Path):
    """A file of the index, inflated when compressed (for tests and tools)."""
    data = Path(path).read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return json.loads(data.decode("utf-8"))


def _write_facets(facets: list[dict[str, list[tuple[str, str]]]], path: Path,
                  labels: dict[str, str], dump) -> list[str]:
    names = list(labels) or sorted({n for d in facets for n in d})
    table = {}
    for name in names:
        values: dict[str, int] = {}
        value_list: list[list[str]] = []
        per_doc = []
        for doc in facets:
            indexes = []
            for key, label in doc.get(name, []):
                if key not in values:
                    values[key] = len(value_list)
                    value_list.append([key, label])
                indexes.append(values[key])
            # One value is the common case: a bare number; none is -1; several a list.
            per_doc.append(indexes[0] if len(indexes) == 1 else (-1 if not indexes else indexes))
        table[name] = {"label": labels.get(name, name), "values": value_list, "docs": per_doc}
    data = {"order": names, "facets": table}
    dump(data, path)
    return names


def _write_groups(originals: list[str | None], path: Path, dump) -> bool:
    """Copies of one story (plugins.reprints puts the URL of its original in each member's
    record as "g"): the originals' URLs and, for each copy only, its group's number by ref,
    so the page shows one result per story and counts the others without fetching their
    records, and the file grows with the reprints, not with the archive. False when none."""
    if not any(originals):
        return False
    urls = sorted({url for url in originals if url})
    number = {url: i for i, url in enumerate(urls)}
    dump({"originals": urls, "of": {ref_of(doc): number[url]
                                    for doc, url in enumerate(originals) if url}}, path)
    return True


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
