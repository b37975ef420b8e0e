"""Editorial control: data/timeline.toml hides, corrects and adds entries; bad items are
reported as path:line: problem by the build (which fails) and by `invoke check`."""
import json
import os
import subprocess
import sys

import pytest

from plugins.importer.check import run_checks
from plugins.timeline.curation import TimelineDataError, load
from plugins.timeline.model import entry_id
from tests.conftest import ROOT, build_site, write_raw_files

from .conftest import GETABU, YIYUAN, article, soup

HONOURS = article("yiyuan-honours", """
近日，山东省民政厅发布了《关于确定全省和谐社区建设示范单位的通知》，怡园街道荣获了全省和谐社区建设示范街道荣誉称号，同时街道寨北社区也获得全省和谐示范社区称号。

街道创立“吾事五说”议事平台。辖区居民自发组织了“邻里守望”巡逻，每晚巡查小区。
""", YIYUAN, date="2021-01-15")
UNDATED = article("getabu-undated", "街道创新搭建“融e通”智慧平台，实现信息互通。\n", GETABU, date=None)
STREET_HONOUR = entry_id("yiyuan-honours", "honour", "全省和谐社区建设示范街道")
COMMUNITY_HONOUR = entry_id("yiyuan-honours", "honour", "全省和谐示范社区")
PLATFORM = entry_id("yiyuan-honours", "initiative", "“吾事五说”议事平台")


def _write(tmp_path, text):
    path = tmp_path / "timeline.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _problems(tmp_path, text):
    return [p.replace(str(tmp_path / "timeline.toml"), "F") for p in load(_write(tmp_path, text)).problems]


# --- the file's shape ------------------------------------------------------------------------

def test_missing_file_is_an_empty_curation(tmp_path):
    curation = load(tmp_path / "absent.toml")
    assert curation.items == [] and curation.problems == []


def test_syntax_error_names_the_line(tmp_path):
    assert _problems(tmp_path, '[[hide]]\nid = "abc"\narticle = \n') == [
        "F:3: not valid TOML: Invalid value"]


@pytest.mark.parametrize("text, expected", [
    ('[[hide]]\nid = "a"\narticle = "x"\ncolour = "red"\n',
     "F:4: [[hide]] has unknown key 'colour'; allowed: id, article, reason"),
    ('# note\n\n[[correct]]\narticle = "x"\nname = "y"\n',
     'F:3: [[correct]] needs id = "…"'),
    ('[[add]]\narticle = "x"\ntype = "award"\nname = "y"\nquote = "z"\n',
     "F:3: type 'award' is not one of honour, initiative"),
    ('[[correct]]\nid = "a"\narticle = "x"\ndate = "2020-13"\n',
     "F:4: date '2020-13' does not exist (month must be in 1..12)"),
    ('[[correct]]\nid = "a"\narticle = "x"\ndate = "2021-02-29"\n',
     "F:4: date '2021-02-29' does not exist (day is out of range for month)"),
    ('[[correct]]\nid = "a"\narticle = "x"\ndate = "2020年5月"\n',
     "F:4: date '2020年5月' is not YYYY, YYYY-MM, YYYY-MM-DD or unknown"),
    ('[[correct]]\nid = "a"\narticle = "x"\nname = 3\n', "F:4: name must be a non-empty string"),
    ('[[remove]]\nid = "a"\n', "F:1: unknown section 'remove'; use [[hide]], [[correct]] or [[add]]"),
    ('hide = "a"\n', "F:1: hide must be written as [[hide]] tables"),
])
def test_bad_items_are_reported_with_file_and_line(tmp_path, text, expected):
    assert _problems(tmp_path, text) == [expected]


def test_second_item_of_a_kind_reports_its_own_line(tmp_path):
    text = ('[[hide]]\nid = "a"\narticle = "x"\n\n[[hide]]\nid = "b"\narticle = "x"\n'
            'date = "2020"\n')
    assert _problems(tmp_path, text) == ["F:8: [[hide]] has unknown key 'date'; allowed: id, "
                                         "article, reason"]


# --- applied in a build ----------------------------------------------------------------------

