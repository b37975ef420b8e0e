"""plugins.staleoutput: output/ is not emptied before a build (pelicanconf.py), yet a rebuild
leaves the same files as a build into an empty folder."""
import filecmp

from tests.conftest import build_site

from .fixtures import ARTICLES
from .helpers import content_folder


def _tree(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_a_rebuild_removes_the_pages_of_a_deleted_article_and_nothing_else(tmp_path):
    content = content_folder(tmp_path / "content", ARTICLES)
    output = build_site(tmp_path / "site", content=content)
    page = output / "articles" / "2019" / "grid-meeting-2019" / "index.html"
    assert page.is_file()
    # Something an editor put into output/ by hand: not the build's to remove.
    (output / "CNAME").write_text("archive.example.org\n", encoding="utf-8")

    (content / "articles" / "grid-meeting-2019.md").unlink()
    rebuilt = build_site(tmp_path / "site", content=content)
    assert rebuilt == output
    assert not page.exists() and not page.parent.exists()
    assert (output / "CNAME").is_file()

    remaining = {k: v for k, v in ARTICLES.items() if k != "grid-meeting-2019.md"}
    fresh = build_site(tmp_path / "fresh", content=content_folder(tmp_path / "content2", remaining))
    assert _tree(output) == sorted(_tree(fresh) + ["CNAME"])
    _, mismatch, errors = filecmp.cmpfiles(output, fresh, _tree(fresh), shallow=False)
    assert not mismatch and not errors, mismatch + errors
