"""The sharded index scores like one lunr index: on a sample archive, every query (OPTIONAL
clauses with the boosts the browser gives typed words, synonyms and sub-words) returns the same
articles with the same scores (within 1e-6) and the same matched terms as an index built by
lunr.py from the same terms, so computing lunr's structures directly
(plugins/search/writer.py) and adding the shards' scores up (search-core.js scoreClauses) is
safe. The articles that have every term score as lunr.py scores them with every term
REQUIRED: the full matches are lunr's own."""
import random

import numpy as np
import pytest
from hypothesis import given, strategies as st
from lunr.builder import Builder
from lunr.query import QueryPresence

from plugins.search.writer import (Partition, SearchDocument, expand_offsets, expand_shard,
                                   read_index_file, ref_of, round3, write_index)
from plugins.zhtext.segment import Segmenter, user_words, with_subwords
from tests.conftest import ROOT

from .conftest import run_node

FIELDS = {"title": 10.0, "body": 1.0, "places": 2.0, "topics": 2.0, "tags": 2.0}
PLACES = ["枣庄市", "市中区", "垎塔埠街道", "青岛市", "黄岛区", "灵山卫街道", "回民区", "中山西路街道"]
TOPICS = ["老旧小区改造", "网格化治理", "疫情防控", "便民服务", "党建引领"]


def sample_archive(n: int = 60) -> list[dict[str, str]]:
    """Articles made of the seed documents' real paragraphs, deterministically mixed."""
    paragraphs = []
    for path in sorted((ROOT / "raw").glob("*.txt")):
        text = path.read_bytes().decode("utf-8", errors="replace")
        paragraphs += [p.strip() for p in text.splitlines() if len(p.strip()) > 20]
    rng = random.Random(4)
    docs = []
    for _ in range(n):
        body = "\n".join(rng.sample(paragraphs, rng.randint(1, 4)))
        docs.append({"title": rng.choice(paragraphs)[:24], "body": body,
                     "places": " ".join(rng.sample(PLACES, 2)),
                     "topics": " ".join(rng.sample(TOPICS, rng.randint(0, 2))),
                     "tags": rng.choice(["", "发布会", "荣誉", "工作总结"])})
    return docs


# One spill group, and three: the postings spilled to disk by the first character of their
# term and each group's shards made from it alone (write_index) score the same.
@pytest.fixture(scope="module", params=[1, 3], ids=["one group", "three groups"])
def indexes(tmp_path_factory, request):
    docs = sample_archive()
    words = user_words(PLACES, TOPICS)
    seg = Segmenter(words)
    tokens = [{f: seg.tokens(d[f]) for f in FIELDS} for d in docs]
    vocabulary = {t.term for doc in tokens for toks in doc.values() for t in toks} | set(words)
    tokens = [{f: with_subwords(toks, vocabulary) for f, toks in doc.items()} for doc in tokens]

    out = tmp_path_factory.mktemp("equivalence")
    documents = [SearchDocument(doc, {"t": "", "u": "", "p": "", "d": "", "k": "", "x": ""})
                 for doc in tokens]
    manifest = write_index(iter(documents), out, fields=FIELDS, postings_per_shard=150,
                           groups=request.param)
    assert manifest["light"] % request.param == 0

    builder = Builder()
    builder.pipeline.reset()
    builder.search_pipeline.reset()
    builder.ref("id")
    for name, boost in FIELDS.items():
        builder.field(name, boost=boost)
    for number, doc in enumerate(tokens):
        entry = {"id": ref_of(number)}
        entry.update({name: [t.term for t in toks] for name, toks in doc.items()})
        builder.add(entry)
    return out, manifest, builder.build(), tokens


BOOSTS = [1.0, 0.5, 0.3, 0.2, 0.1]


def queries(tokens) -> list[list[tuple[str, float]]]:
    """Single terms of every frequency, and two to five terms that occur together (in one
    shard or across shards) with the boosts of typed words, synonyms and sub-words, plus
    terms the archive lacks."""
    rng = random.Random(7)
    out = []
    for doc in rng.sample(tokens, 25):
        terms = sorted({t.term for toks in doc.values() for t in toks})
        out.append([(rng.choice(terms), 1.0)])
        out.append([(t, 1.0) for t in rng.sample(terms, 2)])
        out.append([(t, 1.0) for t in rng.sample(terms, 3)])
        out.append([(t, rng.choice(BOOSTS)) for t in rng.sample(terms, 4)])
        other = sorted({t.term for toks in rng.choice(tokens).values() for t in toks})
        out.append([(rng.choice(terms), 1.0), (rng.choice(other), 0.5), (rng.choice(other), 0.2)])
    out.append([("街道", 1.0), ("不存在的词", 1.0)])
    out.append([("不存在的词", 0.5)])
    # One clause per term, as the browser sends them (lunr would add repeated boosts up).
    return [list(dict(reversed(q)).items())[::-1] for q in out]


def lunr_py_scores(index, clauses, presence=None) -> dict[str, tuple[float, list[str]]]:
    query = index.create_query()
    for term, boost in clauses:
        if presence is None:
            query.term(term, boost=boost, use_pipeline=False)
        else:
            query.term(term, boost=boost, presence=presence, use_pipeline=False)
    return {r["ref"]: (r["score"], sorted(r["match_data"].metadata)) for r in index.query(query)}


