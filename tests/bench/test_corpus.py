"""The synthetic archive: deterministic, valid front matter (DESIGN.md), and a site that builds
with no warning."""
import re
from datetime import date

import pytest

from bench import corpus
from bench.build import synthetic_overrides
from plugins.gazetteer import Gazetteer
from tests.conftest import ROOT, build_site

PRECISIONS = {"day", "month", "year", "unknown"}


def _front_matter(path):
    head, _, body = path.read_text(encoding="utf-8").partition("\n\n")
    meta = {}
    for n, line in enumerate(head.splitlines(), start=1):
        key, sep, value = line.partition(": ")
        assert sep and re.fullmatch(r"[A-Z][a-z_]+", key), f"{path.name}:{n}: not 'Key: value'"
        meta[key] = value
    return meta, body


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    return corpus.generate(120, tmp_path_factory.mktemp("corpus"))


def test_same_seed_same_archive_other_seed_other_archive(tmp_path, archive):
    again = corpus.generate(120, tmp_path / "again")
    files = sorted(p.name for p in (archive / "articles").iterdir())
    assert files == sorted(p.name for p in (again / "articles").iterdir())
    assert all((archive / "articles" / f).read_bytes() == (again / "articles" / f).read_bytes()
               for f in files)
    other = corpus.generate(120, tmp_path / "other", seed=7)
    assert (other / "articles" / files[0]).read_bytes() != (archive / "articles" / files[0]).read_bytes()


def test_front_matter_follows_the_contract(archive):
    gazetteer = Gazetteer.load(ROOT / "data")
    topics = {t["name"] for t in corpus.load_topics(ROOT / "data")}
    slugs, precisions, kinds, years, undated = set(), set(), set(), set(), 0
    for path in sorted((archive / "articles").glob("*.md")):
        meta, body = _front_matter(path)
        assert meta["Title"] and len(body) > 50
        assert meta["Kind"] in ("report", "news")
        kinds.add(meta["Kind"])
        precision = meta["Date_precision"]
        assert precision in PRECISIONS
        precisions.add(precision)
        if precision == "unknown":
            assert "Date" not in meta
            undated += 1
        else:
            day = date.fromisoformat(meta["Date"])
            assert date(2015, 1, 1) <= day <= date(2025, 12, 31)
            years.add(day.year)
            if precision == "month":
                assert day.day == 1
            if precision == "year":
                assert (day.month, day.day) == (1, 1)
        for field in ("Communities", "Topics", "Tags", "Review"):
            assert "，" not in meta.get(field, "")
        assert set(meta["Topics"].split(", ")) <= topics
        names = [meta.get(k, "") for k in ("Province", "City", "District", "Street")]
        if any(names):
            assert gazetteer.lookup(*names) is not None, f"{path.name}: {names} does not resolve"
        assert re.fullmatch(r"[a-z0-9-]+", meta["Slug"]) and meta["Slug"] not in slugs
        slugs.add(meta["Slug"])
        assert (ROOT / meta["Raw"]).is_file()
    assert precisions == PRECISIONS and kinds == {"report", "news"} and len(years) >= 8
    assert 0 < undated < 20


def test_vocabulary_grows_with_the_archive(tmp_path):
    def places(n):
        text = "".join(p.read_text(encoding="utf-8")
                       for p in (corpus.generate(n, tmp_path / str(n)) / "articles").iterdir())
        return set(re.findall(r"Street: (\S+)", text))
    assert len(places(400)) > 2 * len(places(40))


def test_seed_folder_without_prose_is_reported_by_name(tmp_path):
    (tmp_path / "only.txt").write_text("设为首页|加入收藏\n短\n", encoding="utf-8")
    with pytest.raises(corpus.CorpusError, match=re.escape(str(tmp_path))):
        corpus.generate(5, tmp_path / "out", raw_dir=tmp_path)


def test_edit_reaches_the_article_file(tmp_path):
    content = corpus.generate(3, tmp_path)
    path = corpus.edit_article(content, 2, "标记文字")
    assert path.name == "bench-00002.md" and "标记文字" in path.read_text(encoding="utf-8")


def test_tiny_archive_builds_without_warnings(tmp_path):
    content = corpus.generate(20, tmp_path / "src")
    settings = dict(synthetic_overrides(tmp_path), CACHE_PATH=str(tmp_path / "cache"))
    output = build_site(tmp_path, content=content, settings=settings)
    pages = list(output.glob("articles/*/bench-*/index.html"))
    assert len(pages) == 20
