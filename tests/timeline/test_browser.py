"""In real headless Chromium: following an entry's link marks its source sentence, and the
filters work with JavaScript off."""
import json

import pytest

from tests.conftest import ROOT, build_site

from tests.browser import chromium, serve
from .conftest import LINGSHANWEI, YIYUAN, YIYUAN_CODE, article

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LONG_INTRO = "\n\n".join(f"第{i}段：街道持续推进各项工作，群众满意度不断提升。" for i in range(40))
ARTICLES = {
    "yiyuan.md": article("yiyuan-honours", LONG_INTRO + """

近日，山东省民政厅发布了《关于确定全省和谐社区建设示范单位的通知》，怡园街道荣获了全省和谐社区建设示范街道荣誉称号，同时街道寨北社区也获得全省和谐示范社区称号。

按“聚大联强”思路，**组建**“怡园先锋联盟”，整合辖区内一百余家党组织。
""", YIYUAN, date="2021-01-15"),
    "lingshanwei.md": article("lingshanwei-method", "灵山卫街道践行“五心”群众工作法，切实办好百姓身边事。\n",
                              LINGSHANWEI, date="2019-05-22"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    output = build_site(tmp_path_factory.mktemp("timeline-browser"), articles=ARTICLES)
    with serve(output) as base, chromium() as browser:
        yield output, base, browser


def _styles(page, selector):
    return page.eval_on_selector(selector, """element => {
        const style = getComputedStyle(element);
        return {background: style.backgroundColor, outline: style.outlineStyle,
                outlineWidth: style.outlineWidth, target: element.matches(':target')};
    }""")


def test_following_an_entry_link_marks_the_source_sentence(site):
    output, base, browser = site
    data = json.loads((output / "timeline.json").read_text(encoding="utf-8"))
    entry = next(e for e in data["entries"] if e["name"] == "全省和谐示范社区")
    other = next(e for e in data["entries"] if e["name"] == "“怡园先锋联盟”")
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(base + "timeline/")
    page.click(f'#entry-{entry["id"]} .timeline-source-link a')
    page.wait_for_url(f"**/articles/2021/yiyuan-honours/#{entry['anchor']}")
    marked = _styles(page, f"#{entry['anchor']}")
    unmarked = _styles(page, f"#{other['anchor']}")
    assert marked["target"] and not unmarked["target"]
    assert marked["background"] != unmarked["background"]
    assert marked["outline"] != "none" and marked["outlineWidth"] != "0px"
    assert unmarked["outline"] == "none"
    # The sentence sits far down the article: the browser brings it into view (the theme may
    # scroll smoothly, so wait for it to arrive).
    page.wait_for_function("""id => { const r = document.getElementById(id).getBoundingClientRect();
                                     return r.top >= 0 && r.bottom <= innerHeight; }""",
                           arg=entry["anchor"], timeout=5000)
    page.close()


def test_filters_are_plain_links_that_work_without_javascript(site):
    _, base, browser = site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "timeline/")
    assert page.locator(".timeline-entry").count() == 4
    page.click('nav.timeline-filters a:text-is("荣誉")')
    page.wait_for_url("**/timeline/type/honour/")
    assert page.locator(".timeline-entry").count() == 2
    assert page.locator(".timeline-initiative").count() == 0
    page.click('nav.timeline-filters a:text-is("怡园街道")')
    page.wait_for_url(f"**/timeline/place/{YIYUAN_CODE}/type/honour/")
    assert page.locator(".timeline-entry").count() == 2
    page.click('nav.timeline-filters a:text-is("全部")')
    page.wait_for_url(f"**/timeline/place/{YIYUAN_CODE}/")
    assert page.locator(".timeline-entry").count() == 3
    context.close()


TIMELINEJS = ROOT / "node_modules" / "@knight-lab" / "timelinejs" / "dist"
VIEWER = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>TimelineJS</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="tljs/css/timeline.css"><script src="tljs/js/timeline.js"></script></head>
<body><div id="tl" style="width: 1000px; height: 600px"></div><script>
fetch("site/timeline-timelinejs.json").then(r => r.json()).then(data => {
  window.timeline = new TL.Timeline("tl", data, {script_path: new URL("tljs/js/", location.href).href, language: "zh-cn", font: null});
});
</script></body></html>"""


def test_timelinejs_export_loads_in_timelinejs3(site, tmp_path):
    """The export opened by TimelineJS 3 itself: one marker per dated entry, no error."""
    if not (TIMELINEJS / "js" / "timeline.js").exists():
        pytest.fail(f"{TIMELINEJS} missing: run `npm ci` (devDependency @knight-lab/timelinejs)")
    output, _, browser = site
    (tmp_path / "tljs").symlink_to(TIMELINEJS)
    (tmp_path / "site").symlink_to(output)
    (tmp_path / "viewer.html").write_text(VIEWER, encoding="utf-8")
    data = json.loads((output / "timeline-timelinejs.json").read_text(encoding="utf-8"))
    errors, outside = [], []
    with serve(tmp_path) as base:
        page = browser.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.route("**/*", lambda route: (outside.append(route.request.url), route.abort())
                   if not route.request.url.startswith(base) else route.continue_())
        page.goto(base + "viewer.html")
        page.wait_for_selector(".tl-timemarker", state="attached", timeout=20000)
        markers = page.locator(".tl-timemarker").count()
        headlines = page.locator(".tl-timemarker .tl-headline").all_text_contents()
        page.close()
    assert errors == [] and outside == []
    assert markers == len(data["events"]) == 4
    assert "全省和谐示范社区" in " ".join(headlines)
