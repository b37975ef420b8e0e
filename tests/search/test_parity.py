"""Parity: the browser's JavaScript (run under node) folds and cuts exactly as Python does."""
import unicodedata

from plugins.zhtext.fold import fold, t2s_char_map
from plugins.zhtext.segment import cut_query

from .conftest import run_node
from .test_segment import CUT_CASES, index_vocabulary

FOLD_TEXTS = [
    "棗莊市市中區垎塔埠街道",             # Traditional place
    "社區服務中心，網格員３０人",          # Traditional with full-width digits
    "ＡＰＰ平台ＡＢＣ　ｘｙｚ２０２２",      # full-width Latin, ideographic space
    "QQ群 COVID-19 İstanbul Straße",   # only ASCII letters are lower-cased
    "乾隆年間的後臺",                     # a character the phrase-level t2s keeps (乾)
    "e\u0301 \uf900 豈",                 # NFC composition and a compatibility ideograph
    "𠁞𠌥 𩸽 😀",                          # characters outside the BMP
    "<script>alert('x')</script>",
    "",
]


def test_fold_matches_python():
    got = run_node("fold", {"t2s": t2s_char_map(), "texts": FOLD_TEXTS})
    assert got == [fold(t) for t in FOLD_TEXTS]


def test_fold_keeps_length_in_code_points():
    for text in FOLD_TEXTS:
        assert len(fold(text)) == len(unicodedata.normalize("NFC", text))


def test_cut_matches_python_on_the_golden_table():
    cases = [{"query": c["query"], "vocabulary": sorted(index_vocabulary(c["text"]))}
             for c in CUT_CASES]
    got = run_node("cut", {"t2s": t2s_char_map(), "cases": cases})
    for case, js in zip(CUT_CASES, got):
        python = [{"term": t.term, "start": t.start}
                  for t in cut_query(case["query"], index_vocabulary(case["text"]))]
        assert js == python, case["id"]
        assert [t["term"] for t in js] == case["tokens"], case["id"]


def test_cut_matches_python_outside_the_bmp():
    vocabulary = ["𠁞𠀾", "𩸽鱼", "鱼肉", "abc"]
    queries = ["𠁞𠀾𩸽鱼肉", "abc𩸽鱼 𠁞", "x𠀾"]
    got = run_node("cut", {"t2s": t2s_char_map(),
                           "cases": [{"query": q, "vocabulary": vocabulary} for q in queries]})
    for query, js in zip(queries, got):
        python = [{"term": t.term, "start": t.start} for t in cut_query(query, vocabulary)]
        assert js == python, query


def test_t2s_buckets_are_fetched_exactly_for_characters_the_map_changes(search_site):
    import json
    manifest = json.loads((search_site / "search" / "index" / "manifest.json").read_text("utf-8"))
    # Compatibility ideographs are left out: NFC turns them into other characters first.
    changed = sorted(c for c in t2s_char_map() if unicodedata.normalize("NFC", c) == c)
    unchanged = [chr(c) for c in range(0x4E00, 0xA000, 7) if chr(c) not in t2s_char_map()]
    got = run_node("t2sBuckets", {"manifest": manifest, "texts": changed + unchanged})
    assert got[:len(changed)] == [[ord(c) >> 8] for c in changed]
    assert got[len(changed):] == [[]] * len(unchanged)
