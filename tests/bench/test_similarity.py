"""bench.similarity: how alike texts are as the reprint grouping sees them."""
from pathlib import Path

from bench import corpus, similarity

ROOT = Path(__file__).resolve().parents[2]


def _seed_bodies() -> list[str]:
    return [similarity._body(p) for p in sorted((ROOT / "content" / "articles").glob("*.md"))]


def test_a_copy_is_a_candidate_and_unrelated_real_articles_are_not():
    first, second, third = _seed_bodies()[:3]
    n, mean, p99, candidates = similarity.figures([first, first, second, third])
    assert n == 4
    # One pair of six is the same text (Jaccard 1); the real articles share almost nothing.
    assert 1 / 6 <= mean < 1 / 6 + 0.02
    assert candidates == 0.5  # each copy proposes the other, nothing else is proposed


def test_it_prints_both_lines_for_a_corpus(tmp_path, capsys):
    corpus.generate(30, tmp_path)
    assert similarity.main(["--corpus", str(tmp_path), "--sample", "20"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("real documents") and out[1].startswith("synthetic, 20 of 30")
    assert all("candidates per query" in line for line in out)


def test_synthetic_articles_share_little_more_than_real_ones(tmp_path):
    content = corpus.generate(400, tmp_path)
    bodies = [similarity._body(p) for p in sorted((content / "articles").glob("*.md"))]
    n, mean, p99, candidates = similarity.figures(bodies)
    # Real documents measure a mean Jaccard of 0.001 and no candidates. Retold along three
    # characters, these 400 measured 0.032 and 15 candidates per query (the grouping's cost
    # then grows with the square of the archive); along two, 0.013 and 2.
    assert n == 400
    assert mean < 0.02 and candidates < 0.01 * n
