"""Per-article work on several cores gives the same site, byte for byte, as in one process."""
import pytest

from bench import corpus
from bench.build import synthetic_overrides
from plugins.buildcache.parallel import MIN_ITEMS, map_in_processes
from tests.conftest import build_site


def _square(n: int) -> int:
    return n * n


def test_results_come_back_in_order_from_the_workers():
    items = list(range(MIN_ITEMS * 3))
    assert map_in_processes(_square, items, 2) == [n * n for n in items]


@pytest.mark.slow
def test_a_site_built_on_two_cores_is_the_site_built_on_one(tmp_path):
    content = corpus.generate(MIN_ITEMS + 16, tmp_path / "src")
    sites = {}
    for processes in (1, 2):
        settings = dict(synthetic_overrides(tmp_path), BUILDCACHE={"PROCESSES": processes},
                        CACHE_PATH=str(tmp_path / f"cache-{processes}"))
        sites[processes] = build_site(tmp_path / f"site-{processes}", content=content,
                                      settings=settings)
    one, two = sites[1], sites[2]
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file())
    assert [f for f in files if (one / f).read_bytes() != (two / f).read_bytes()] == []
    assert len(files) > 200  # articles, listings, places, timeline, search index
