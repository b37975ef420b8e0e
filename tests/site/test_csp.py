"""Script in an article or page never runs in a reader's browser (issue 14, item 3): a payload
in every front-matter field and in the body, built into a real site and loaded in headless
Chromium on every page type, with the site's Content-Security-Policy; the site still works
under that policy (search, font size, contrast)."""
import base64
import hashlib
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from plugins.csp import content_security_policy
from tests.browser import chromium, serve
from tests.conftest import build_site

from .conftest import fixture_content
from .helpers import page

# Each payload, if it ran, would set window.__pwned and open a dialog. No commas: list fields
# (Tags, Communities) split on them.
TEXT_PAYLOAD = ("\"><svg onload=window.__pwned=1;alert(1)>'><script>window.__pwned=2;alert(2)"
                "</script><img src=x onerror=window.__pwned=3;alert(3)></script><script>"
                "window.__pwned=4;alert(4)</script> javascript:window.__pwned=5;alert(5)")
LINK_PAYLOAD = "javascript:window.__pwned=6;alert(6)"
BODY_PAYLOAD = """
<script>window.__pwned=7;alert(7)</script>

<img src=x onerror="window.__pwned=8;alert(8)">

[点此链接](javascript:window.__pwned=9) 与 <a href="javascript:window.__pwned=10;alert(10)">另一个链接</a>
和 <a href="jav&#x09;ascript:window.__pwned=11">编码的链接</a>。

"><svg onload="window.__pwned=12;alert(12)">

<iframe srcdoc="<script>parent.__pwned=13;parent.alert(13)</script>"></iframe>

<details open ontoggle="window.__pwned=14;alert(14)"><summary>详情</summary>内容</details>

<form><button formaction="javascript:window.__pwned=15">按钮</button></form>

<object data="javascript:window.__pwned=16"></object><embed src="javascript:window.__pwned=17">

<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=javascript:window.__pwned=18">

<math><a xlink:href="javascript:window.__pwned=19">数学</a></math>
"""
TITLE_WORD = "网格化治理推进会"
ARTICLE = f"""Title: 垎塔埠街道召开{TITLE_WORD}{TEXT_PAYLOAD}
Date: 2019-05-22
Date_precision: day
Kind: news
Province: 山东省
City: 枣庄市
District: 市中区
Street: 垎塔埠街道
Communities: 光明路社区{TEXT_PAYLOAD}
Topics: 网格化治理
Tags: 网格员{TEXT_PAYLOAD}
Publisher: 垎塔埠街道办事处{TEXT_PAYLOAD}
Source: 枣庄市市中区人民政府网站{TEXT_PAYLOAD}
Source_url: {LINK_PAYLOAD}
Url: {LINK_PAYLOAD}
Author: 王明{TEXT_PAYLOAD}
Summary: 摘要{TEXT_PAYLOAD}
Review: date{TEXT_PAYLOAD}
Raw: raw/x.txt{TEXT_PAYLOAD}
Slug: xss-probe

5月22日，垎塔埠街道召开网格化治理推进会，部署下一阶段工作，要求各社区网格员每日巡查。
{BODY_PAYLOAD}
垎塔埠街道荣获了全省和谐社区建设示范街道荣誉称号。
"""
PAGE = f"""Title: 关于{TEXT_PAYLOAD}
Slug: xss-page
Summary: 摘要{TEXT_PAYLOAD}

本页介绍档案。
{BODY_PAYLOAD}
"""
ARTICLE_PATH = "articles/2019/xss-probe/"
# Each page type a reader can reach, by the folder its pages are written in.
LISTINGS = {"place": "places", "topic": "topics", "year": "years", "kind": "kinds", "tag": "tags",
            "archives": "archives"}


def _key_of_line(text: str, line: int) -> str:
    return text.splitlines()[line - 1].split(":", 1)[0]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> tuple[Path, set[str]]:
    """The fixture site plus the payload article and page. A field the build refuses with a
    `path:line` error (the front-matter validator) never reaches a reader: it is replaced by a
    harmless value and the build repeated; the refused keys are returned."""
    article, refused = ARTICLE, set()
    for _ in range(len(ARTICLE.splitlines())):
        tmp = tmp_path_factory.mktemp("hostile-site")
        content = fixture_content(tmp)
        (content / "articles" / "xss-probe.md").write_text(article, encoding="utf-8")
        (content / "pages" / "xss-page.md").write_text(PAGE, encoding="utf-8")
        try:
            return build_site(tmp, content=content), refused
        except Exception as error:  # noqa: BLE001 - a refused field is named in the message
            lines = [int(n) for n in re.findall(r"xss-probe\.md:(\d+):", str(error))]
            if not lines:
                raise
            rows = article.splitlines()
            for line in sorted(set(lines), reverse=True):
                key = _key_of_line(article, line)
                refused.add(key)
                if key == "Title":
                    rows[line - 1] = rows[line - 1].replace(TEXT_PAYLOAD, "")
                else:  # every other field with a payload may be left out
                    del rows[line - 1]
            article = "\n".join(rows) + "\n"
    raise AssertionError("the payload article never built")


def _pages(site: Path) -> dict[str, str]:
    """Page type → URL path of one page of that type that shows the payload article."""
    found = {"home": "", "article": ARTICLE_PATH, "page": "xss-page/", "about": "about/",
             "search": f"search/?q={TITLE_WORD}", "timeline": "timeline/",
             "404": "no-such-page/"}
    for kind, folder in LISTINGS.items():
        for file in sorted((site / folder).rglob("index.html")):
            if "__pwned" in file.read_text(encoding="utf-8"):  # the payload title, as text
                found[kind] = file.parent.relative_to(site).as_posix() + "/"
                break
        else:
            raise AssertionError(f"no {kind} page lists the payload article")
    return found


