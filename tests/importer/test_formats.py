"""Word, PDF and WeChat files made by the real tools (tests/importer/data/formats/README.md):
what is kept (headings, outlines, lists, tables, paragraphs), what is removed (page furniture),
what is read (title, date, account), and one clear line for each bad file."""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import markdown
import pytest

from plugins.importer.article import ArticleFile, md_table
from plugins.importer.formats.pdf import PAGE_NUMBER, read_pdf
from plugins.importer.formats.wechat import FURNITURE
from plugins.importer.formats.word import _FORMATS, read_docx
from plugins.importer.importer import Options, import_paths
from plugins.zhtext.punctuation import normalize_spaces, to_fullwidth_punctuation

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
FORMATS = Path(__file__).parent / "data" / "formats"
SEED_000 = ROOT / "raw" / "000_0d733a690fc97fb8.txt"
SEED_002 = ROOT / "raw" / "002_e8de5747f3f5b0b0.txt"
SEED_003 = ROOT / "raw" / "003_533674c9486a0d79.txt"
SEED_004 = ROOT / "raw" / "004_60c8b196861be597.txt"


def imported(tmp_path, *names) -> list:
    raw = tmp_path / "raw"
    raw.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(FORMATS / name, raw)
    return import_paths(raw, Options(dest=tmp_path / "out", data_dir=DATA))


