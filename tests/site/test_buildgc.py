"""plugins.buildgc: the cycle collector is off while Pelican builds and on again afterwards,
also after a build that failed."""
import gc

import pytest
from pelican import signals

from plugins.article_meta.frontmatter import FrontMatterError

from .conftest import build_site
from .fixtures import DAY

seen: list[bool] = []


def _probe(generator) -> None:
    seen.append(gc.isenabled())


@pytest.fixture
def probe():
    seen.clear()
    signals.article_generator_finalized.connect(_probe)
    yield seen
    signals.article_generator_finalized.disconnect(_probe)


def test_the_collector_is_paused_during_a_build_only(tmp_path, probe):
    assert gc.isenabled()
    build_site(tmp_path, {"day.md": DAY})
    assert probe == [False]
    assert gc.isenabled()


def test_a_build_stopped_by_an_error_leaves_it_paused_until_the_next_build_finishes(
        tmp_path, probe):
    # Two articles with one slug stop the build with an exception (plugins.article_meta).
    with pytest.raises(FrontMatterError):
        build_site(tmp_path / "bad", {"a.md": DAY, "b.md": DAY})
    assert not gc.isenabled()
    build_site(tmp_path / "good", {"day.md": DAY})
    assert gc.isenabled()
    assert probe == [False]  # the stopped build ended before the articles were finalized