def test_the_payloads_reach_the_pages_only_as_text(hostile_site):
    site, _ = hostile_site
    article = page(site, ARTICLE_PATH)
    body = article.select_one(".article-body")
    assert "每日巡查" in body.get_text() and "内容" in body.get_text()
    # The sanitiser leaves no element or attribute that runs script, and no javascript: URL.
    for element in body.find_all(True):
        assert element.name not in ("script", "svg", "iframe", "object", "embed", "base", "meta",
                                    "form", "button", "math"), element
        for name, value in element.attrs.items():
            assert not name.startswith("on"), element
            assert "javascript" not in str(value).lower().replace("\t", ""), element
    # The field payloads are shown as text (escaped), not parsed as markup.
    assert TEXT_PAYLOAD in article.select_one("h1").get_text()


@pytest.mark.slow
@pytest.mark.browser
def test_no_payload_runs_and_the_site_works_under_its_csp(hostile_site):
    site, refused = hostile_site
    # The validator may refuse link and closed-vocabulary fields; free text must be shown.
    assert not refused & {"Title", "Summary", "Tags", "Communities", "Publisher", "Source",
                          "Author"}, refused
    pages = _pages(site)
    with serve(site) as base, chromium() as browser:
        context = browser.new_context()
        # Violations of the policy, from the first byte of each page.
        context.add_init_script("window.__violations = []; document.addEventListener("
                                "'securitypolicyviolation', e => window.__violations.push("
                                "e.violatedDirective + ' ' + e.blockedURI));")
        tab = context.new_page()
        dialogs = []
        tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        tab.goto(base)
        tab.evaluate("localStorage.setItem('archive-font', '2');"
                     "localStorage.setItem('archive-contrast', 'high')")
        for kind, path in pages.items():
            tab.goto(base + path)
            tab.wait_for_load_state("networkidle")
            where = f"{kind} ({path})"
            policy = tab.locator("meta[http-equiv='Content-Security-Policy']")
            assert policy.count() == 1, where
            content = policy.get_attribute("content")
            assert "'unsafe-eval'" not in content and "object-src 'none'" in content, where
            assert re.search(r"script-src 'self' 'sha256-[A-Za-z0-9+/=]+'(;|$)", content), where
            # The site's own scripts and styles are all allowed: no violation on load.
            assert tab.evaluate("window.__violations") == [], where
            # The inline reading-settings script ran (allowed by its hash): it is what applies
            # the saved settings before the first paint.
            assert tab.evaluate("document.documentElement.dataset.font") == "2", where
            assert tab.evaluate("document.documentElement.dataset.contrast") == "high", where
            # No element carries an event handler attribute.
            assert tab.evaluate("[...document.querySelectorAll('*')].flatMap(e => "
                                "[...e.attributes].map(a => a.name)).filter(n => "
                                "n.startsWith('on'))") == [], where
            # Following a javascript: link (what the link fields may produce) runs nothing.
            for link in tab.locator("a[href^='javascript:' i]").all():
                link.click(no_wait_after=True)
            tab.wait_for_timeout(50)
            assert tab.evaluate("window.__pwned") is None, where
            assert dialogs == [], where
            # Font size and contrast controls work under the policy.
            tab.get_by_role("button", name="增大字号").click()
            assert tab.evaluate("document.documentElement.dataset.font") == "3", where
            tab.get_by_role("button", name="减小字号").click()
            contrast = tab.get_by_role("button", name="高对比度")
            contrast.click()
            assert contrast.get_attribute("aria-pressed") == "false", where
            contrast.click()
            assert contrast.get_attribute("aria-pressed") == "true", where
            if kind == "search":
                titles = tab.locator("#search-results li h3 a")
                titles.first.wait_for()
                assert any(TITLE_WORD in t for t in titles.all_inner_texts()), where
                assert tab.evaluate("window.__pwned") is None and dialogs == [], where
        context.close()


def test_every_page_type_carries_the_policy(fixture_site):
    pages = sorted(Path(fixture_site).rglob("*.html"))
    assert len(pages) > 20
    for file in pages:
        head = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser").head
        metas = head.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert len(metas) == 1, file
        # Before every script and stylesheet: a policy applies only to what follows it.
        first = head.find(["script", "link", "style"])
        assert metas[0].sourceline < first.sourceline, file


def test_the_policy_allows_exactly_the_inline_script_it_is_given():
    script = 'try{document.documentElement.dataset.font="1"}catch(e){}'
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    policy = content_security_policy("", script)
    directives = dict(d.split(" ", 1) for d in policy.split("; "))
    assert directives["script-src"] == f"'self' 'sha256-{digest}'"
    # The search worker is a file of the site; no blob: or data: worker.
    assert directives["worker-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["base-uri"] == "'self'"
    assert "unsafe-eval" not in policy and "'unsafe-inline'" not in directives["script-src"]
    # A production build links its files by SITEURL: that origin is allowed too.
    published = dict(d.split(" ", 1) for d in
                     content_security_policy("https://example.github.io/archive", script).split("; "))
    assert published["script-src"] == f"'self' https://example.github.io 'sha256-{digest}'"
    # Anything that is not a plain origin is left out, never pasted into the policy.
    assert "evil" not in content_security_policy("https://x.org;script-src evil", script)