CURATION = f"""
[[hide]]
id = "t-{COMMUNITY_HONOUR}"
article = "yiyuan-honours"
reason = "测试：隐藏"

[[correct]]
id = "{STREET_HONOUR}"
article = "yiyuan-honours"
date = "2020-12"
note = "通知于2020年12月发布"

[[add]]
article = "yiyuan-honours"
type = "initiative"
name = "“邻里守望”巡逻队"
who = "寨北社区"
quote = "辖区居民自发组织了“邻里守望”巡逻"
"""


@pytest.fixture(scope="module")
def curated(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("curated")
    path = tmp / "timeline.toml"
    path.write_text(CURATION, encoding="utf-8")
    output = build_site(tmp, articles={"h.md": HONOURS, "u.md": UNDATED},
                        settings={"TIMELINE": {"CURATION_FILE": str(path)}})
    return output, json.loads((output / "timeline.json").read_text(encoding="utf-8"))


def test_hidden_entry_is_gone_with_its_anchor(curated):
    output, data = curated
    assert COMMUNITY_HONOUR not in {e["id"] for e in data["entries"]}
    page = (output / "articles/2021/yiyuan-honours/index.html").read_text(encoding="utf-8")
    assert f"t-{COMMUNITY_HONOUR}" not in page and f"t-{STREET_HONOUR}" in page


def test_corrected_entry_keeps_its_id_and_anchor(curated):
    output, data = curated
    entry = next(e for e in data["entries"] if e["id"] == STREET_HONOUR)
    assert (entry["date"], entry["date_precision"], entry["date_source"]) == ("2020-12", "month", "editor")
    assert entry["corrected"] and entry["note"] == "通知于2020年12月发布"
    item = soup(output / "timeline/index.html").find(id=f"entry-{STREET_HONOUR}")
    assert item.find("time")["datetime"] == "2020-12" and "编辑已核改" in item.get_text()


def test_added_entry_anchors_the_sentence_of_its_quote(curated):
    output, data = curated
    entry = next(e for e in data["entries"] if e["name"] == "“邻里守望”巡逻队")
    assert entry["source"] == "editor" and entry["who"] == "寨北社区"
    assert entry["date"] == "2021-01-15"  # the article's date when the editor gives none
    target = soup(output / "articles/2021/yiyuan-honours/index.html").find(id=entry["anchor"])
    assert target.get_text() == "辖区居民自发组织了“邻里守望”巡逻，每晚巡查小区。"


@pytest.mark.parametrize("text, problem", [
    ('[[hide]]\nid = "0000000000"\narticle = "yiyuan-honours"\n',
     "timeline.toml:2: unknown id '0000000000': no entry of article 'yiyuan-honours' has it"),
    (f'[[hide]]\nid = "{STREET_HONOUR}"\narticle = "yiyuan-honours"\n\n'
     f'[[correct]]\nid = "{STREET_HONOUR}"\narticle = "yiyuan-honours"\nname = "x"\n',
     f"timeline.toml:6: id '{STREET_HONOUR}' is already hidden or corrected at line 2"),
    ('[[add]]\narticle = "yiyuan-honours"\ntype = "honour"\nname = "x"\nquote = "原文没有这句话"\n',
     "timeline.toml:5: quote not found in the text of article 'yiyuan-honours'"),
    (f'[[add]]\narticle = "yiyuan-honours"\ntype = "initiative"\nname = "“吾事五说”议事平台"\n'
     f'quote = "街道创立"\n',
     f"timeline.toml:1: entry '{PLATFORM}' is already extracted from this article"),
    ('[[correct]]\nid = "t-' + PLATFORM + '"\narticle = "yiyuan-honours"\nplace = "999999"\n',
     "timeline.toml:4: place '999999' is not a division code of the gazetteer"),
    ('[[correct]]\nid = "' + PLATFORM + '"\narticle = "getabu-undated"\n',
     f"timeline.toml:3: entry '{PLATFORM}' comes from article 'yiyuan-honours', not 'getabu-undated'"),
    # An article renamed or deleted: the build stops where `invoke check` does.
    ('[[hide]]\nid = "' + PLATFORM + '"\narticle = "yiyuan-honours-renamed"\n',
     "timeline.toml:3: no article has slug 'yiyuan-honours-renamed'"),
])
def test_bad_curation_fails_the_build_naming_file_and_line(tmp_path, text, problem):
    path = _write(tmp_path, text)
    with pytest.raises(TimelineDataError) as failure:
        build_site(tmp_path, articles={"h.md": HONOURS, "u.md": UNDATED},
                   settings={"TIMELINE": {"CURATION_FILE": str(path)}})
    assert len(failure.value.problems) == 1
    assert failure.value.problems[0].startswith(f"{path}:")
    assert problem in failure.value.problems[0]


@pytest.mark.slow
def test_pelican_command_exits_non_zero_on_bad_curation(tmp_path):
    content = tmp_path / "content" / "articles"
    content.mkdir(parents=True)
    (content / "h.md").write_text(HONOURS, encoding="utf-8")
    write_raw_files(tmp_path / "content")
    path = _write(tmp_path, '[[hide]]\nid = "0000000000"\narticle = "yiyuan-honours"\n')
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(tmp_path / "content"), "-o", str(tmp_path / "out"),
         "-s", "pelicanconf.py", "-e", "TIMELINE=" + json.dumps({"CURATION_FILE": str(path)})],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, "COLUMNS": "400"})  # rich wraps log lines at the terminal width
    assert result.returncode != 0
    assert f"{path}:2: unknown id '0000000000'" in result.stdout + result.stderr


