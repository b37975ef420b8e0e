"""Random link, path and slug values in the front matter: `invoke check` and the build agree on
each, a value they accept never writes outside the output folder, and no link of the site gets
a scheme other than http(s) or mailto."""
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plugins.article_meta.schema import FrontMatterError
from plugins.importer.check import run_checks
from tests.conftest import ROOT, build_site, write_raw_files

from .fixtures import DAY

NASTY = ["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "data:text/html,x",
         "//evil.example/phish", "/evil.example/phish", "https://evil.example/", "\\\\evil\\x",
         "../../../../etc/passwd", "../index", "index.html", "search/index.html", "search",
         "places", "theme", "feeds", "articles", "raw/../pelicanconf.py", "/etc/passwd",
         "https://example.org/a b", 'https://example.org/"><script>', "vbscript:x", "mailto:a@b.c",
         "grid-meeting-2019", "a" * 300, "ABC-case", "archives", "timeline", "index", "404"]
VALUE = st.one_of(st.sampled_from(NASTY),
                  st.text(alphabet="abc-_./\\:<>\"' %jsvJ0", min_size=0, max_size=24))
KEYS = ["Slug", "Source_url", "Template", "Raw", "Url", "Save_as", "Status"]
LINK = re.compile(r"^(?:https?://|mailto:|/|#|\.{0,2}[\w-]|$)")


def _site(root: Path, key: str, value: str) -> Path:
    text = DAY.replace("Slug: grid-meeting-2019", "Slug: grid-meeting")  # a second article's slug
    lines = [line for line in text.split("\n") if not line.startswith(f"{key}:")]
    lines.insert(1, f"{key}: {value}")
    content = root / "content"
    (content / "articles").mkdir(parents=True)
    (content / "pages").mkdir()
    (content / "articles" / "a.md").write_text("\n".join(lines), encoding="utf-8")
    (content / "articles" / "b.md").write_text(
        DAY.replace("Raw: raw/day.txt", "Raw: raw/b.txt"), encoding="utf-8")
    write_raw_files(content)
    (root / "data").mkdir()
    for name in ("gazetteer", "topics.toml"):
        (root / "data" / name).symlink_to(ROOT / "data" / name)
    return content


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*")
            if p.is_file() and "output" not in p.relative_to(root).parts
            and "cache" not in p.relative_to(root).parts}


@pytest.mark.slow
@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(key=st.sampled_from(KEYS), value=VALUE)
def test_check_and_build_agree_and_nothing_escapes_the_output(tmp_path_factory, key, value):
    if "\n" in value or "\r" in value:
        return  # one line of front matter
    root = tmp_path_factory.mktemp("hostile")
    content = _site(root, key, value)
    before = _files(root)
    problems = run_checks(content, root / "data")
    try:
        output = build_site(root, content=content,
                            settings={"ARCHIVE_DATA_PATH": str(root / "data")})
    except FrontMatterError:
        assert problems, f"{key}: {value!r}: the build refused what check accepts"
        return
    assert not problems, f"{key}: {value!r}: check refused what the build published: {problems}"
    after = _files(root)
    assert before.keys() <= after.keys() and all(after[k] == before[k] for k in before)
    for page in output.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for element in soup.find_all(href=True) + soup.find_all(src=True):
            link = (element.get("href") or element.get("src")).strip()
            assert LINK.match(link) and not link.startswith("//"), (key, value, page, link)
