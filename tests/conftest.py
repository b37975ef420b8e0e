"""Shared fixtures: tiny Pelican sites built into tmp folders, and the real site of content/."""
import logging
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def build_site(tmp_path: Path, articles: dict[str, str] | None = None,
               pages: dict[str, str] | None = None, content: Path | None = None,
               settings: dict | None = None) -> Path:
    """Build a Pelican site with the project's settings, plugins and theme into tmp_path/output.

    Either `articles` (file name → Markdown text) and `pages` are written into a fresh
    tmp_path/content, or an existing `content` folder is used. Returns the output folder.
    Warnings are fatal, as in CI. The build caches live in tmp_path.
    """
    from pelican import Pelican
    from pelican.settings import read_settings

    if content is None:
        content = tmp_path / "content"
        (content / "articles").mkdir(parents=True, exist_ok=True)
        (content / "pages").mkdir(parents=True, exist_ok=True)
        for name, text in (articles or {}).items():
            (content / "articles" / name).write_text(text, encoding="utf-8")
        for name, text in (pages or {}).items():
            (content / "pages" / name).write_text(text, encoding="utf-8")
    output = tmp_path / "output"
    overrides = {"PATH": str(content), "OUTPUT_PATH": str(output),
                 "CACHE_PATH": str(tmp_path / "cache")}
    overrides.update(settings or {})
    warnings = _WarningCollector()
    logging.getLogger().addHandler(warnings)
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        pelican_settings = read_settings(str(ROOT / "pelicanconf.py"), override=overrides)
        Pelican(pelican_settings).run()
    finally:
        os.chdir(cwd)
        logging.getLogger().removeHandler(warnings)
    if warnings.messages:
        raise AssertionError("build warnings (fatal in CI):\n" + "\n".join(warnings.messages))
    return output


class _WarningCollector(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(f"{record.levelname} {record.name}: {record.getMessage()}")


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> Path:
    """The real archive (content/ of this repo) built once per test session."""
    return build_site(tmp_path_factory.mktemp("seed-site"), content=ROOT / "content")
