"""Reading built pages in tests."""
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
