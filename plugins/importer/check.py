"""`invoke check`: every problem the build would stop at, without building the site.

It reads the content tree with the project's settings and plugins, as the build does, and
runs the same checks: the front matter of every article and page (plugins.article_meta's
schema), then the timeline's curation file (plugins.timeline) and the search's synonym table
(plugins.search). Problems are printed as `path:line: problem`, in the build's wording.
"""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def project_settings(content: Path, data: Path, settings_file: Path = ROOT / "pelicanconf.py"):
    """The build's settings for this content tree and data folder."""
    from pelican.settings import read_settings

    return read_settings(str(settings_file), override={
        "PATH": str(Path(content).resolve()), "ARCHIVE_DATA_PATH": str(Path(data).resolve())})


def run_checks(content: Path, data: Path) -> list[str]:
    from plugins.article_meta.archive import check_content
    from plugins.search.synonyms import check_synonyms
    from plugins.timeline.check import curation_problems

    settings = project_settings(content, data)
    problems = check_content(settings)
    # The curation names articles by slug and quotes their text: it is checked against
    # articles that read cleanly. The synonym table names no article: always checked.
    return (problems or curation_problems(settings)) + check_synonyms(settings)
