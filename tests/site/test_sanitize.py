"""Article and page HTML is sanitised where the Markdown reader makes it (issue 14, item 3):
what runs script goes, what Markdown, its extensions and the importer produce stays."""
import feedparser
import markdown
import pytest
from bs4 import BeautifulSoup
from pelican.settings import read_settings

from plugins.article_meta.reader import ArchiveMarkdownReader
from plugins.article_meta.sanitize import sanitize_html
from tests.conftest import ROOT, build_site

from .conftest import PUBLISHED_SITEURL
from .fixtures import ARTICLES

# {id, input, expected}: HTML as Markdown passes it through, and what is published.
CASES = [
    {"id": "script", "input": "<p>a</p><script>alert(1)</script>", "expected": "<p>a</p>"},
    {"id": "script-in-paragraph", "input": "<p>a<script>alert(1)</script>b</p>",
     "expected": "<p>ab</p>"},
    {"id": "onerror", "input": '<img src="x" onerror="alert(1)">', "expected": '<img src="x">'},
    {"id": "svg-onload", "input": '"><svg onload="alert(1)"><circle/>圆</svg>',
     "expected": '"&gt;'},
    {"id": "javascript-link", "input": '<a href="javascript:alert(1)">x</a>', "expected": "<a>x</a>"},
    {"id": "javascript-link-upper-spaced", "input": '<a href=" JaVaScRiPt:alert(1)">x</a>',
     "expected": "<a>x</a>"},
    {"id": "javascript-link-entity-tab", "input": '<a href="jav&#x09;ascript:alert(1)">x</a>',
     "expected": "<a>x</a>"},
    {"id": "data-link", "input": '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">x</a>',
     "expected": "<a>x</a>"},
    {"id": "vbscript-link", "input": '<a href="vbscript:msgbox(1)">x</a>', "expected": "<a>x</a>"},
    {"id": "iframe", "input": '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;">t</iframe>',
     "expected": ""},
    {"id": "object-embed", "input": '<object data="x.swf"></object><embed src="x.swf">', "expected": ""},
    {"id": "form", "input": '<form action="https://evil.example"><button formaction="javascript:alert(1)">b</button></form>',
     "expected": "b"},
    {"id": "base-meta", "input": '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
     "expected": ""},
    {"id": "details-ontoggle", "input": '<details open ontoggle="alert(1)"><summary>s</summary>t</details>',
     "expected": "<details><summary>s</summary>t</details>"},
    {"id": "style-element", "input": "<style>body{display:none}</style><p>a</p>", "expected": "<p>a</p>"},
    {"id": "style-attribute-only-alignment",
     "input": '<table><tr><td style="text-align: center; position: fixed">1</td></tr></table>',
     "expected": '<table><tbody><tr><td style="text-align:center">1</td></tr></tbody></table>'},
    {"id": "style-attribute-elsewhere", "input": '<p style="position:fixed">a</p>', "expected": "<p>a</p>"},
    {"id": "unknown-class", "input": '<p class="skip-link note">a</p>', "expected": '<p class="note">a</p>'},
    {"id": "data-attribute", "input": '<div data-prefs="">a</div>', "expected": "<div>a</div>"},
    {"id": "https-relative-fragment-mailto-kept",
     "input": '<a href="https://example.gov.cn/a?b=1&amp;c=2">a</a><a href="../x/">b</a>'
              '<a href="#sec_1">c</a><a href="mailto:editor@example.org">d</a><a href="/places/37/">e</a>',
     "expected": '<a href="https://example.gov.cn/a?b=1&amp;c=2">a</a><a href="../x/">b</a>'
                 '<a href="#sec_1">c</a><a href="mailto:editor@example.org">d</a><a href="/places/37/">e</a>'},
    {"id": "old-anchor-kept", "input": '<a name="part2"></a>', "expected": '<a name="part2"></a>'},
    {"id": "image-kept", "input": '<img alt="图" src="/img/a.png" title="标题" width="10">',
     "expected": '<img alt="图" src="/img/a.png" title="标题" width="10">'},
]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_sanitiser_cases(case):
    assert sanitize_html(case["input"]) == case["expected"]


