"""Quality gates on built sites: Nu HTML Checker, broken links and fragments, axe-core in
headless Chromium, Chinese text rendering in screenshots, and the reading settings."""
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.conftest import ROOT

from tests.browser import VIEWPORTS, chromium, run_script_file, serve

NODE_MODULES = ROOT / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
LINKINATOR = NODE_MODULES / ".bin" / "linkinator"
GATE_PAGES = {  # the pages the issue names, in the fixture site
    "home": "",
    "article": "articles/2022/zhongshan-west-2022-report/",
    "undated article": "articles/undated/volunteer-record/",
    "place": "places/370402002/",
    "topic": "topics/community-governance/",
    "year": "years/2022/",
    "404": "404.html",
}


def need(path: Path, how: str) -> Path:
    # A missing checker is a broken set-up, never a reason to pass: fail and say how to fix it.
    if not path.exists():
        pytest.fail(f"{path} missing: {how}")
    return path


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@pytest.mark.slow
@pytest.mark.parametrize("site_name", ["fixture_site", "seed_site", "reprint_site"])
def test_nu_html_checker_finds_no_errors(site_name, request):
    site = request.getfixturevalue(site_name)
    jar = need(VNU_JAR, "run `npm ci` (devDependency vnu-jar)")
    if shutil.which("java") is None:
        pytest.fail("java missing: run scripts/setup.sh --test")
    result = subprocess.run(
        ["java", "-jar", str(jar), "--format", "json", "--stdout", "--exit-zero-always",
         "--errors-only", "--skip-non-html", str(site)], capture_output=True, text=True, check=True)
    messages = json.loads(result.stdout)["messages"]
    errors = [f"{unquote(urlsplit(m.get('url', '')).path)}:{m.get('lastLine', '?')}: {m['message']}"
              for m in messages if m["type"] in ("error", "non-document-error")]
    assert errors == []
    assert len(html_files(site)) > 10


@pytest.mark.slow
@pytest.mark.parametrize("site_name", ["fixture_site", "seed_site", "reprint_site"])
def test_no_broken_internal_links(site_name, request):
    site = request.getfixturevalue(site_name)
    tool = need(LINKINATOR, "run `npm ci` (devDependency linkinator)")
    result = subprocess.run(
        [str(tool), str(site), "--recurse", "--format", "json",
         "--skip", r"^(?!https?://(localhost|127\.0\.0\.1))"],
        capture_output=True, text=True, cwd=site)
    report = json.loads(result.stdout)
    broken = [(link["url"], link["status"], link.get("parent")) for link in report["links"]
              if link["state"] == "BROKEN"]
    assert broken == []
    checked = [link for link in report["links"] if link["state"] == "OK"]
    assert len(checked) > 20


@pytest.mark.parametrize("site_name", ["fixture_site", "seed_site", "reprint_site"])
def test_every_fragment_link_has_its_target(site_name, request):
    # linkinator checks files, not #fragments; the table of contents and timeline anchors
    # depend on them.
    site = request.getfixturevalue(site_name)
    ids = {}
    pages = {}
    for file in html_files(site):
        soup = BeautifulSoup(file.read_text("utf-8"), "html.parser")
        pages[file] = soup
        ids[file] = {tag["id"] for tag in soup.select("[id]")}
    missing = []
    for file, soup in pages.items():
        for link in soup.select('a[href*="#"]'):
            href = link["href"]
            path, _, fragment = href.partition("#")
            if path.startswith(("http:", "https:")):
                continue
            if not path:
                target = file
            elif path.startswith("/"):
                target = site / unquote(path).lstrip("/")
                target = target / "index.html" if path.endswith("/") else target
            else:
                continue
            if unquote(fragment) not in ids.get(target, set()):
                missing.append(f"{file.relative_to(site)}: {href}")
    assert missing == []


def run_axe(page) -> list[dict]:
    run_script_file(page, AXE_JS)
    result = page.evaluate("() => axe.run(document)")
    return [{"rule": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]}
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.slow
@pytest.mark.browser
def test_axe_finds_no_serious_or_critical_violations(fixture_site):
    need(AXE_JS, "run `npm ci` (devDependency axe-core)")
    found = {}
    with serve(fixture_site) as base, chromium() as browser:
        for viewport_name, viewport in VIEWPORTS.items():
            context = browser.new_context(viewport=viewport)
            page = context.new_page()
            for name, path in GATE_PAGES.items():
                page.goto(base + path)
                violations = run_axe(page)
                if violations:
                    found[f"{viewport_name} {name}"] = violations
            # The high-contrast mode a reader switches on must pass too.
            page.goto(base + GATE_PAGES["article"])
            page.click("[data-contrast-toggle]")
            violations = run_axe(page)
            if violations:
                found[f"{viewport_name} article high contrast"] = violations
            context.close()
    assert found == {}


@pytest.mark.slow
@pytest.mark.browser
def test_axe_on_the_real_archive(seed_site):
    need(AXE_JS, "run `npm ci` (devDependency axe-core)")
    articles = sorted((seed_site / "articles").rglob("index.html"))
    places = sorted((seed_site / "places").glob("*/index.html"))
    assert articles and places
    paths = ["", articles[0].parent.relative_to(seed_site).as_posix() + "/",
             places[-1].parent.relative_to(seed_site).as_posix() + "/"]
    found = {}
    with serve(seed_site) as base, chromium() as browser:
        page = browser.new_page()
        for path in paths:
            page.goto(base + path)
            violations = run_axe(page)
            if violations:
                found[path or "home"] = violations
    assert found == {}


