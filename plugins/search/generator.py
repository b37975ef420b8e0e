"""The search generator: after every other generator has built its context, cut the
articles into terms, write the partitioned index, the search page and the search worker
(lunr.js, search-core.js and search-worker.js in one file)."""
from __future__ import annotations

import hashlib
import logging
import pickle
import tempfile
import time
from array import array
from collections.abc import Iterator
from pathlib import Path

from pelican.generators import Generator

from plugins.article_meta.topics import load_topics
from plugins.buildcache import cache_for, processes
from plugins.buildgc import return_free_memory
from plugins.zhtext.segment import Segmenter, characters, user_words

from . import documents, synonyms
from .documents import FACET_LABELS
from .settings import search_settings
from .terms import FieldTokens, TermTable
from .writer import LUNR_VERSION, SearchDocument, spill_groups, write_index

logger = logging.getLogger(__name__)
# Articles cut into terms at a time: what the first pass holds at once.
BATCH = 2000


def _pack(cut: tuple[list[str], list[int]]) -> tuple[str, bytes]:
    # Compact for the cache: terms joined by NUL (terms are letters, digits and ideographs),
    # offsets as the bytes of an unsigned int array.
    terms, starts = cut
    return "\0".join(terms), array("I", starts).tobytes()


def _unpack(packed: tuple[str, bytes], table: TermTable) -> FieldTokens:
    joined, offsets = packed
    starts = array("I")
    starts.frombytes(offsets)
    ids = array("I", map(table.id, joined.split("\0"))) if joined else array("I")
    return ids, starts


# The segmenter the tokenizing workers use: set just before they are forked.
_segmenter: Segmenter | None = None


def _pack_fields(job: tuple[list[str], list[str]]) -> list[tuple[str, bytes]]:
    fields, texts = job
    return [_pack(SearchGenerator._field_tokens(_segmenter, name, text))
            for name, text in zip(fields, texts)]


def _documents_of(cut, count: int, fields: list[str], pieces) -> Iterator[SearchDocument]:
    """The articles `SearchGenerator._cut` wrote, one at a time, with their sub-words."""
    for _ in range(count):
        record, facets, arrays = pickle.load(cut)
        yield SearchDocument({name: pieces.add_to(field)
                              for name, field in zip(fields, arrays)}, record, facets)


class SearchError(RuntimeError):
    """The search index cannot be built; the message says what to install or fix."""


