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
               settings: dict | None = None, publish: str | None = None) -> Path:
    """Build a Pelican site with the project's settings, plugins and theme into tmp_path/output.

    Either `articles` (file name → Markdown text) and `pages` are written into a fresh
    tmp_path/content, or an existing `content` folder is used. `publish` (a SITEURL) builds
    with publishconf.py, as `invoke publish` does. Returns the output folder.
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
    if Path(content).resolve() != (ROOT / "content").resolve():
        write_raw_files(content)
        # data/timeline.toml curates the real archive's articles; a test site has others.
        curation = tmp_path / "timeline.toml"
        curation.parent.mkdir(parents=True, exist_ok=True)
        curation.touch()
        overrides["TIMELINE"] = {"CURATION_FILE": str(curation),
                                 **(settings or {}).get("TIMELINE", {})}
    overrides.update({k: v for k, v in (settings or {}).items() if k != "TIMELINE"
                      or "TIMELINE" not in overrides})
    warnings = _WarningCollector()
    logging.getLogger().addHandler(warnings)
    cwd, siteurl = os.getcwd(), os.environ.get("SITEURL")
    os.chdir(ROOT)
    try:
        if publish is not None:
            os.environ["SITEURL"] = publish
        settings_file = ROOT / ("publishconf.py" if publish is not None else "pelicanconf.py")
        pelican_settings = read_settings(str(settings_file), override=overrides)
        Pelican(pelican_settings).run()
    finally:
        os.chdir(cwd)
        logging.getLogger().removeHandler(warnings)
        if siteurl is None:
            os.environ.pop("SITEURL", None)
        else:
            os.environ["SITEURL"] = siteurl
    if warnings.messages:
        raise AssertionError("build warnings (fatal in CI):\n" + "\n".join(warnings.messages))
    return output


def write_raw_files(content: Path) -> None:
    """A stand-in raw document (raw/ beside content/) for each article's `Raw:` line that
    names none: a valid article's raw file exists."""
    for article in (Path(content) / "articles").rglob("*.md"):
        for line in article.read_text(encoding="utf-8", errors="replace").splitlines():
            if not line.strip():
                break
            if line.startswith("Raw:") and line[4:].strip().startswith("raw/"):
                raw = Path(content).parent / line[4:].strip()
                if ".." not in raw.parts and not raw.exists():
                    raw.parent.mkdir(parents=True, exist_ok=True)
                    raw.write_text("原始文件（测试用）\n", encoding="utf-8")


def data_without_curation(folder: Path) -> Path:
    """folder/data with the real gazetteer and topics, and no data/timeline.toml: that file
    curates the real archive's articles, and a test site has others."""
    data = Path(folder) / "data"
    data.mkdir(parents=True, exist_ok=True)
    for name in ("gazetteer", "topics.toml"):
        if not (data / name).exists():
            (data / name).symlink_to(ROOT / "data" / name)
    return data


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


# Real texts for the reprint tests (tests/data/reprints/README.md): copies of one story from
# several sites, and texts that look alike but are other stories.
REPRINT_TEXTS = [*sorted((ROOT / "tests" / "data" / "reprints").glob("*.txt")),
                 *(ROOT / "tests" / "data" / "devset" / f"{name}.txt"
                   for name in ("d002", "d028", "d029")),
                 *sorted((ROOT / "raw").glob("00[0-4]_*.txt"))]


def reprint_content(tmp_path: Path) -> Path:
    """content/ of the real reprint texts as `invoke import` makes it (raw/ beside it), with
    the project's pages."""
    import shutil

    from plugins.importer.importer import Options, import_paths

    raw = tmp_path / "raw"
    raw.mkdir(parents=True)
    for path in REPRINT_TEXTS:
        shutil.copy(path, raw / path.name)
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content" / "pages", content / "pages")
    results = import_paths(raw, Options(dest=content / "articles", data_dir=ROOT / "data"))
    assert not [r.error for r in results if r.failed]
    return content


@pytest.fixture(scope="session")
def reprint_site(tmp_path_factory) -> Path:
    """The real reprint texts imported and built."""
    tmp = tmp_path_factory.mktemp("reprint-site")
    return build_site(tmp, content=reprint_content(tmp))