def seed_lines(path: Path) -> list[str]:
    return [normalize_spaces(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]


def html_of(article: ArticleFile) -> str:
    return markdown.Markdown(extensions=["extra", "sane_lists"]).convert(article.body)


# --- Word ---------------------------------------------------------------------------------
def test_docx_keeps_headings_outline_lists_and_tables(tmp_path):
    [result] = imported(tmp_path, "report.docx")
    assert result.status == "written" and result.encoding == "docx", result.error
    a = ArticleFile.read(result.article)
    seed = seed_lines(SEED_002)
    assert a.get("Title") == seed[0] and a.get("Kind") == "report"
    assert a.get("Date") == "2020-01-01" and a.get("Date_precision") == "year"
    body = a.body
    # Headings from Word's heading styles and from the typed outline numbers.
    for heading in ("## 一、蹄疾步稳开展党建工作", "## 四、2020年下半年工作计划",
                    "### （一）张弛有度，保证基础工作平稳发展"):
        assert f"\n{heading}\n" in body, heading
    # The bulleted points are one list, the table is a table, the Word-numbered plan keeps the
    # numbers Word showed (1. 2. 3.), so the outline step reads it like a typed one.
    assert "\n- 一是精准发力确保各项民生资金落实到位。" in body
    assert "\n- 二是持之以恒改善劳动保障就业环境。" in body
    assert "| 项目 | 人次 | 金额（元） |\n| --- | --- | --- |\n" in body
    assert "| 低保金 | 1259 | 533805 |" in body and "| 优抚金 | 25 | 58342 |" in body
    assert "\n#### 1.进一步推进街道“大工委”社区“大党委”建设\n" in body
    assert "\n#### 3.进一步加强幸福社区建设\n" in body
    html = html_of(a)
    assert html.count("<table>") == 1 and html.count("<tr>") == 6
    assert html.count("<ul>") == 1 and html.count("<li>") == 2
    # All the report's text is there, in order, up to the plan whose numbers Word now shows (the
    # table repeats figures of the text; headings lose their final 。).
    def words(text):
        return re.sub(r"[^\u4e00-\u9fff0-9]", "", text)
    flat = words("".join(l for l in body.splitlines() if not l.startswith("|")))
    seed_text = words("".join(seed[1:]))
    plan = "四2020年下半年工作计划"
    assert flat.split(plan)[0] == seed_text.split(plan)[0]
    assert flat.split(plan)[1].startswith("1进一步推进街道大工委社区大党委建设")


def test_word_numbering_formats():
    cases = {("decimal", 3): "3", ("chineseCounting", 1): "一", ("chineseCounting", 10): "十",
             ("chineseCounting", 12): "十二", ("chineseCountingThousand", 20): "二十",
             ("chineseCounting", 31): "三十一", ("decimalEnclosedCircle", 2): "②",
             ("upperRoman", 4): "IV", ("lowerLetter", 27): "aa", ("ideographTraditional", 3): "丙",
             ("chineseLegalSimplified", 11): "拾壹", ("decimalFullWidth", 12): "１２"}
    assert {k: _FORMATS[k[0]](k[1]) for k in cases} == cases


def test_doc_is_converted_by_libreoffice(tmp_path):
    assert shutil.which("soffice"), "LibreOffice (soffice) is needed: scripts/setup.sh --test installs it"
    doc, docx = imported(tmp_path, "report.doc", "report.docx")
    assert doc.status == "written" and doc.encoding == "doc", doc.error
    # The same document through LibreOffice: the same article text.
    assert ArticleFile.read(doc.article).body == ArticleFile.read(docx.article).body
    assert not list((tmp_path / "raw").glob("*.docx.*"))


def test_table_cells_cannot_become_markup():
    table = md_table([["项目", "说明"], ["<script>alert(1)</script>", "a | b *强调*"], ["1. 不是列表"]])
    html = markdown.Markdown(extensions=["extra"]).convert(table)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<td>a | b *强调*</td>" in html and "<em>" not in html
    assert "<td>1. 不是列表</td>" in html and "<td></td>" in html


# --- PDF ----------------------------------------------------------------------------------
def test_pdf_lines_rejoin_into_the_source_paragraphs():
    report = read_pdf(FORMATS / "report.pdf", (FORMATS / "report.pdf").read_bytes())
    got = [normalize_spaces(p.text) for p in report.paras]
    # The printed title, then every line of the seed as one paragraph, whatever the page breaks.
    assert got == ["中山西路街道2022年工作情况汇报"] + seed_lines(SEED_000)
    removed = [str(c) for c in report.changes]
    assert removed == ["page header/footer on 14 pages: 呼和浩特市回民区中山西路街道办事处",
                       "page header/footer on 14 pages: 第N页"]
    # Unindented, ragged lines (text printed as is): paragraphs end at short lines only.
    news = read_pdf(FORMATS / "news.pdf", (FORMATS / "news.pdf").read_bytes())
    assert [normalize_spaces(p.text) for p in news.paras] == seed_lines(SEED_003)


@pytest.mark.parametrize("line, number", [
    ("3", True), ("- 3 -", True), ("—12—", True), ("第3页", True), ("第 3 页 共 9 页", True),
    ("3/9", True), ("Page 3 of 9", True), ("2022年", False), ("一、总体情况", False),
    ("第三页", False), ("3.5万元", False)])
def test_page_numbers(line, number):
    assert bool(PAGE_NUMBER.match(line)) is number


def test_pdf_imports_as_a_report(tmp_path):
    [result] = imported(tmp_path, "report.pdf")
    assert result.status == "written" and result.encoding == "pdf", result.error
    a = ArticleFile.read(result.article)
    assert a.get("Title") == "中山西路街道2022年工作情况汇报" and a.get("Kind") == "report"
    assert [a.get(k) for k in ("Province", "City", "District", "Street")] == \
        ["内蒙古自治区", "呼和浩特市", "回民区", "中山西路街道"]
    assert "\n## 一、尽职履责，全面完成各项工作任务\n" in a.body
    assert "呼和浩特市回民区中山西路街道办事处\n" not in a.body and "第 1 页" not in a.body
    assert "在疫情防控的200多天里，中山西路街道组织、协调、发动人员，" in a.body


# --- WeChat -------------------------------------------------------------------------------
def test_wechat_article_pages(tmp_path):
    aifou, weiwen = imported(tmp_path, "wechat-aifou.html", "wechat-weiwen.html")
    a = ArticleFile.read(aifou.article)
    assert a.get("Title") == "三星 Galaxy S20 系列手机正式发布"
    assert a.get("Source") == "爱否科技"
    # The page shows 昨天; the script's ct = 1581517074 is 2020-02-12 22:17 in Beijing.
    assert (a.get("Date"), a.get("Date_precision")) == ("2020-02-12", "day")
    assert a.body.startswith("今天凌晨，三星在美国旧金山举行发布会")
    b = ArticleFile.read(weiwen.article)
    assert b.get("Title") == "一日一技：在 Python 中实现延迟调用" and b.get("Source") == "未闻Code"
    assert b.get("Date") == "2020-02-11"
    assert b.get("Source_url").startswith("http://mp.weixin.qq.com/s?__biz=MzI2MzEwNTY3OQ==&mid=2648978231")
    assert not b.get("Source_url").endswith("#rd")
    for body in (a.body, b.body):
        for gone in ("微信扫一扫", "关注该公众号", "阅读原文", "预览时标签不可点", "在看", "赞赏",
                     "写下你的想法", "var ct"):
            assert gone not in body, gone


@pytest.mark.parametrize("text, furniture", [
    ("点击上方蓝字关注我们", True), ("点击蓝字 关注我们", True), ("长按识别二维码关注", True),
    ("扫码关注我们", True), ("阅读原文", True), ("预览时标签不可点", True), ("微信扫一扫关注该公众号", True),
    ("分享、点赞、在看", True), ("点个在看", True), ("END", True), ("往期推荐", True),
    ("关注群众急难愁盼问题。", False), ("社区党员扫码登记参加志愿服务活动，共计120人。", False),
    ("在看望慰问困难群众时强调", False), ("阅读原文件后，居民代表提出三条意见。", False)])
def test_wechat_furniture(text, furniture):
    squeezed = text.replace(" ", "")
    assert any(rx.search(squeezed) for rx in FURNITURE) is furniture


# --- bad files ----------------------------------------------------------------------------
BAD = {
    "corrupt.docx": "corrupt.docx: not a readable Word (.docx) file: damaged or incomplete",
    "truncated.pdf": "truncated.pdf: not a readable PDF: damaged or incomplete",
    "protected.pdf": "protected.pdf: the PDF is password-protected; save an unprotected copy",
    "scan.pdf": "scan.pdf: the PDF has no text layer (a scan); OCR it first",
    "report.doc": "report.doc: a .doc (Word 97-2003) file needs LibreOffice to be converted: install "
                  "it (Debian: apt-get install libreoffice-writer-nogui) or save the file as .docx",
}


def test_bad_files_get_one_line_each_and_the_rest_is_imported(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in BAD:
        shutil.copy(FORMATS / name, raw)
    shutil.copy(SEED_004, raw)
    # Without LibreOffice on the PATH (only the Python running the importer).
    env = dict(os.environ, PATH=str(Path(sys.executable).parent))
    done = subprocess.run([sys.executable, "-m", "plugins.importer", "import", "--src", str(raw),
                           "--dest", str(tmp_path / "out")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    failures = [l for l in done.stderr.splitlines() if l.startswith("FAILED ")]
    assert len(failures) == len(BAD) == len(done.stderr.splitlines())
    for name, message in BAD.items():
        assert any(str(raw / name) in l and message in l for l in failures), (name, failures)
    assert "import: 1 of 6 imported, 5 failed" in done.stdout
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["004-60c8b196861be597.md"]
