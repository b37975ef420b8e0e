"""plugins.compactcontent: once read, every article's HTML is held compressed, Pelican's own
copies of it are let go, and the site is byte for byte the site built without the plugin."""
from pelican import signals
from pelican.contents import Content
from pelican.settings import read_settings

from plugins.compactcontent.plugin import Compressed, compress, forget_contents

from .conftest import build_site, fixture_content
from tests.conftest import ROOT

held: list = []


def _keep(pelican) -> None:
    # The build's articles, as they are at its end.
    held.extend(a for g in pelican_generators for a in getattr(g, "articles", []))


pelican_generators: list = []


def _generators(generators) -> None:
    pelican_generators[:] = generators


def test_articles_are_held_compressed_and_pages_are_unchanged(tmp_path):
    content = fixture_content(tmp_path)
    signals.all_generators_finalized.connect(_generators)
    signals.finalized.connect(_keep)
    try:
        held.clear()
        with_plugin = build_site(tmp_path / "with", content=content)
    finally:
        signals.all_generators_finalized.disconnect(_generators)
        signals.finalized.disconnect(_keep)
    assert held and all(isinstance(a.__dict__["_content"], Compressed) for a in held)
    # What it holds inflates to what the reader made: the article page shows it.
    article = held[0]
    page = (with_plugin / article.save_as).read_text(encoding="utf-8")
    assert article._content and article._content[:200] in page
    # Pelican's memo of every article's HTML is emptied after each file written, and the
    # reader cache's copies (saved to disk when reading ended) are gone.
    assert len(Content.get_content.cache) <= 1
    assert all(not g.readers._cache for g in pelican_generators if hasattr(g, "readers")
               and g.__class__.__name__ == "ArticlesGenerator")

    # Without it: its receivers stay connected in this process once a build registered them
    # (signals are global), so they are taken off for this build.
    plugins = [p for p in read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"]
               if p != "plugins.compactcontent"]
    signals.all_generators_finalized.disconnect(compress)
    signals.content_written.disconnect(forget_contents)
    signals.all_generators_finalized.connect(_generators)
    signals.finalized.connect(_keep)
    try:
        held.clear()
        without = build_site(tmp_path / "without", content=content, settings={"PLUGINS": plugins})
    finally:
        signals.all_generators_finalized.connect(compress)
        signals.content_written.connect(forget_contents)
        signals.all_generators_finalized.disconnect(_generators)
        signals.finalized.disconnect(_keep)
    assert held and all(type(a.__dict__["_content"]) is str for a in held)
    files = sorted(p.relative_to(with_plugin) for p in with_plugin.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(without) for p in without.rglob("*") if p.is_file())
    assert [f for f in files if (with_plugin / f).read_bytes() != (without / f).read_bytes()] == []
