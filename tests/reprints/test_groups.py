"""Groups of real copies: the original is the earliest dated copy or the one an editor names,
an editor's `none` keeps a copy out, and the order in which copies come does not matter."""
import itertools

from plugins.reprints.evaluate import sketch_of
from plugins.reprints.groups import Copy, find_groups, order_of

WUZHOU_A = "tests/data/reprints/wuzhou-twtt918.txt"
WUZHOU_B = "tests/data/reprints/wuzhou-hscy8.txt"
QINGDAO = "tests/data/reprints/qingdao-liangbaoyong.txt"
QINGDAO_SHORT = "tests/data/reprints/qingdao-yujjsks.txt"
ANNUAL_2021 = "tests/data/reprints/xingsha-2021-csx.txt"
ANNUAL_2021_FARM = "tests/data/devset/d002.txt"
ANNUAL_2022 = "tests/data/reprints/xingsha-2022-csx.txt"


def copy(path, date="", traditional=False, reprint_of=""):
    return Copy(path, sketch_of(path), (*order_of(date, traditional), path), reprint_of)


def groups_of(copies):
    return {g.original: g.members for g in find_groups(copies)}


def test_the_earliest_dated_copy_is_the_original_and_undated_ones_come_last():
    copies = [copy(QINGDAO_SHORT, "2010-02-25"), copy(QINGDAO, ""),
              copy(ANNUAL_2021, "2022-01-24"), copy(ANNUAL_2021_FARM, "2022-03-01"),
              copy(ANNUAL_2022, "2022-11-25")]
    assert groups_of(copies) == {QINGDAO_SHORT: [QINGDAO_SHORT, QINGDAO],
                                 ANNUAL_2021: [ANNUAL_2021, ANNUAL_2021_FARM]}


def test_on_the_same_date_a_simplified_copy_comes_before_a_traditional_conversion():
    copies = [copy("tests/data/devset/d029.txt", "", traditional=True),
              copy("tests/data/reprints/xining-mingsheng688.txt", "")]
    assert list(groups_of(copies)) == ["tests/data/reprints/xining-mingsheng688.txt"]


def test_an_editors_reprint_of_names_the_original_and_joins_what_detection_would_not():
    copies = [copy(QINGDAO, "2010-02-25"), copy(QINGDAO_SHORT, "2010-02-26"),
              # An editor knows the 2022 report republishes nothing, yet says so: the word wins.
              copy(ANNUAL_2022, "2022-11-25"),
              copy(ANNUAL_2021, "2022-01-24", reprint_of=ANNUAL_2022)]
    assert groups_of(copies) == {QINGDAO: [QINGDAO, QINGDAO_SHORT],
                                 ANNUAL_2022: [ANNUAL_2022, ANNUAL_2021]}
    named = [copy(QINGDAO, "2010-02-25", reprint_of=QINGDAO_SHORT),
             copy(QINGDAO_SHORT, "2010-02-26")]
    assert groups_of(named) == {QINGDAO_SHORT: [QINGDAO_SHORT, QINGDAO]}


def test_none_keeps_a_copy_out_of_every_detected_group():
    copies = [copy(WUZHOU_A, "2024-02-02", reprint_of="none"), copy(WUZHOU_B, "2024-02-02")]
    assert find_groups(copies) == []


def test_a_reprint_read_before_its_original_still_groups_in_any_order():
    copies = [copy(WUZHOU_A, "2024-02-03"), copy(WUZHOU_B, "2024-02-02"),
              copy(QINGDAO, "2010-02-25"), copy(QINGDAO_SHORT, "2010-02-25"),
              copy(ANNUAL_2022, "2022-11-25")]
    expected = groups_of(copies)
    assert expected == {WUZHOU_B: [WUZHOU_B, WUZHOU_A], QINGDAO: [QINGDAO, QINGDAO_SHORT]}
    for order in itertools.permutations(copies):
        assert groups_of(list(order)) == expected


def test_a_group_reports_its_lowest_similarity_to_the_original():
    group, = find_groups([copy(QINGDAO, "2010-02-25"), copy(QINGDAO_SHORT, "2010-02-26")])
    assert group.similarity == group.similarities[QINGDAO_SHORT]
    assert group.similarity == round(sketch_of(QINGDAO).similarity(sketch_of(QINGDAO_SHORT)), 3)


def test_a_digest_of_two_stories_does_not_make_them_one():
    # A paper's digest reprints two streets' stories (real texts, one after the other): each
    # story is inside the digest, yet the two are no copies of each other.
    from plugins.reprints.evaluate import text_of
    from plugins.reprints.sketch import Sketch

    digest = Copy("digest", Sketch.of(text_of(WUZHOU_B) + text_of(QINGDAO)),
                  (*order_of("2024-02-05", False), "digest"))
    copies = [copy(WUZHOU_B, "2024-02-02"), copy(QINGDAO, "2010-02-25"), digest]
    assert sketch_of(WUZHOU_B).similarity(digest.sketch) >= 0.5
    assert sketch_of(QINGDAO).similarity(digest.sketch) >= 0.5
    (original, members), = groups_of(copies).items()
    assert original in (WUZHOU_B, QINGDAO) and members == [original, "digest"]