# --- invoke check ----------------------------------------------------------------------------

def _data_dir(tmp_path, text):
    data = tmp_path / "data"
    data.mkdir()
    for name in ("gazetteer", "topics.toml"):
        os.symlink(ROOT / "data" / name, data / name)
    (data / "timeline.toml").write_text(text, encoding="utf-8")
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "pages").mkdir()
    (content / "articles" / "h.md").write_text(HONOURS, encoding="utf-8")
    (content / "articles" / "draft.md").write_text(
        UNDATED.replace("Kind: news", "Kind: news\nStatus: draft"), encoding="utf-8")
    write_raw_files(content)
    return content, data


def test_check_reports_every_problem_with_file_and_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    content, data = _data_dir(tmp_path, f"""
[[hide]]
id = "0000000000"
article = "yiyuan-honours"

[[correct]]
id = "{PLATFORM}"
article = "yiyuan-honours"
date = "2020-02-30"

[[add]]
article = "no-such-article"
type = "honour"
name = "x"
quote = "y"

[[hide]]
id = "{entry_id('getabu-undated', 'initiative', '“融e通”智慧平台')}"
article = "getabu-undated"
""")
    problems = run_checks(content, data)
    assert problems == [
        "data/timeline.toml:9: date '2020-02-30' does not exist (day is out of range for month)",
    ]  # shape problems first: items are applied only to a file that is well formed
    (data / "timeline.toml").write_text((data / "timeline.toml").read_text().replace(
        "2020-02-30", "2020-02-29"), encoding="utf-8")
    problems = run_checks(content, data)
    assert problems == [
        "data/timeline.toml:3: unknown id '0000000000': no entry of article 'yiyuan-honours' has "
        "it (ids are listed in timeline.json)",
        "data/timeline.toml:12: no article has slug 'no-such-article'",
    ]  # the draft's item is not applied: the build would not apply it either


def test_check_command_exits_non_zero_and_prints_the_problem(tmp_path):
    content, data = _data_dir(tmp_path, '[[hide]]\nid = "0000000000"\narticle = "yiyuan-honours"\n')
    result = subprocess.run(
        [sys.executable, "-m", "plugins.importer", "check", "--content", str(content), "--data",
         str(data)],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "data/timeline.toml:2: unknown id '0000000000': no entry of article 'yiyuan-honours' has "
        "it (ids are listed in timeline.json)"]


def test_the_archive_curation_file_is_valid():
    problems = run_checks(ROOT / "content", ROOT / "data")
    assert problems == []