# Every construct the project's Markdown settings (extra, toc, sane_lists) produce.
MARKDOWN_FEATURES = """[TOC]

## 一、工作概况 {: .note #overview }

段落有 *强调*、**粗体**、`代码`、[链接](https://example.gov.cn/a?b=1&c=2)、[站内](../x/)、[锚点](#sec)、
<editor@example.org>，以及图片 ![图](/img/a.png "标题")。HTML 是缩写。

### 1. 快速行动

| 左 | 中 | 右 |
|:---|:---:|---:|
| 1 | 2 | 3 |

> 引用的一段话。

1. 第一
2. 第二

- 甲
- 乙

```python
print("档案")
```

术语
:   定义

有脚注[^1]。

---

<div markdown="1">**HTML 里的 Markdown**</div>

[^1]: 脚注内容。

*[HTML]: Hyper Text Markup Language
"""


def _tree(html: str) -> list:
    """Elements (name, attributes) and texts in document order: what a reader sees, without the
    serialisation details (quotes, entities, `;` after a style) the sanitiser may change."""
    soup = BeautifulSoup(html, "html.parser")
    out = []
    for node in soup.descendants:
        if getattr(node, "name", None):
            attrs = {k: " ".join(v) if isinstance(v, list) else v for k, v in node.attrs.items()}
            if "style" in attrs:
                attrs["style"] = attrs["style"].replace(" ", "").rstrip(";")
            out.append((node.name, sorted(attrs.items())))
        elif str(node).strip():
            out.append(str(node).strip())
    return out


def _markdown() -> markdown.Markdown:
    settings = read_settings(str(ROOT / "pelicanconf.py"))["MARKDOWN"]
    return markdown.Markdown(extensions=list(settings["extension_configs"]),
                             extension_configs=settings["extension_configs"],
                             output_format=settings["output_format"])


def test_what_markdown_produces_is_kept():
    html = _markdown().convert(MARKDOWN_FEATURES)
    # The sample really has each construct (so the comparison below covers it).
    for construct in ('<div class="toc">', 'id="overview"', 'class="note"', "<table>",
                      'style="text-align: center;"', "<blockquote>", "<ol>", "<ul>",
                      'class="language-python"', "<dl>", 'class="footnote-ref"',
                      'class="footnote-backref"', "<abbr", "<img", "<hr>",
                      '<a href="&#109;&#97;&#105;&#108;&#116;&#111;&#58;'):  # mailto:, obfuscated
        assert construct in html, construct
    assert _tree(sanitize_html(html)) == _tree(html)


@pytest.mark.parametrize("path", sorted((ROOT / "content").rglob("*.md")),
                         ids=lambda p: p.name)
def test_the_archives_own_articles_and_pages_are_unchanged(path):
    # The importer's articles and the editors' pages, as Markdown renders them.
    html = _markdown().convert(path.read_text(encoding="utf-8"))
    assert _tree(sanitize_html(html)) == _tree(html)


def test_the_reader_sanitises_body_and_summary(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("Title: 标题\nSummary: 摘要<img src=x onerror=alert(1)>[链接](javascript:alert(2))\n\n"
                       "正文<script>alert(3)</script>\n\n<a href=\"javascript:alert(4)\">链接</a>\n",
                       encoding="utf-8")
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    content, metadata = ArchiveMarkdownReader(settings).read(str(article))
    assert content == "<p>正文</p>\n<p><a>链接</a></p>"
    assert metadata["summary"] == '<p>摘要<img src="x"><a>链接</a></p>'


def test_a_feed_carries_no_script_from_a_summary(tmp_path):
    # Feeds (production) publish the Summary as HTML, for feed readers to display.
    articles = dict(ARTICLES)
    articles["grid-meeting-2019.md"] = articles["grid-meeting-2019.md"].replace(
        "Slug: grid-meeting-2019", "Summary: 摘要<script>alert(1)</script><img src=x onerror=alert(2)>\n"
        "Slug: grid-meeting-2019")
    site = build_site(tmp_path, articles=articles, publish=PUBLISHED_SITEURL)
    feed = (site / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    entry = next(e for e in feedparser.parse(feed).entries if "grid-meeting-2019" in e.link)
    assert "摘要" in entry.summary
    for bad in ("script", "onerror", "alert"):
        assert bad not in feed, bad

