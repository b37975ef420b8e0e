"""Settings of plugins.search: one SEARCH dict merged over these defaults."""
from pathlib import Path

from plugins.options import plugin_options

ROOT = Path(__file__).resolve().parents[2]

DEFAULTS = {
    # Where the page and the index go, relative to the output folder.
    "PAGE_SAVE_AS": "search/index.html",
    "PAGE_URL": "search/",
    "INDEX_DIR": "search/index",
    "TEMPLATE": "search",
    # lunr.js 2.3.9 from npm, put into the site's search worker at build time (never a CDN).
    "LUNR_JS": str(ROOT / "node_modules" / "lunr" / "lunr.min.js"),
    # The search worker: lunr.js, the theme's search-core.js and search-worker.js in one
    # file, so the page starts the search with one request instead of three in a row.
    "WORKER_SAVE_AS": "search/worker.js",
    # Field → boost, in lunr's field order. The title counts ten times a body word.
    "FIELDS": {"title": 10, "body": 1, "places": 2, "topics": 2, "tags": 2},
    # Fields whose term offsets are stored, for ranking exact phrases first.
    "POSITION_FIELDS": ["title", "body"],
    # Shards are sized by postings (one posting = one term in one field of one article).
    "POSTINGS_PER_SHARD": 1500,
    # A term more articles have than this is split: its shard holds the articles where it
    # weighs most (its head), a file of its own the others (its tail). The browser ranks from
    # the heads and fetches a tail only when the heads cannot settle the first page or the
    # reader asks for more, so a first query costs about the same at 10,000 articles as at a
    # million (docs/scale.md).
    "HEAD_DOCUMENTS": 2000,
    # Records of consecutive articles per file. The results shown are scattered over the
    # archive, so a chunk of k records costs up to k times the bytes of the one needed: one
    # record a file by default (as Pagefind's fragments); raise it to have fewer files.
    "RECORDS_PER_CHUNK": 1,
    # Gzip the index files (the browser inflates them): small transfers on any static host.
    "COMPRESS": True,
    # Characters of body text kept in a record for the snippet: a result's snippet shows the
    # first place in them with the most query words, else the article's beginning. The
    # records of the results shown are most of a query's bytes (ten of them at 6,000
    # characters were 64 kB of a first query's 120 at 1,000 articles of real size).
    "SNIPPET_SOURCE_CHARS": 3000,
    # Extra user-dictionary words (honours, initiatives); plugins may also put a list under
    # the context key "search_extra_words" in their generate_context.
    "EXTRA_WORDS": [],
    # The editors' synonym table, in the archive's data folder (plugins/search/synonyms.py).
    "SYNONYMS_FILE": "synonyms.toml",
    # Boosts of what a query word may also match, against the typed word's 1: an equivalent
    # synonym, a related one, a compound sharing its head morpheme (志愿者 → 志愿服务队), and
    # the index terms inside the typed text when few articles have every word.
    "QUERY_BOOSTS": {"same": 0.5, "near": 0.3, "sub": 0.2, "piece": 0.1},
    # Fewer articles than this with every query word (a results page): the browser also looks
    # for the typed text however the index cut each article, and for compounds of a word's
    # head morpheme.
    "QUERY_FEW": 10,
}


def search_settings(settings) -> dict:
    return plugin_options(settings, "SEARCH", DEFAULTS, "search")
