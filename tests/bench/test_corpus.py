"""The synthetic archive: deterministic, front matter the archive's validator accepts, and a
site that builds with no warning."""
import re
from datetime import date

import pytest

from bench import corpus
from bench.build import synthetic_overrides
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


def test_front_matter_passes_the_archive_validator(archive):
    from plugins.importer.check import project_settings
    from plugins.article_meta.archive import check_content

    assert check_content(project_settings(archive, ROOT / "data")) == []
    slugs, precisions, kinds, years, undated = set(), set(), set(), set(), 0
    for path in sorted((archive / "articles").glob("*.md")):
        meta, body = _front_matter(path)
        assert len(body) > 50
        kinds.add(meta["Kind"])
        precisions.add(meta["Date_precision"])
        if meta["Date_precision"] == "unknown":
            undated += 1
        else:
            years.add(date.fromisoformat(meta["Date"]).year)
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
