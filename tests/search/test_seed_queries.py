"""The seed query set: what citizens type, over the five seed articles of content/. Every
relevant article must be within the first 10 results; the relevant articles are the ones whose
text (or place, topic, tag) holds the words, checked by hand against content/articles/. The
articles that must not be found are never among those with every query word (they may be
partial matches, after them)."""
import pytest

from .conftest import run_node, slug_of

ZHONGSHAN, GETABU, LIUZHOU, LINGSHANWEI, YIYUAN = (
    "000-0d733a690fc97fb8", "001-f9770c348b9317cb", "002-e8de5747f3f5b0b0",
    "003-533674c9486a0d79", "004-60c8b196861be597")
ALL = {ZHONGSHAN, GETABU, LIUZHOU, LINGSHANWEI, YIYUAN}

# (kind of query, query, relevant articles, articles that must not be found)
SEED_QUERIES = [
    ("word", "老旧小区改造", {ZHONGSHAN, GETABU}, {LIUZHOU, YIYUAN}),
    ("word", "网格员", {ZHONGSHAN, GETABU, LINGSHANWEI, YIYUAN}, set()),
    ("word", "电动车", {ZHONGSHAN, LINGSHANWEI}, set()),
    ("word", "党代表", {LIUZHOU}, set()),
    ("word", "退役军人", {ZHONGSHAN}, set()),
    ("word", "背街小巷", {GETABU}, set()),
    ("phrase", "办好百姓身边事", {LINGSHANWEI}, {GETABU, YIYUAN}),
    ("phrase", "满意垎塔埠", {GETABU}, {ZHONGSHAN, LIUZHOU, LINGSHANWEI, YIYUAN}),
    ("phrase", "和谐社区建设示范单位", {YIYUAN}, {ZHONGSHAN, LIUZHOU, LINGSHANWEI}),
    ("phrase", "红色引擎", {YIYUAN}, set()),
    ("words with spaces", "电动车 充电", {LINGSHANWEI}, {GETABU, YIYUAN}),
    ("words with spaces", "疫情防控  老旧小区", {ZHONGSHAN, GETABU}, {LIUZHOU, LINGSHANWEI, YIYUAN}),
    ("place", "枣庄", {GETABU}, {ZHONGSHAN, LIUZHOU, LINGSHANWEI, YIYUAN}),
    ("place", "垎塔埠街道", {GETABU}, {ZHONGSHAN, LIUZHOU, LINGSHANWEI, YIYUAN}),
    ("place", "回民区", {ZHONGSHAN}, {GETABU, LINGSHANWEI}),
    ("place", "灵山卫", {LINGSHANWEI}, {GETABU, YIYUAN}),
    ("place", "青岛", {LINGSHANWEI}, {GETABU, YIYUAN}),
    ("place", "柳州", {LIUZHOU}, {GETABU, YIYUAN}),
    ("place", "威海", {YIYUAN}, {GETABU, LINGSHANWEI}),
    ("place", "寨北社区", {YIYUAN}, set()),
    ("topic", "网格化治理", {GETABU, YIYUAN}, set()),
    ("topic", "民生保障", {ZHONGSHAN, GETABU, LIUZHOU}, set()),
    ("topic", "志愿服务", {ZHONGSHAN, GETABU, LINGSHANWEI}, set()),
    ("Traditional", "棗莊", {GETABU}, {ZHONGSHAN, LIUZHOU, LINGSHANWEI, YIYUAN}),
    ("Traditional", "社區", ALL, set()),
    ("Traditional", "網格員", {ZHONGSHAN, GETABU, LINGSHANWEI, YIYUAN}, set()),
    ("Traditional", "老舊小區改造", {ZHONGSHAN, GETABU}, set()),
    ("Traditional", "靈山衛街道", {LINGSHANWEI}, set()),
    ("no hit", "航天飞机", set(), ALL),
    ("no hit", "<script>alert(1)</script>", set(), ALL),
    ("no hit", "灵山卫 枣庄", set(), ALL),
]


@pytest.fixture(scope="module")
def seed_answers(seed_site):
    return run_node("search", {"index": str(seed_site / "search" / "index"),
                               "queries": [{"query": q} for _, q, _, _ in SEED_QUERIES]})["answers"]


def test_the_query_set_is_large_and_varied():
    assert len(SEED_QUERIES) >= 20
    assert {kind for kind, *_ in SEED_QUERIES} >= {
        "word", "phrase", "place", "topic", "Traditional", "no hit"}


@pytest.mark.parametrize("number", range(len(SEED_QUERIES)),
                         ids=[f"{k}:{q}" for k, q, _, _ in SEED_QUERIES])
def test_relevant_articles_in_the_first_ten(seed_answers, number):
    kind, query, relevant, not_found = SEED_QUERIES[number]
    results = seed_answers[number]["results"]
    slugs = [slug_of(r["url"]) for r in results]
    full = {slug_of(r["url"]) for r in results if r["tier"] < 2}
    assert relevant <= set(slugs[:10]), (query, slugs)
    assert relevant <= full, (query, full)
    assert not (not_found & full), (query, full)
    if kind == "no hit":
        assert not full, query


def test_exact_phrase_ranks_first(seed_answers):
    # 和谐社区建设示范单位 is a phrase in one article; its words also occur apart elsewhere.
    number = next(i for i, q in enumerate(SEED_QUERIES) if q[1] == "和谐社区建设示范单位")
    top = seed_answers[number]["results"][0]
    assert slug_of(top["url"]) == YIYUAN and top["phrase"] is True
