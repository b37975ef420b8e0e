"""The measure on real texts: every labelled pair of tests/data/reprints/pairs.toml is grouped
or kept apart as a reader would, and grouping the development set, the seeds and those texts
finds exactly the reprint pairs (pair precision and recall)."""
import pytest

from plugins.reprints.evaluate import ROOT
from plugins.reprints.evaluate import corpus, labelled_pairs, pair_scores, text_of
from plugins.reprints.sketch import THRESHOLD, Sketch, comparable_text, shingle_hashes

PAIRS = labelled_pairs()


@pytest.mark.parametrize("pair", PAIRS, ids=[p.id for p in PAIRS])
def test_each_real_pair_is_grouped_or_kept_apart_as_a_reader_would(pair):
    assert pair.grouped == pair.reprint, (pair.what, round(pair.similarity, 3))


def test_the_threshold_leaves_room_on_both_sides():
    # The measured figures (README.md): the nearest non-pair and the farthest pair are both
    # well away from the threshold, so the MinHash estimate's error (about 0.04) cannot
    # flip a decision.
    pairs = [p.similarity for p in PAIRS if p.reprint]
    apart = [p.similarity for p in PAIRS if not p.reprint]
    assert min(pairs) - THRESHOLD > 0.1 and THRESHOLD - max(apart) > 0.1


def test_grouping_the_devset_seeds_and_real_pairs_finds_exactly_the_reprint_pairs():
    paths = corpus()
    assert len(paths) > 60
    precision, recall, found, expected = pair_scores(paths)
    assert len(expected) >= 4
    assert (precision, recall) == (1.0, 1.0), sorted(map(sorted, found ^ expected))


def test_traditional_with_pinyin_glosses_compares_as_its_simplified_text():
    raw = (ROOT / "raw" / "001_f9770c348b9317cb.txt").read_text("utf-8")
    assert "社區(qū)" in raw
    assert "(qū)" not in comparable_text(raw) and "区" in comparable_text("社區(qū)")
    article = text_of("content/articles/001-f9770c348b9317cb.md")
    assert Sketch.of(raw).similarity(Sketch.of(article)) > 0.9


def test_only_han_characters_count_so_markdown_and_page_text_measure_alike():
    markdown = "## 一、工作\n\n1\\. 2022年，**街道**完成[改造](https://x.cn)……"
    page_text = "一、工作 1. 2022年，街道完成改造……"
    assert comparable_text(markdown) == comparable_text(page_text) == "一工作年街道完成改造"
    assert list(shingle_hashes(markdown)) == list(shingle_hashes(page_text))


def test_a_text_too_short_to_judge_is_never_grouped_by_detection():
    short = Sketch.of("街道召开会议部署工作。")
    assert not short.comparable()
    assert short.similarity(Sketch.of("街道召开会议部署工作。")) == 1.0  # measured, but unused


def test_the_index_measures_candidates_as_a_pair_is_measured():
    # SketchIndex.matches measures all candidates of a query at once (numpy); the figures
    # must be those of Sketch.similarity, the one the README's table reports.
    from plugins.reprints.evaluate import sketch_of
    from plugins.reprints.groups import SketchIndex

    for pair in (p for p in PAIRS if p.reprint):
        index = SketchIndex()
        index.add(pair.b, sketch_of(pair.b))
        (key, similarity), = index.matches(sketch_of(pair.a))
        assert key == pair.b and similarity == pytest.approx(pair.similarity, abs=1e-12)
