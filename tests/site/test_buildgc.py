"""plugins.buildgc: what is alive at the end of reading is frozen (the collector no longer
walks it) until the build ends, and thawed afterwards, also after a build that an error
stopped; garbage made while the site is written is still collected."""
import gc
import weakref

import pytest
from pelican import signals

from plugins.buildgc import return_free_memory
from plugins.timeline.curation import TimelineDataError

from .conftest import build_site
from .fixtures import DAY

seen: list[tuple[str, bool]] = []


def _read(generator, **metadata) -> None:
    seen.append(("reading", gc.get_freeze_count() > 0))


def _written(generators) -> None:
    seen.append(("writing", gc.get_freeze_count() > 0))
    # A cycle made while writing, as a rendered page's macros and context make: the
    # collector still frees it.
    class Page:
        pass

    page = Page()
    page.itself = page
    gone = weakref.ref(page)
    del page
    gc.collect()
    seen.append(("page cycle collected", gone() is None))


@pytest.fixture
def probe():
    seen.clear()
    signals.article_generator_context.connect(_read)
    signals.all_generators_finalized.connect(_written)
    yield seen
    signals.article_generator_context.disconnect(_read)
    signals.all_generators_finalized.disconnect(_written)


def test_what_reading_left_is_frozen_until_the_build_ends(tmp_path, probe):
    gc.unfreeze()  # as an earlier test's build stopped by an error may have left it
    build_site(tmp_path, {"day.md": DAY})
    assert probe == [("reading", False), ("writing", True), ("page cycle collected", True)]
    assert gc.get_freeze_count() == 0


def test_a_build_stopped_by_an_error_leaves_it_frozen_until_the_next_build_finishes(
        tmp_path, probe):
    # A curation file that does not parse stops the build when the timeline is collected,
    # once the articles are read.
    curation = tmp_path / "timeline.toml"
    curation.write_text("[[hide]\n", encoding="utf-8")
    with pytest.raises(TimelineDataError):
        build_site(tmp_path / "bad", {"day.md": DAY},
                   settings={"TIMELINE": {"CURATION_FILE": str(curation)}})
    assert gc.get_freeze_count() > 0
    build_site(tmp_path / "good", {"day.md": DAY})
    assert gc.get_freeze_count() == 0


def test_memory_returned_before_a_big_step_includes_the_cycles_the_pause_left():
    class Page:
        pass

    gc.disable()
    try:
        page = Page()
        page.itself = page  # a cycle, as a rendered page's macros and context make
        gone = weakref.ref(page)
        del page
        assert gone() is not None  # the paused collector leaves it
        return_free_memory()
        assert gone() is not None  # giving back freed memory alone collects nothing
        return_free_memory(collect_cycles=True)
        assert gone() is None
    finally:
        gc.enable()
