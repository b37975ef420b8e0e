"""Tokenizer tables: folding, user dictionary, search-mode terms with archive sub-words, and
query cutting by forward maximum matching — the same table drives the parity test under node."""
import pytest

from plugins.zhtext.segment import (Segmenter, cut_query, tokenize, user_words,
                                    with_subwords)

PLACES = ["山东省", "枣庄市", "市中区", "垎塔埠街道", "寨北社区", "灵山卫街道"]
TOPICS = ["老旧小区改造", "网格化治理", "网格员", "老旧小区"]

# One table for Python and JavaScript: the text is indexed, the query is cut against the
# vocabulary of that index; `tokens` is the expected cut.
CUT_CASES = [
    {"id": "topic-word", "text": "街道完成老旧小区改造12个", "query": "老旧小区改造",
     "tokens": ["老旧小区改造"]},
    {"id": "sub-word-of-user-word", "text": "街道完成老旧小区改造12个", "query": "老旧小区",
     "tokens": ["老旧小区"]},
    {"id": "traditional-query", "text": "枣庄市市中区垎塔埠街道", "query": "棗莊市市中區",
     "tokens": ["枣庄市", "市中区"]},
    {"id": "traditional-text", "text": "棗莊市社區服務中心", "query": "社区服务",
     "tokens": ["社区", "服务"]},
    {"id": "place-short-form", "text": "垎塔埠街道党工委", "query": "垎塔埠",
     "tokens": ["垎塔埠"]},
    {"id": "unknown-word-falls-back-to-characters", "text": "网格员走访居民", "query": "网格员鬼",
     "tokens": ["网格员", "鬼"]},
    {"id": "unknown-run", "text": "网格员走访居民", "query": "天气晴朗",
     "tokens": ["天", "气", "晴", "朗"]},
    {"id": "spaces-separate-words", "text": "疫情防控工作常态推进", "query": "疫情  防控 工作",
     "tokens": ["疫情", "防控", "工作"]},
    {"id": "latin-and-digits", "text": "推进5G基站和APP平台建设，2020年", "query": "ＡＰＰ 5g 2020年",
     "tokens": ["app", "5g", "2020", "年"]},
    {"id": "markup-is-separators", "text": "网格员走访", "query": "<script>网格员</script>",
     "tokens": ["script", "网格员", "script"]},
    {"id": "empty", "text": "网格员", "query": "  ，。 ", "tokens": []},
]


def index_vocabulary(text: str) -> set[str]:
    """The terms an index of this text holds, built as plugins/search/generator.py does."""
    words = user_words(PLACES, TOPICS)
    tokens = Segmenter(words).tokens(text)
    vocabulary = {t.term for t in tokens} | set(words)
    return {t.term for t in with_subwords(tokens, vocabulary)}


@pytest.mark.parametrize("case", CUT_CASES, ids=[c["id"] for c in CUT_CASES])
def test_cut_query(case):
    vocabulary = index_vocabulary(case["text"])
    assert [t.term for t in cut_query(case["query"], vocabulary)] == case["tokens"]


def test_query_terms_are_found_in_the_text_that_contains_them():
    # Whatever FMM picks from the vocabulary, the document holding the query has those terms.
    words = user_words(PLACES, TOPICS)
    seg = Segmenter(words)
    docs = ["街道完成老旧小区改造12个", "老旧小区的居民", "寨北社区网格员", "市中区垎塔埠街道"]
    tokens = [seg.tokens(d) for d in docs]
    vocabulary = {t.term for toks in tokens for t in toks} | set(words)
    terms = [{t.term for t in with_subwords(toks, vocabulary)} for toks in tokens]
    vocabulary = set().union(*terms)
    for doc, doc_terms in zip(docs, terms):
        for query in ("老旧小区", "网格员", "垎塔埠", "寨北", "居民", "市中区"):
            if query in doc:
                cut = {t.term for t in cut_query(query, vocabulary)}
                assert cut <= doc_terms, (doc, query, cut)


def test_search_mode_offsets_point_into_folded_text():
    seg = Segmenter(user_words(PLACES, TOPICS))
    text = "棗莊市 市中區，網格員３人"
    folded_compact = "枣庄市市中区，网格员3人"
    for token in seg.tokens(text):
        assert folded_compact[token.start:token.end] == token.term


def test_user_words():
    words = user_words(["垎塔埠街道", "寨北社区", "市中区", "县"], ["網格員", "网格"], ["全省和谐社区建设示范单位"])
    assert "垎塔埠街道" in words and "垎塔埠" in words and "寨北" in words
    assert "网格员" in words  # folded
    assert "全省和谐社区建设示范单位" in words
    assert "县" not in words and "区" not in words  # one character is no word
    assert list(words) == sorted(words)


def test_user_dictionary_keeps_words_whole_and_does_not_leak():
    assert "垎塔埠街道" in tokenize("垎塔埠街道召开发布会", ["垎塔埠街道"])
    # A segmenter without that dictionary (another build) does not know the word.
    assert "垎塔埠街道" not in tokenize("垎塔埠街道召开发布会")


def test_search_mode_yields_words_and_their_parts():
    terms = tokenize("中华人民共和国")
    assert "中华人民共和国" in terms and "人民" in terms and "共和国" in terms


def test_with_subwords_adds_only_vocabulary_terms():
    seg = Segmenter(("老旧小区改造",))
    tokens = seg.tokens("老旧小区改造")
    added = with_subwords(tokens, {"老旧", "小区改", "改造", "旧小"})
    assert {(t.term, t.start) for t in added} - {(t.term, t.start) for t in tokens} == {
        ("老旧", 0), ("小区改", 2), ("旧小", 1)}
