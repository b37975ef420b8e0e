"""Property tests: random and hostile input never crashes the importer, and body text made of
Chinese sentences never loses a Chinese character."""
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings, strategies as st

from plugins.gazetteer import Gazetteer
from plugins.importer import patterns as P
from plugins.importer.errors import ImportFailure
from plugins.importer.importer import MIN_ARTICLE_HAN, Options, build_document, import_file
from plugins.article_meta.topics import load_topics
from plugins.zhtext import to_simplified

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
SEED_TEXT = (ROOT / "raw" / "000_0d733a690fc97fb8.txt").read_text(encoding="utf-8")
HAN_POOL = sorted(set(re.findall(r"[\u4e00-\u9fff]", SEED_TEXT)))
SETTINGS = settings(max_examples=int(os.environ.get("IMPORTER_EXAMPLES", "120")), deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture(scope="module")
def env():
    return Gazetteer.load(DATA), load_topics(DATA)


han_run = st.text(alphabet=st.sampled_from(HAN_POOL), min_size=2, max_size=12)
sentence = st.lists(han_run, min_size=1, max_size=4).map(lambda parts: "，".join(parts) + "。")
paragraph = st.lists(sentence, min_size=1, max_size=4).map("".join)


@SETTINGS
@given(paras=st.lists(paragraph, min_size=1, max_size=8, unique=True))
def test_no_chinese_character_of_body_text_is_dropped(env, paras):
    assume(not any(rx.search(p) for p in paras for _, rx in P.BOILERPLATE_LINES))
    data = "\n".join(paras).encode("utf-8")
    assume(sum(len(re.findall(r"[\u4e00-\u9fff]", p)) for p in paras) >= MIN_ARTICLE_HAN)
    doc, _ = build_document(Path("raw/random.txt"), data, *env)
    # A proposed title (Review: title) is the importer's words, not the document's.
    title = "" if "title" in doc.review else doc.meta.get("title", "")
    kept = title + doc.meta.get("summary", "") + "".join(p.text for p in doc.paras)
    expected = re.findall(r"[\u4e00-\u9fff]", to_simplified("".join(paras)))
    assert re.findall(r"[\u4e00-\u9fff]", kept) == expected


hostile_text = st.lists(
    st.one_of(
        st.sampled_from(HAN_POOL),
        st.sampled_from(list("，。、：；（）()[]【】“”<>&/|>＞\\*_#-+!?:;,.\u3000\u00a0\u200b\t ")),
        st.sampled_from(["\n", "\r\n", "XX街道", "设为首页", "来源:", "时间:2019/5/22", "摘要:",
                         "(wǎng)", "?xì)", "上一篇", "（李涛 徐梅）", "一、", "（一）", "1.", "截至2022年10月",
                         "<script>", "</p>", "<p>", "<!DOCTYPE html>", "&amp;", "1558489715931044014.jpg"]),
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=200,
).map("".join)


@SETTINGS
@given(text=hostile_text, encoding=st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_hostile_text_never_crashes(env, tmp_path, text, encoding):
    data = text.encode(encoding, errors="ignore")
    try:
        doc, _ = build_document(Path("raw/hostile.txt"), data, *env)
    except ImportFailure as e:
        assert str(e).startswith("raw/hostile.txt")
        return
    assert doc.meta["kind"] in ("report", "news")
    assert doc.meta["date_precision"] in ("day", "month", "year", "unknown")


@SETTINGS
@given(data=st.binary(max_size=2000))
def test_random_bytes_never_crash(env, tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("bytes")
    raw = folder / "raw" / "random.txt"
    raw.parent.mkdir()
    raw.write_bytes(data)
    result = import_file(raw, Options(dest=folder / "out", data_dir=DATA), *env, {})
    if result.failed:
        assert result.error.startswith(str(raw))
        assert "\n" not in result.error
    else:
        assert result.article.read_text(encoding="utf-8").startswith("Title: ")
    assert raw.read_bytes() == data


mixed_text = st.lists(st.one_of(st.sampled_from(HAN_POOL),
                                st.sampled_from(list(",.:;()!?%/-+ 0123456789abcXYZ“”，。：（）\u3000\u00a0"))),
                      max_size=80).map("".join)


@SETTINGS
@given(text=mixed_text)
def test_punctuation_keeps_every_letter_and_digit_and_is_idempotent(text):
    from plugins.zhtext.punctuation import normalize_spaces, to_fullwidth_punctuation
    out = to_fullwidth_punctuation(normalize_spaces(text))
    assert re.findall(r"[\w]", out) == re.findall(r"[\w]", text)
    assert to_fullwidth_punctuation(out) == out
    assert not re.search(r"[\u4e00-\u9fff],|,[\u4e00-\u9fff]", out)
