"""Production settings: absolute SITEURL from the environment, feeds on.

    SITEURL=https://example.github.io/archive .venv/bin/invoke publish
"""
import os
import re
import sys
from urllib.parse import urlsplit

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F401,F403

SITEURL = os.environ.get("SITEURL", "").rstrip("/")
if not SITEURL.startswith(("http://", "https://")):
    # Feeds, canonical links, OpenGraph and the sitemap all need the absolute address.
    raise SystemExit("publishconf.py: set SITEURL to the site's absolute address, "
                     "e.g. SITEURL=https://example.github.io/archive invoke publish")
# SITEURL goes unescaped into every page's links, the sitemap and robots.txt: a space, quote or
# angle bracket would break them (or inject markup), a query or fragment would end up in the
# middle of every URL.
_bad = re.search(r"[\s\"'<>`\\{}|^?#]|[\x00-\x1f\x7f]", SITEURL)
if _bad or not urlsplit(SITEURL).hostname:
    reason = f"it contains {_bad.group()!r}" if _bad else "it has no host name"
    raise SystemExit(f"publishconf.py: SITEURL {SITEURL!r} is not a usable address ({reason}); "
                     "set it to the site's absolute address, e.g. https://example.github.io/archive")
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"
# plugins.places writes one Atom feed per place and per topic when FEED_ALL_ATOM is set.
FEED_MAX_ITEMS = 50
DELETE_OUTPUT_DIRECTORY = True
# Where raw/ is public, e.g. https://github.com/OWNER/REPO/blob/COMMIT (the deploy workflow
# sets it): article pages then link the raw source file.
RAW_BASE_URL = os.environ.get("RAW_BASE_URL", "").rstrip("/")
