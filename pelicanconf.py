"""Development settings for 基层档案. Production overrides live in publishconf.py."""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
# Plugins are imported as `plugins.<name>` so they share one module identity with the code
# (importer, tests) that imports them the same way.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

AUTHOR = "基层档案编辑部"
SITENAME = "基层档案"
SITESUBTITLE = "街道、社区、乡镇的新闻与工作报告"
SITEURL = ""

PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
# Articles and pages are Markdown with the archive's front matter (docs/architecture.md):
# another format would bypass its validation, so Pelican's other readers are off.
READERS = {"html": None, "htm": None, "rst": None}
STATIC_PATHS = []
# Reference data the build reads besides content/ (gazetteer, topics, timeline curation).
ARCHIVE_DATA_PATH = str(ROOT / "data")

TIMEZONE = "Asia/Shanghai"
DEFAULT_LANG = "zh-CN"
DEFAULT_DATE_FORMAT = "%Y年%-m月%-d日"
# Pelican's pagination is off: plugins.places pages its own lists (PLACES["PER_PAGE"]).
DEFAULT_PAGINATION = False

THEME = str(ROOT / "themes" / "archive")
# Autoescape: document text (titles, places, tags) is always escaped; templates mark the
# HTML Pelican renders from Markdown (article.content, page.content) with |safe.
# auto_reload off: every build makes its generators' environments anew, so a template edited
# between two livereload builds is still read; within a build, checking every template file's
# mtime at each of 30,000 renders cost seconds.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "extensions": [], "autoescape": True,
                     "auto_reload": False}
# The Content-Security-Policy of every page (base.html), with the hash of its inline script.
from plugins.csp import content_security_policy  # noqa: E402

JINJA_GLOBALS = {"content_security_policy": content_security_policy}
INDEX_URL = ""
# Latest articles on the home page.
HOME_LATEST = 10
# Without a Summary line the first paragraph is the summary (DESIGN.md).
SUMMARY_MAX_PARAGRAPHS = 1
PLUGINS = [
    "plugins.buildcache",  # first: gives the build its cache folder before others run
    "plugins.buildgc",
    "plugins.compactcontent",  # articles' HTML held compressed once read
    "plugins.article_meta",
    "plugins.places",
    "plugins.seo",
    "plugins.search",
    "plugins.timeline",
    "plugins.reprints",  # copies of one story grouped (docs/architecture.md#reprints)
    "plugins.buildlog",
    "plugins.staleoutput",
    "plugins.pagecache",  # pages whose inputs did not change are not rendered again
    "plugins.preview",  # invoke livereload: an edited article's page first, then the site
]  # entries like "plugins.places"

# Feeds are generated only in production (publishconf.py), where SITEURL is absolute.
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Stable ASCII URLs: /articles/2022/<slug>/, /articles/undated/<slug>/ (plugins.article_meta
# sets `archive_year` to the year or "undated", since an undated article has no date to format).
ARTICLE_URL = "articles/{archive_year}/{slug}/"
ARTICLE_SAVE_AS = "articles/{archive_year}/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
# Newest first; undated articles last (plugins.article_meta gives them a sentinel date).
from plugins.article_meta.record import archive_order  # noqa: E402
from plugins.article_meta.textview import section_id  # noqa: E402

ARTICLE_ORDER_BY = archive_order

# Pelican's own taxonomy pages slugify Chinese names with unidecode (colliding pinyin) and
# put every article in a "misc" category; plugins.places writes place, topic, year, kind and
# tag pages with explicit ASCII slugs instead.
USE_FOLDER_AS_CATEGORY = False
DEFAULT_CATEGORY = "archive"
DISPLAY_CATEGORIES_ON_MENU = False
DISPLAY_PAGES_ON_MENU = False
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
# Drafts are never published, not even at an unlinked URL.
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
DRAFT_PAGE_LANG_SAVE_AS = ""
ARTICLE_LANG_SAVE_AS = ""
PAGE_LANG_SAVE_AS = ""
# The archive has no translations. Pelican's grouping of them compares every article with
# every other (seconds at 10,000 articles); plugins.article_meta reports duplicate slugs.
ARTICLE_TRANSLATION_ID = None

# archives/ is written, paginated, by plugins.places (PLACES["ARCHIVES_URL"]).
DIRECT_TEMPLATES = ["index", "notfound"]
NOTFOUND_URL = "404.html"
NOTFOUND_SAVE_AS = "404.html"

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.sane_lists": {},
        # ASCII heading ids (sec, sec_1, ...) so the table of contents links stay ASCII.
        "markdown.extensions.toc": {"slugify": section_id, "toc_depth": "2-3"},
    },
    "output_format": "html5",
}

# Where raw/ is public (e.g. the repository's blob URL): article pages then link their raw
# source file; empty shows the path only.
RAW_BASE_URL = ""

# Site plugins' settings (defaults and checks live in each plugin's settings module).
PLACES = {}
SEO = {}

# --- timeline (issue 5): defaults and checks in plugins/timeline/settings.py; editors'
# hide/correct/add items in data/timeline.toml (TIMELINE["CURATION_FILE"]).
TIMELINE = {}

# output/ is not emptied before a build: emptying and refilling 30,000 files took seconds of
# every rebuild of a large archive. plugins.staleoutput removes afterwards what the previous
# build wrote and this one did not, so the result is the same; `invoke publish`
# (publishconf.py) still starts from an empty folder.
DELETE_OUTPUT_DIRECTORY = False
# --- build cache (issue 6, bench engineer) ------------------------------------------------
# plugins.buildcache gives each content tree its own folder under CACHE_PATH and lets plugins
# keep per-article work (tokens, extraction results) by content hash between builds.
CACHE_PATH = str(ROOT / "cache")
BUILDCACHE = {}
# Pelican's reader cache: an unchanged article (same mtime) is not read and rendered from
# Markdown again. It pickles the settings with each article's tags, so every setting must
# pickle (hence no lambdas in this file).
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CONTENT_CACHING_LAYER = "reader"
# --- end build cache -----------------------------------------------------------------------
