"""The Content-Security-Policy every page carries (as <meta http-equiv>, themes/archive/
templates/base.html), a Jinja global (JINJA_GLOBALS in pelicanconf.py).

Scripts run only from the site's own files, plus the inline scripts the template passes in,
allowed by their sha256: whatever got into a page otherwise (an inline <script>, an onerror=
attribute, a javascript: link) does not run. No 'unsafe-eval' (neither lunr.js nor the theme's
scripts evaluate strings). The search runs in a Web Worker, a file of the site: worker-src
allows the site's own files and nothing else (no blob: or data: workers). The one allowance is
style="…" attributes, which the article sanitiser keeps only for table alignment (text-align).
"""
from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import urlsplit

__all__ = ["content_security_policy"]

_ORIGIN = re.compile(r"https?://[A-Za-z0-9.\-]+(?::\d+)?")


def content_security_policy(siteurl: str = "", *inline_scripts: str) -> str:
    """The policy for a page whose own files are under SITEURL (empty: the page's origin) and
    whose inline <script> elements hold exactly `inline_scripts`."""
    parts = urlsplit(siteurl or "")
    origin = f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""
    # A production build links its files by SITEURL: allow that origin too, so a build served
    # from another address (a preview, a mirror) still gets its scripts and styles.
    own = "'self'" + (f" {origin}" if _ORIGIN.fullmatch(origin) else "")
    hashes = "".join(f" 'sha256-{_sha256(script)}'" for script in inline_scripts)
    return "; ".join([
        f"default-src {own}",
        f"script-src {own}{hashes}",
        f"worker-src {own}",
        f"style-src {own}",
        "style-src-attr 'unsafe-inline'",
        f"img-src {own} https:",
        "object-src 'none'",
        "base-uri 'self'",
        f"form-action {own}",
    ])


def _sha256(script: str) -> str:
    return base64.b64encode(hashlib.sha256(str(script).encode("utf-8")).digest()).decode("ascii")
