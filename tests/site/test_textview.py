"""Plain text of article HTML and the anchors put around source sentences in that HTML."""
import re
from html.parser import HTMLParser

import pytest

from plugins.article_meta.textview import HtmlText, plain_text, wrap_ranges
from plugins.zhtext.sentences import sentence_spans, split_sentences


class _Tree(HTMLParser):
    """Fails on badly nested markup; collects elements with an id and their text."""

    VOID = {"br", "img", "hr", "wbr", "input", "meta", "link"}

    def __init__(self):
        super().__init__()
        self.stack, self.ids = [], {}

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        self.stack.append((tag, dict(attrs).get("id"), []))

    def handle_endtag(self, tag):
        name, ident, text = self.stack.pop()
        assert name == tag, f"</{tag}> closes <{name}>"
        if ident:
            self.ids[ident] = "".join(text)
        if self.stack:
            self.stack[-1][2].extend(text)

    def handle_data(self, data):
        if self.stack:
            self.stack[-1][2].append(data)


def _parse(html):
    tree = _Tree()
    tree.feed(f"<div>{html}</div>")
    tree.close()
    assert not tree.stack
    return tree.ids


def _mark(html, sentence, ids):
    doc = HtmlText(html)
    start = doc.text.index(sentence)
    begin, end = doc.html_range(start, start + len(sentence))
    return wrap_ranges(html, [(begin, end, ids)])


def test_text_has_line_breaks_at_blocks_and_decoded_entities():
    doc = HtmlText("<h2>标题</h2><p>甲&amp;乙&lt;丙&#x4E01;。</p><ul><li>一</li><li>二</li></ul>")
    assert [line for line in doc.text.split("\n") if line] == ["标题", "甲&乙<丙丁。", "一", "二"]


def test_sentence_inside_one_paragraph_is_wrapped_exactly():
    html = "<p>第一句。街道创立“吾事五说”议事平台。第三句。</p>"
    out = _mark(html, "街道创立“吾事五说”议事平台。", ["t-a"])
    assert out == ('<p>第一句。<span class="timeline-source" id="t-a">街道创立“吾事五说”议事平台。'
                   '</span>第三句。</p>')


def test_sentence_with_inline_markup_inside_keeps_the_markup():
    html = "<p>前句。街道<strong>荣获</strong>全国<a href=\"/x/\">文明</a>单位称号。后句。</p>"
    out = _mark(html, "街道荣获全国文明单位称号。", ["t-a"])
    assert _parse(out)["t-a"] == "街道荣获全国文明单位称号。"
    assert '<strong>荣获</strong>' in out and '<a href="/x/">文明</a>' in out


@pytest.mark.parametrize("html, sentence", [
    # starts outside <em>, ends inside it
    ("<p>前句。街道创立<em>“五单”工作法。后半</em>尾。</p>", "街道创立“五单”工作法。"),
    # starts inside <em>, ends outside it
    ("<p><em>前句。街道创立</em>“五单”工作法。尾。</p>", "街道创立“五单”工作法。"),
    # crosses two nested elements
    ("<p><b>前<i>句。街道</i>创立</b>“五单”工作法。</p>", "街道创立“五单”工作法。"),
])
def test_sentence_crossing_inline_markup_gets_a_well_nested_wrapper(html, sentence):
    out = _mark(html, sentence, ["t-a"])
    marked = _parse(out)["t-a"]  # parses: the wrapper is well nested
    assert sentence in marked
    assert re.sub(r"<[^>]+>", "", out) == re.sub(r"<[^>]+>", "", html)  # text unchanged


def test_entities_in_a_sentence_are_kept_and_covered():
    html = "<p>街道成立“A&amp;B”联盟。</p>"
    out = _mark(html, "街道成立“A&B”联盟。", ["t-a"])
    assert out == '<p><span class="timeline-source" id="t-a">街道成立“A&amp;B”联盟。</span></p>'


def test_several_entries_of_one_sentence_each_get_a_target():
    html = "<p>甲荣获A称号，乙荣获B称号。</p>"
    out = _mark(html, "甲荣获A称号，乙荣获B称号。", ["t-a", "t-b"])
    ids = _parse(out)
    assert ids["t-a"] == ids["t-b"] == "甲荣获A称号，乙荣获B称号。"


def test_overlapping_ranges_are_merged_into_one_well_nested_wrapper():
    html = "<p><em>一句。二句</em>续。</p>"
    doc = HtmlText(html)
    at = doc.text.index("一句。")
    first = doc.html_range(at, at + 3)
    second = doc.html_range(at + 3, at + len("一句。二句续。"))
    out = wrap_ranges(html, [(*first, ["t-a"]), (*second, ["t-b"])])
    ids = _parse(out)
    assert "一句。" in ids["t-a"] and "二句续。" in ids["t-b"]


def test_script_and_style_are_not_text():
    doc = HtmlText("<p>正文。</p><script>var a = '创立“假”平台。';</script><style>p{}</style>")
    assert doc.text.strip() == "正文。"


def test_sentence_spans_give_offsets_of_split_sentences():
    text = "  第一句。第二句！\n“第三句。”第四句"
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == split_sentences(text) == [
        "第一句。", "第二句！", "“第三句。”", "第四句"]


def test_plain_text_reads_inline_markup_as_one_word_and_blocks_as_spaces():
    html = "<h2>标题</h2><p>街道<strong>荣获</strong>称号&amp;奖励。</p><ul><li>一</li><li>二</li></ul>"
    assert plain_text(html) == "标题 街道荣获称号&奖励。 一 二"
    assert plain_text(html, 6) == "标题 街道…"


def test_headings_are_the_h2_and_h3_with_ids_in_order():
    html = ('<h2 id="sec">一、<em>党建</em>引领</h2><p>正文</p><h3 id="sec_1">（一）网格</h3>'
            '<h4 id="sec_2">不算</h4><h2>没有 id</h2>')
    assert HtmlText(html, offsets=False).headings() == [
        {"level": 2, "text": "一、党建引领", "id": "sec"},
        {"level": 3, "text": "（一）网格", "id": "sec_1"}]