def test_sharded_scores_equal_one_lunr_py_index(indexes):
    out, manifest, lunr_index, tokens = indexes
    partition = Partition(manifest["heavy"], manifest["light"])
    # The comparison must cross shards, both characters' own shards and shared ones.
    assert manifest["shards"] > 10 and len(manifest["heavy"]) >= 3 and manifest["light"] >= 3
    qs = queries(tokens)
    sharded = run_node("score", {"index": str(out), "queries": qs})
    multi_shard = partial = full_checked = 0
    for clauses, got in zip(qs, sharded):
        expected = lunr_py_scores(lunr_index, clauses)
        assert set(got) == set(expected), clauses
        for ref, (score, matched) in expected.items():
            assert got[ref][0] == pytest.approx(score, abs=1e-6), (clauses, ref)
            assert got[ref][1] == matched, (clauses, ref)
        terms = {t for t, _ in clauses}
        multi_shard += len({partition.of(t) for t in terms}) > 1 and bool(expected)
        partial += any(set(m) != terms for _, m in expected.values())
        # The articles with every term: lunr.py's REQUIRED query finds exactly them, with
        # the same scores.
        required = lunr_py_scores(lunr_index, clauses, QueryPresence.REQUIRED)
        assert set(required) == {ref for ref, (_, m) in got.items() if set(m) == terms}, clauses
        for ref, (score, _) in required.items():
            assert got[ref][0] == pytest.approx(score, abs=1e-6), (clauses, ref)
        full_checked += len(required) > 0 and len(terms) > 1
    assert multi_shard >= 10 and partial >= 50 and full_checked >= 30
    assert sum(1 for s in sharded if s) >= 100


def test_every_shard_is_a_lunr_index_holding_its_terms(indexes):
    out, manifest, lunr_index, _ = indexes
    partition = Partition(manifest["heavy"], manifest["light"], tuple(manifest["heavy_parts"]))
    all_terms = set()
    parts = 0
    for n in range(manifest["shards"]):
        if n < len(manifest["heavy"]):
            # A busy character: every part is written, each holding the terms of its bucket
            # (the second character's code point modulo the parts).
            indexes = {k: expand_shard(read_index_file(out / manifest["files"]["part"].format(n=n, k=k)))
                       for k in range(manifest["heavy_parts"][n])}
            for k, shard in indexes.items():
                assert all(partition.bucket(t) == k for t, _ in shard["invertedIndex"])
            parts += sum(1 for shard in indexes.values() if shard["invertedIndex"]) > 1
        else:
            indexes = {0: expand_shard(read_index_file(out / manifest["files"]["shard"].format(n=n)))}
        for shard in indexes.values():
            terms = [t for t, _ in shard["invertedIndex"]]
            assert all(partition.of(t) == n for t in terms)
            assert terms == sorted(terms, key=lambda t: t.encode("utf-16-be"))
            assert not (all_terms & set(terms))
            all_terms.update(terms)
    assert all_terms == set(lunr_index.inverted_index)
    assert parts >= 1  # some busy character's terms are cut into several parts


def test_terms_with_the_same_two_first_characters_share_a_part():
    partition = Partition("社网", 3, (4, 3))
    # 社区, 社区服务, 社区服务中心 start 社区: one part of 社, whatever the length.
    assert len({partition.bucket(t) for t in ("社区", "社区服务", "社区服务中心")}) == 1
    assert partition.bucket("社") == ord("社") % 4 and partition.bucket("网格") == ord("格") % 3
    # Outside the BMP, by code point as in the browser (codePointAt).
    assert partition.bucket("社𠁞") == 0x2005E % 4
    assert Partition("", 3).of("𠁞") == 0x2005E % 3


def test_packed_files_unpack_alike_in_python_and_the_browser(indexes):
    """The browser unpacks shards and offsets files (search-core.js unpackShard, unpackOffsets)
    into exactly what writer.expand_shard and expand_offsets make: the lunr index whose scores
    the first test compares with lunr.py's, and the offsets of the phrase tests."""
    out, manifest, lunr_index, tokens = indexes
    shards = sorted((out / "s").iterdir())
    offsets = sorted((out / "p").iterdir())
    got = run_node("unpack", {"shards": [str(p) for p in shards], "offsets": [str(p) for p in offsets]})
    for path, js in zip(shards, got["shards"]):
        python = expand_shard(read_index_file(path))
        assert dict(js["fieldVectors"]) == dict(python["fieldVectors"]), path.name
        assert js["invertedIndex"] == python["invertedIndex"], path.name
    for path, js in zip(offsets, got["offsets"]):
        assert js == expand_offsets(read_index_file(path)), path.name
    # The offsets are those of the tokens: the first document's title terms where they were cut.
    doc = tokens[0]["title"]
    table = {}
    for path in offsets:
        table.update(expand_offsets(read_index_file(path)))
    for token in doc:
        gaps = table[token.term]["title"][ref_of(0)]
        assert token.start in np.cumsum(gaps).tolist(), token


# Weights near a rounding half: k/1000 + 0.0005 and its neighbouring doubles.
_halves = st.builds(lambda k, step: float(np.nextafter(k / 1000 + 0.0005, k / 1000 + step)),
                    st.integers(0, 60000), st.sampled_from([0, 0.0005, 1]))


@given(st.lists(st.floats(0, 60) | _halves, min_size=1, max_size=50))
def test_weights_round_as_python_and_lunr_py_round(values):
    # lunr.py rounds each weight with round(x, 3); the writer rounds arrays of them.
    assert round3(np.array(values)).tolist() == [round(x, 3) for x in values]
