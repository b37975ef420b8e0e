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
STATIC_PATHS = []
# Reference data the build reads besides content/ (gazetteer, topics, timeline curation).
ARCHIVE_DATA_PATH = str(ROOT / "data")

TIMEZONE = "Asia/Shanghai"
DEFAULT_LANG = "zh-CN"
DEFAULT_DATE_FORMAT = "%Y年%-m月%-d日"
DEFAULT_PAGINATION = 20

THEME = str(ROOT / "themes" / "archive")
PLUGINS = []  # entries like "plugins.places"

# Feeds are generated only in production (publishconf.py), where SITEURL is absolute.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Stable ASCII URLs: /articles/2022/<slug>/
ARTICLE_URL = "articles/{date:%Y}/{slug}/"
ARTICLE_SAVE_AS = "articles/{date:%Y}/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"

CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
