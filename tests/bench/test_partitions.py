"""A partitioned build in small (docs/scale.md): the archive built as 4 parts, each with its own
cache, whose caches are merged (plugins.buildcache.merge) into the cache of a build of the
whole, gives the same site, byte for byte, as the whole built at once; and that build finds the
per-article work of the parts done instead of doing it again."""
import logging
import re
from pathlib import Path

import pytest

from bench import corpus
from plugins.buildcache.merge import main as merge_main
from tests.conftest import build_site

ARTICLES = 200
PARTS = 4


def _district(article: Path) -> str:
    found = re.search(r"^District: *(.*)$", article.read_text(encoding="utf-8"), re.M)
    return found.group(1) if found else ""  # a city's or province's own news


def _partition(content: Path) -> list[list[str]]:
    """Articles by district, the districts dealt to the parts largest first, each to the part
    with the fewest articles so far (a province per CI job, in small)."""
    by_district: dict[str, list[str]] = {}
    for article in sorted((content / "articles").glob("*.md")):
        by_district.setdefault(_district(article), []).append(
            str(article.relative_to(content)))
    parts: list[list[str]] = [[] for _ in range(PARTS)]
    for district in sorted(by_district, key=lambda d: (-len(by_district[d]), d)):
        min(parts, key=len).extend(by_district[district])
    return parts


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file()}


def _reuse(log: str) -> dict[str, tuple[int, int]]:
    return {ns: (int(reused), int(computed)) for ns, reused, computed in re.findall(
        r"buildcache: (\S+): (\d+) reused, (\d+) computed", log)}


@pytest.mark.slow
def test_four_partitions_merged_build_the_same_site_as_the_whole_at_once(tmp_path, caplog):
    content = corpus.generate(ARTICLES, tmp_path / "corpus")
    parts = _partition(content)
    assert all(parts) and sorted(sum(parts, [])) == sorted(
        str(p.relative_to(content)) for p in (content / "articles").glob("*.md"))

    whole = build_site(tmp_path / "whole", content=content)
    for number, articles in enumerate(parts):
        output = build_site(tmp_path / f"part-{number}", content=content,
                            settings={"ARTICLE_PATHS": articles})
        assert len(list((output / "articles").rglob("index.html"))) == len(articles)

    merged = tmp_path / "merged"
    assert merge_main([str(merged / "cache"),
                       *(str(tmp_path / f"part-{n}" / "cache") for n in range(PARTS))]) == 0
    caplog.clear()
    with caplog.at_level(logging.INFO):
        output = build_site(merged, content=content)

    expected, got = _files(whole), _files(output)
    assert sorted(got) == sorted(expected)
    assert [name for name in expected if got[name] != expected[name]] == []

    # The per-article work was done by the parts: the merged build reads no article again and
    # extracts no timeline sentence or reprint sketch again.
    assert f"build: 0 of {ARTICLES} articles to read" in caplog.text
    reuse = _reuse(caplog.text)
    assert reuse["timeline.extract.v3"] == (ARTICLES, 0)
    assert reuse["reprints.sketch.v1"] == (ARTICLES, 0)
    # The search's word list is the whole archive's (its places, the timeline's names): a
    # part cuts its text with another list, so the merged build cuts every article again.
    # docs/scale.md: the word list is a global step before the parts' tokenizing.
    assert reuse["search.tokens.v4"] == (0, ARTICLES)
