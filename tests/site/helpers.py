"""Writing content folders and reading built pages in tests."""
from pathlib import Path

from bs4 import BeautifulSoup


def page(site: Path, path: str) -> BeautifulSoup:
    """Parse the page at URL path `path` ("articles/2019/x/" → articles/2019/x/index.html)."""
    file = site / path
    if path.endswith("/") or not path:
        file = file / "index.html"
    assert file.exists(), f"{path} was not written"
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def text(node) -> str:
    return " ".join(node.get_text(" ", strip=True).split())


def content_folder(folder: Path, articles: dict[str, str]) -> Path:
    """Write `articles` (file name → Markdown) into folder/articles, beside an empty pages/;
    files already there stay (a second call edits a content tree in place)."""
    (folder / "pages").mkdir(parents=True, exist_ok=True)
    (folder / "articles").mkdir(exist_ok=True)
    for name, text in articles.items():
        (folder / "articles" / name).write_text(text, encoding="utf-8")
    return folder
