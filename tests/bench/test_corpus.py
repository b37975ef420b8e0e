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


def _bodies(content):
    out = []
    for path in sorted((content / "articles").glob("*.md")):
        meta, body = _front_matter(path)
        out.append((meta["Kind"], sum(1 for c in body if not c.isspace())))
    return out


def test_articles_have_the_length_of_real_ones(tmp_path):
    bodies = _bodies(corpus.generate(600, tmp_path / "real"))
    lengths = [n for _, n in bodies]
    news = sorted(n for k, n in bodies if k == "news")
    reports = sorted(n for k, n in bodies if k == "report")
    # Mean about 4,000 characters; news of ~500–3,500, reports of ~3,000–17,000 (LENGTHS).
    assert 3500 <= sum(lengths) / len(lengths) <= 4500
    assert 0.28 <= len(reports) / len(bodies) <= 0.42
    assert 900 <= news[len(news) // 2] <= 1800 and 5500 <= reports[len(reports) // 2] <= 9500
    assert news[len(news) // 20] >= 300 and reports[len(reports) // 20] >= 2000
    assert max(reports) > 12000


def test_short_corpus_keeps_the_first_benchmarks_size(tmp_path):
    lengths = [n for _, n in _bodies(corpus.generate(300, tmp_path / "short", short=True))]
    assert 600 <= sum(lengths) / len(lengths) <= 1500


def test_bodies_draw_on_the_simplified_devset_texts(tmp_path):
    devset = tmp_path / "devset"
    devset.mkdir()
    texts = {"d001": ("simplified", "街道组织志愿者开展独一无二的测试段落活动，为辖区居民提供便民服务，居民纷纷点赞。"),
             "d002": ("traditional", "街道組織志願者開展繁體測試段落活動，為轄區居民提供便民服務，居民紛紛點讚稱好。")}
    for name, (script, text) in texts.items():
        (devset / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
        (devset / f"{name}.json").write_text(
            f'{{"file": "{name}.txt", "script": "{script}"}}', encoding="utf-8")
    content = corpus.generate(200, tmp_path / "out", devset_dir=devset)
    text = "".join(p.read_text(encoding="utf-8") for p in (content / "articles").iterdir())
    assert "独一无二的测试段落" in text
    assert "繁體測試段落" not in text
    # The short corpus is made of the seeds alone, as it always was.
    short = corpus.generate(200, tmp_path / "short", devset_dir=devset, short=True)
    assert "独一无二的测试段落" not in "".join(
        p.read_text(encoding="utf-8") for p in (short / "articles").iterdir())
