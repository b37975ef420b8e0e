"""Sites the site tests share: the fixture articles with the real pages, as a development and
as a production build (publishconf.py). The real content/ is the root `seed_site` fixture."""
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, build_site

from .fixtures import ARTICLES

PUBLISHED_SITEURL = "https://archive.example.org"


def fixture_content(tmp_path: Path, articles: dict[str, str] = ARTICLES) -> Path:
    """Fixture articles plus the project's real content/pages (about, guide)."""
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    shutil.copytree(ROOT / "content" / "pages", content / "pages")
    for name, text in articles.items():
        (content / "articles" / name).write_text(text, encoding="utf-8")
    return content


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("fixture-site")
    return build_site(tmp, content=fixture_content(tmp))


@pytest.fixture(scope="session")
def published_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("published-site")
    return build_site(tmp, content=fixture_content(tmp), publish=PUBLISHED_SITEURL)
