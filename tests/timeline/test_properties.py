"""Properties over generated inputs: extraction never fails and only returns names written in
the sentence; wrapping any sentence of any inline markup keeps the HTML well nested and the
text unchanged."""
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from plugins.timeline.extract import extract
from plugins.article_meta.textview import HtmlText, wrap_ranges
from plugins.zhtext.sentences import sentence_spans

from tests.site.test_textview import _parse

WORDS = ["街道", "社区", "荣获", "称号", "示范", "创立", "“五单”", "工作法", "平台", "成立", "联盟",
         "被", "评为", "、", "，", "。", "；", "的", "2020年", "5月", "和", "不忘初心", "授予", "获得",
         "先进", "组建", "“", "”", "推行", "机制", "寨北", "怡园", "省民政厅", "A&B", "<", "了"]
sentences = st.lists(st.sampled_from(WORDS), min_size=1, max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(sentences)
def test_extraction_never_fails_and_names_come_from_the_sentence(sentence):
    for candidate in extract(sentence):
        assert candidate.type in ("honour", "initiative")
        bare = candidate.name.replace("“", "").replace("”", "")
        assert bare and bare in sentence.replace("“", "").replace("”", "")
        assert candidate.who in sentence or candidate.who == ""


TEXT = st.text(alphabet="街道荣获称号。创立平台！社区，&<>\"", min_size=1, max_size=12)


@st.composite
def paragraphs(draw):
    """HTML of one or two paragraphs with randomly nested inline elements."""
    def inline(depth):
        parts = []
        for _ in range(draw(st.integers(1, 4))):
            if depth < 3 and draw(st.booleans()):
                tag = draw(st.sampled_from(["strong", "em", "a", "code"]))
                attrs = ' href="/x/"' if tag == "a" else ""
                parts.append(f"<{tag}{attrs}>{inline(depth + 1)}</{tag}>")
            else:
                text = draw(TEXT)
                parts.append(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
        return "".join(parts)
    return "".join(f"<p>{inline(0)}</p>" for _ in range(draw(st.integers(1, 2))))


@settings(max_examples=300, deadline=None)
@given(paragraphs(), st.data())
def test_wrapping_any_sentence_keeps_html_well_nested_and_text_unchanged(html, data):
    doc = HtmlText(html)
    spans = sentence_spans(doc.text)
    if not spans:
        return
    chosen = data.draw(st.lists(st.sampled_from(spans), min_size=1, max_size=3, unique=True))
    ranges = [(*doc.html_range(s, e), [f"t-{i}"]) for i, (s, e) in enumerate(chosen)]
    out = wrap_ranges(html, ranges)
    ids = _parse(out)  # raises on badly nested markup
    assert HtmlText(out).text == doc.text
    for i, (s, e) in enumerate(chosen):
        assert doc.text[s:e] in ids[f"t-{i}"]
    assert len(re.findall('class="timeline-source"', out)) == len(chosen)
