"""Production settings: absolute SITEURL from the environment, feeds on.

    SITEURL=https://example.github.io/archive .venv/bin/invoke publish
"""
import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F401,F403

SITEURL = os.environ.get("SITEURL", "").rstrip("/")
if not SITEURL.startswith(("http://", "https://")):
    # Feeds, canonical links, OpenGraph and the sitemap all need the absolute address.
    raise SystemExit("publishconf.py: set SITEURL to the site's absolute address, "
                     "e.g. SITEURL=https://example.github.io/archive invoke publish")
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"
# plugins.places writes one Atom feed per place and per topic when FEED_ALL_ATOM is set.
FEED_MAX_ITEMS = 50
DELETE_OUTPUT_DIRECTORY = True
# Where raw/ is public, e.g. https://github.com/OWNER/REPO/blob/COMMIT (the deploy workflow
# sets it): article pages then link the raw source file.
RAW_BASE_URL = os.environ.get("RAW_BASE_URL", "").rstrip("/")