@pytest.mark.slow
@pytest.mark.browser
def test_axe_on_the_pages_of_republished_stories(reprint_site):
    # A reprint's page (note, other sources), its original's, and a listing with 另有 N 个来源.
    need(AXE_JS, "run `npm ci` (devDependency axe-core)")
    groups = json.loads((reprint_site / "reprints.json").read_text("utf-8"))
    assert groups
    paths = [groups[0]["members"][1], groups[0]["original"], "archives/"]
    found = {}
    with serve(reprint_site) as base, chromium() as browser:
        page = browser.new_page()
        for path in paths:
            page.goto(base + path)
            violations = run_axe(page)
            if violations:
                found[path] = violations
    assert found == {}


CJK_FONT = re.compile(r"CJK|Han Sans|PingFang|YaHei|Hiragino|WenQuanYi|Source Han|Noto Sans SC")


def rendered_fonts(page, selector: str) -> list[dict]:
    """The platform fonts Chromium used for the text of the first node matching selector."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    return cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]


@pytest.mark.slow
@pytest.mark.browser
def test_screenshots_render_chinese_text_without_tofu(fixture_site, tmp_path):
    # Keep the PNGs for a human look with SCREENSHOT_DIR=folder.
    out = Path(os.environ.get("SCREENSHOT_DIR") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    with serve(fixture_site) as base, chromium() as browser:
        for viewport_name, viewport in VIEWPORTS.items():
            mobile = viewport_name == "mobile"
            context = browser.new_context(viewport=viewport, is_mobile=mobile, has_touch=mobile)
            page = context.new_page()
            for name in ("home", "article"):
                page.goto(base + GATE_PAGES[name])
                shot = out / f"{name}-{viewport['width']}x{viewport['height']}.png"
                page.screenshot(path=str(shot))
                assert shot.stat().st_size > 10_000
                for selector in (".site-name a", "main h2" if name == "home" else "main h1",
                                 "main a.article-link" if name == "home" else ".article-body p"):
                    han = len(re.findall(r"[\u4e00-\u9fff]", page.inner_text(selector)))
                    fonts = rendered_fonts(page, selector)
                    cjk = sum(f["glyphCount"] for f in fonts if CJK_FONT.search(f["familyName"]))
                    # Every Han character was drawn by a CJK font, none by a fallback's tofu.
                    assert han and cjk >= han, (viewport_name, name, selector, fonts)
                # Nothing wider than the viewport on a phone (no sideways scrolling).
                assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
            context.close()


@pytest.mark.slow
@pytest.mark.browser
def test_font_size_and_high_contrast_persist_across_pages(fixture_site):
    with serve(fixture_site) as base, chromium() as browser:
        page = browser.new_page()
        page.goto(base + GATE_PAGES["article"])
        base_size = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
        assert page.is_visible("[data-prefs]")
        page.get_by_role("button", name="增大字号").click()
        page.get_by_role("button", name="增大字号").click()
        assert page.evaluate("document.documentElement.dataset.font") == "2"
        contrast = page.get_by_role("button", name="高对比度")
        contrast.click()
        assert contrast.get_attribute("aria-pressed") == "true"
        page.goto(base + GATE_PAGES["place"])
        size = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
        assert size == pytest.approx(base_size * 1.25)
        assert page.evaluate("document.documentElement.dataset.contrast") == "high"
        assert page.get_by_role("button", name="高对比度").get_attribute("aria-pressed") == "true"
        background = page.evaluate("getComputedStyle(document.body).color")
        assert background == "rgb(0, 0, 0)"
        page.get_by_role("button", name="默认字号").click()
        page.get_by_role("button", name="高对比度").click()
        page.reload()
        assert page.evaluate("document.documentElement.dataset.font") is None
        assert page.evaluate("document.documentElement.dataset.contrast") is None


@pytest.mark.slow
@pytest.mark.browser
def test_everything_reads_and_browses_without_javascript(fixture_site):
    with serve(fixture_site) as base, chromium() as browser:
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        page.goto(base)
        assert not page.is_visible("[data-prefs]")  # controls that need JS stay hidden
        page.get_by_role("link", name="山东省").first.click()
        page.get_by_role("link", name="枣庄市").first.click()
        page.get_by_role("link", name="垎塔埠街道召开网格化治理推进会").click()
        assert page.locator("h1").inner_text() == "垎塔埠街道召开网格化治理推进会"
        assert "会议要求各社区网格员每日巡查" in page.locator(".article-body").inner_text()
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent")
        assert focused == "跳到正文"
        context.close()


@pytest.mark.slow
@pytest.mark.browser
def test_print_stylesheet_keeps_the_article_and_drops_the_chrome(fixture_site):
    with serve(fixture_site) as base, chromium() as browser:
        page = browser.new_page()
        page.goto(base + GATE_PAGES["article"])
        page.emulate_media(media="print")
        for hidden in (".site-nav", ".search-form", ".toc", ".neighbours", ".skip-link"):
            assert not page.is_visible(hidden), hidden
        for shown in ("h1", ".article-body", "dl.facts", ".site-name"):
            assert page.is_visible(shown), shown
        pdf = page.pdf()
        assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