class SearchGenerator(Generator):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.search = search_settings(self.settings)
        self.manifest: dict | None = None

    def generate_context(self):
        # The index is built in generate_output, when every context is complete (other
        # plugins' words in "search_extra_words" among it); the editors' synonym table is
        # checked now, so a broken one stops the build before any page is written.
        self.synonyms = synonyms.load(synonyms.synonyms_path(self.settings, self.search))
        if self.synonyms.problems:
            for problem in self.synonyms.problems:
                logger.error("search: %s", problem)
            raise synonyms.SynonymsError(self.synonyms.problems)

    def generate_output(self, writer):
        started = time.perf_counter()
        # The index's arrays are the build's largest: the garbage the last pages left goes
        # first.
        return_free_memory(collect_cycles=True)
        articles = list(self.context.get("articles", []))
        places = {p for article in articles for p in documents.place_names(article)}
        taxonomy = load_topics(self.settings["ARCHIVE_DATA_PATH"])
        topics = [t.name for t in taxonomy] + [word for t in taxonomy for word in t.keywords]
        # Words other plugins want kept whole (the timeline's honour and initiative names:
        # 全省和谐社区建设示范单位 should stay one word, not be cut by jieba's guesses).
        extra = list(self.search["EXTRA_WORDS"]) + [
            str(w) for w in self.context.get("search_extra_words", [])]
        words = user_words(places, topics, extra)
        segmenter = Segmenter(words)
        fields = self.search["FIELDS"]
        table = TermTable()
        # Two passes, so that memory does not grow with the archive's text: the first cuts
        # the articles a batch at a time into a file; the words inside a word (sub-words) are
        # known once every article's terms are, and the second pass adds them as it hands
        # each article to the index writer, which spills the postings to disk in turn.
        with tempfile.TemporaryFile(prefix="search-terms-") as cut:
            tokens = self._cut(articles, segmenter, list(fields), table, cut)
            pieces = table.subword_pieces(words)
            # The vocabulary the browser cuts queries against: every term some article has.
            table_of_synonyms = self.synonyms.table(frozenset(table.terms))
            cut.seek(0)
            index_dir = Path(self.output_path) / self.search["INDEX_DIR"]
            self.manifest = write_index(
                _documents_of(cut, len(articles), list(fields), pieces), index_dir,
                fields={k: float(v) for k, v in fields.items()},
                positions=tuple(self.search["POSITION_FIELDS"]),
                postings_per_shard=self.search["POSTINGS_PER_SHARD"],
                records_per_chunk=self.search["RECORDS_PER_CHUNK"], facet_labels=FACET_LABELS,
                compress=self.search["COMPRESS"], terms=table, groups=spill_groups(tokens),
                head=int(self.search["HEAD_DOCUMENTS"]),
                cache=cache_for(self.settings),
                extra={"synonyms": table_of_synonyms,
                       "query": {"boosts": {k: float(v)
                                            for k, v in self.search["QUERY_BOOSTS"].items()},
                                 "few": int(self.search["QUERY_FEW"])}})
        self._check_lunr()
        worker = self._write_worker()
        siteurl = self.settings.get("SITEURL", "")
        writer.write_file(
            self.search["PAGE_SAVE_AS"], self.get_template(self.search["TEMPLATE"]),
            self.context, relative_urls=self.settings.get("RELATIVE_URLS", False),
            url=self.search["PAGE_URL"], section="search",
            search_index_url=f"{siteurl}/{self.search['INDEX_DIR']}/",
            search_worker_url=f"{siteurl}/{self.search['WORKER_SAVE_AS']}?v={worker}",
            search_manifest=self.manifest)
        logger.info("search: indexed %d articles, %d terms in %d shards in %.1f s",
                    len(articles), self.manifest["terms"], self.manifest["shards"],
                    time.perf_counter() - started)

    def _cut(self, articles, segmenter: Segmenter, fields: list[str], table: TermTable,
             out) -> int:
        """Every article's record, facets and terms (TermTable arrays), BATCH articles at a
        time, pickled into `out` in order. Returns the number of terms."""
        tokens = 0
        for begin in range(0, len(articles), BATCH):
            read = [documents.read(article, self.search["SNIPPET_SOURCE_CHARS"])
                    for article in articles[begin:begin + BATCH]]
            for r, cut in zip(read, self._tokens(read, segmenter, fields, table)):
                arrays = [cut[name] for name in fields]
                tokens += sum(len(ids) for ids, _ in arrays)
                pickle.dump((r.record, r.facets, arrays), out, pickle.HIGHEST_PROTOCOL)
            del read
            return_free_memory()  # the batch's texts and terms, before the next batch's
        return tokens

    def _tokens(self, read, segmenter: Segmenter, fields: list[str],
                table: TermTable) -> list[dict[str, FieldTokens]]:
        """Search-mode tokens of these articles' fields as TermTable arrays, cached by content
        hash (plugins.buildcache, on disk: every article's terms are gigabytes at 100,000
        articles) so a rebuild segments only the articles that changed; the others are
        segmented on every core."""
        global _segmenter
        # The dictionary changes how text is cut: it is part of every key.
        dictionary = hashlib.sha1("\n".join(segmenter.words).encode("utf-8")).hexdigest()
        keyed = []
        for r in read:
            texts = [r.texts.get(name, "") for name in fields]
            key = "\x1e".join([dictionary, *fields, *texts]).encode("utf-8")
            keyed.append((hashlib.blake2b(key, digest_size=20).hexdigest(), (fields, texts)))
        _segmenter = segmenter  # for the workers, which are forked with it
        try:
            packed = cache_for(self.settings).on_disk("search.tokens.v4").get_or_compute_all(
                keyed, _pack_fields, processes(self.settings))
        finally:
            _segmenter = None
        return [{name: _unpack(field, table) for name, field in zip(fields, row)}
                for row in packed]

    @staticmethod
    def _field_tokens(segmenter: Segmenter, field: str, text: str) -> tuple[list[str], list[int]]:
        terms, starts = segmenter.cut(text)
        if field == "title":
            # And every character of the title (segment.characters): any part of a title
            # finds its article.
            seen = set(zip(terms, starts))
            for t in characters(text):
                if (t.term, t.start) not in seen:
                    terms.append(t.term)
                    starts.append(t.start)
        return terms, starts

    def _write_worker(self) -> str:
        """The search worker as one file (WORKER_SAVE_AS): lunr.js, then the theme's
        search-core.js and search-worker.js. Returns a digest of it: the page asks for it with
        ?v=<digest>, so a browser never runs an old worker with a new page."""
        scripts = Path(self.theme) / "static" / "js"
        parts = [Path(self.search["LUNR_JS"]), scripts / "search-core.js", scripts / "search-worker.js"]
        missing = [str(p) for p in parts if not p.is_file()]
        if missing:
            raise SearchError(f"search: {', '.join(missing)} missing; the search worker is made of "
                              f"lunr.js and the theme's search-core.js and search-worker.js")
        # Each file on its own lines, ended by a semicolon: one file's last statement never
        # runs into the next.
        bundle = "\n;\n".join(p.read_text(encoding="utf-8") for p in parts) + "\n"
        target = Path(self.output_path) / self.search["WORKER_SAVE_AS"]
        target.parent.mkdir(parents=True, exist_ok=True)
        data = bundle.encode("utf-8")
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
        return hashlib.blake2b(data, digest_size=6).hexdigest()

    def _check_lunr(self):
        """lunr.js goes into the worker (it is not copied on its own: no page loads it)."""
        source = Path(self.search["LUNR_JS"])
        if not source.exists():
            raise SearchError(f"search: {source} is missing; run `npm ci` (package.json pins "
                              f"lunr {LUNR_VERSION})")
        head = source.read_text(encoding="utf-8")[:400]
        if LUNR_VERSION not in head:
            raise SearchError(f"search: {source} is not lunr {LUNR_VERSION}; the index format "
                              f"is written for that version (run `npm ci`)")
