"""The editors' synonym table (data/synonyms.toml): the archive's own file is valid, large and
justified by where its words occur; a broken file is reported as `path:line: problem` by
`invoke check` and stops the build; members are cut into index terms for the manifest."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from plugins.importer.check import run_checks
from plugins.search import synonyms
from plugins.zhtext.fold import fold
from tests.conftest import ROOT, build_site

from .fixtures import ARTICLES

TABLE = ROOT / "data" / "synonyms.toml"


def archive_texts() -> dict[str, str]:
    """Folded text of every document the synonyms cite: the seeds (by their number) and the
    development set, without whitespace and without the pinyin glosses of machine-converted
    Traditional pages (社區(qū) → 社区), as the importer reads them."""
    def clean(path):
        text = fold(path.read_text(encoding="utf-8"))
        return re.sub(r"\s+", "", re.sub(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ]+\)", "", text))
    texts = {p.name[:3]: clean(p) for p in (ROOT / "raw").glob("*.txt")}
    texts.update({p.stem: clean(p) for p in (ROOT / "tests" / "data" / "devset").glob("d*.txt")})
    return texts


def test_the_archive_table_is_valid_and_large():
    table = synonyms.load(TABLE)
    assert table.problems == []
    assert len(table.groups) >= 60
    assert {g.kind for g in table.groups} == {"same", "near"}
    # Services, facilities, job titles, programmes, campaigns: some of each.
    words = {w for g in table.groups for w in g.words}
    assert {"低保", "党群服务中心", "网格员", "在职党员进社区", "创卫"} <= words


def test_every_article_a_group_cites_has_one_of_its_words():
    texts = archive_texts()
    checked = 0
    for group in synonyms.load(TABLE).groups:
        cited = [name for name in re.findall(r"\b(d0\d\d|00[0-4])\b", group.where) if name in texts]
        if not cited:
            # The others name the document or usage their words come from.
            assert len(group.where) > 20, group.words
            continue
        wrong = [name for name in cited if not any(w in texts[name] for w in group.folded)]
        assert not wrong, (group.line, group.words, wrong)
        checked += 1
    assert checked >= 60


BROKEN = [
    # (id, file text, line, problem)
    ("syntax", '[[same]]\nwords = ["低保", "最低生活保障"\nwhere = "x"\n', 3, "not valid TOML"),
    ("unknown-section", '[[equal]]\nwords = ["低保", "最低生活保障"]\nwhere = "000"\n', 1,
     "unknown section 'equal'; use [[same]] or [[near]]"),
    ("no-where", '[[same]]\nwords = ["低保", "最低生活保障"]\n', 1, "[[same]] lacks where"),
    ("empty-where", '[[near]]\nwords = ["低保", "最低生活保障"]\nwhere = " "\n', 3,
     "where must say where these words are used"),
    ("one-word", '[[same]]\nwords = ["低保"]\nwhere = "000"\n', 2, "at least two different words"),
    ("same-after-folding", '[[same]]\nwords = ["社區", "社区"]\nwhere = "000"\n', 2,
     "at least two different words"),
    ("punctuation", '[[same]]\nwords = ["低保", "最低 生活保障"]\nwhere = "000"\n', 2,
     "'最低 生活保障' must be one run of Chinese characters"),
    ("not-a-list", '[[same]]\nwords = "低保"\nwhere = "000"\n', 2, "words must be a list of strings"),
    ("unknown-key", '[[same]]\nwords = ["低保", "最低生活保障"]\nwhere = "000"\nboost = 2\n', 4,
     "unknown key 'boost'"),
    ("twice-in-a-kind", '[[same]]\nwords = ["低保", "最低生活保障"]\nwhere = "000"\n\n'
     '[[same]]\nwords = ["低保金", "低保"]\nwhere = "002"\n', 6,
     "'低保' is already in the [[same]] group of line 1; merge the two groups"),
]


@pytest.mark.parametrize("case", BROKEN, ids=[c[0] for c in BROKEN])
def test_broken_table_is_reported_with_its_line(tmp_path, case):
    _, text, line, problem = case
    path = tmp_path / "synonyms.toml"
    path.write_text(text, encoding="utf-8")
    problems = synonyms.load(path).problems
    assert any(p.startswith(f"{path}:{line}: ") and problem in p for p in problems), problems


def test_a_word_may_be_in_one_same_and_one_near_group(tmp_path):
    path = tmp_path / "synonyms.toml"
    path.write_text('[[same]]\nwords = ["旧改", "老旧小区改造"]\nwhere = "000"\n\n'
                    '[[near]]\nwords = ["城市更新", "老旧小区改造"]\nwhere = "d004"\n', encoding="utf-8")
    assert synonyms.load(path).problems == []


def data_folder(tmp_path: Path, table: str) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    for name in ("gazetteer", "topics.toml"):
        (data / name).symlink_to(ROOT / "data" / name)
    (data / "synonyms.toml").write_text(table, encoding="utf-8")
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "pages").mkdir()
    return data


def test_invoke_check_reports_the_table(tmp_path):
    data = data_folder(tmp_path, '[[same]]\nwords = ["低保"]\nwhere = "000"\n')
    problems = run_checks(tmp_path / "content", data)
    assert problems == [f"{os.path.relpath(data / 'synonyms.toml')}:2: a group needs at least two "
                        "different words"]
    done = subprocess.run([sys.executable, "-m", "plugins.importer", "check", "--content",
                           str(tmp_path / "content"), "--data", str(data)],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 1
    assert re.search(r"synonyms\.toml:2: a group needs at least two different words", done.stdout)


def test_a_broken_table_stops_the_build(tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text('[[same]]\nwords = ["低保", "最低生活保障"]\n', encoding="utf-8")
    with pytest.raises(synonyms.SynonymsError) as stopped:
        build_site(tmp_path, articles={"a.md": ARTICLES["getabu.md"]},
                   settings={"SEARCH": {"SYNONYMS_FILE": str(broken)}})
    assert stopped.value.problems == [
        f"{broken}:1: [[same]] lacks where: where the archive or grassroots usage writes these words"]


def test_members_are_cut_into_index_terms(tmp_path):
    path = tmp_path / "synonyms.toml"
    path.write_text('[[same]]\nwords = ["低保", "最低生活保障", "五保户"]\nwhere = "000"\n\n'
                    '[[near]]\nwords = ["網格員", "网格长"]\nwhere = "d040"\n', encoding="utf-8")
    vocabulary = {"低保", "最低", "生活", "保障", "网格员", "网格", "长"}
    table = synonyms.load(path).table(vocabulary)
    assert table == {"groups": [
        {"near": False, "members": [["低保", ["低保"]], ["最低生活保障", ["最低", "生活", "保障"]],
                                    # No article has 五保户 (nor 五, 保, 户): found by name only.
                                    ["五保户", []]]},
        {"near": True, "members": [["网格员", ["网格员"]], ["网格长", ["网格", "长"]]]},
    ]}
