"""The timeline's pages pass the Nu HTML Checker and axe-core (serious/critical), on a tiny
site with every kind of entry: dated and undated, honour and initiative, escaped text."""
import json
import shutil
import subprocess

import pytest

from tests.conftest import ROOT, build_site

from tests.browser import chromium, run_script_file, serve
from .conftest import GETABU, YIYUAN, YIYUAN_CODE, article

pytestmark = pytest.mark.slow

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTICLES = {
    "yiyuan.md": article("yiyuan-honours", """
近日，山东省民政厅发布了《关于确定全省和谐社区建设示范单位的通知》，怡园街道荣获了全省和谐社区建设示范街道荣誉称号，同时街道寨北社区也获得全省和谐示范社区称号。

街道创立“A<B&C”议事平台，方便居民议事。
""", YIYUAN, date="2021-01-15"),
    "getabu.md": article("getabu-undated", "街道创新搭建“融e通”智慧平台，实现信息互通。\n", GETABU, date=None),
}
PAGES = ["timeline/", "timeline/type/honour/", f"timeline/place/{YIYUAN_CODE}/",
         f"timeline/place/{YIYUAN_CODE}/type/initiative/", f"places/{YIYUAN_CODE}/",
         "articles/2021/yiyuan-honours/"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("timeline-quality"), articles=ARTICLES)


def _need(path, how):
    if not path.exists():
        pytest.fail(f"{path} missing: {how}")  # a missing checker never passes silently


def test_nu_html_checker_finds_no_errors(site):
    _need(VNU_JAR, "run `npm ci` (devDependency vnu-jar)")
    if shutil.which("java") is None:
        pytest.fail("java missing: run scripts/setup.sh --test")
    files = [str(site / path / "index.html") for path in PAGES]
    result = subprocess.run(["java", "-jar", str(VNU_JAR), "--format", "json", "--stdout",
                             "--exit-zero-always", "--errors-only", *files],
                            capture_output=True, text=True, check=True, timeout=300)
    messages = json.loads(result.stdout)["messages"]
    assert [f"{m.get('url')}:{m.get('lastLine')}: {m['message']}" for m in messages] == []


@pytest.mark.browser
def test_axe_finds_no_serious_or_critical_violations(site):
    _need(AXE_JS, "run `npm ci` (devDependency axe-core)")
    found = {}
    with serve(site) as base, chromium() as browser:
        for viewport in ({"width": 1280, "height": 800}, {"width": 390, "height": 844}):
            page = browser.new_page(viewport=viewport)
            for path in PAGES[:-1]:
                page.goto(base + path)
                run_script_file(page, AXE_JS)
                result = page.evaluate("() => axe.run(document)")
                serious = [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]
                           if v["impact"] in ("serious", "critical")]
                if serious:
                    found[f"{viewport['width']} {path}"] = serious
            page.close()
    assert found == {}
