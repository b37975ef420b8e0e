"""Makes the format fixtures in this folder from the seed documents in raw/, with the real tools:
python-docx (Word files), LibreOffice headless (.doc and PDF), poppler's pdftoppm and img2pdf (the
scan), qpdf (the password). Run from the repository root:

    .venv/bin/python tests/importer/data/formats/make.py

It needs the Debian packages libreoffice-writer-nogui, poppler-utils, img2pdf and qpdf (only to
remake the fixtures: the tests read the committed files). README.md says what each file is.
"""
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
RAW = HERE.parents[3] / "raw"
SEED_002 = RAW / "002_e8de5747f3f5b0b0.txt"   # 街道2020年上半年工作总结和下半年工作计划
SEED_000 = RAW / "000_0d733a690fc97fb8.txt"   # 中山西路街道 2022 工作情况汇报
SEED_003 = RAW / "003_533674c9486a0d79.txt"   # 灵山卫街道 news


def lines(path: Path) -> list[str]:
    return [l.strip() for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]


def cjk_font(document) -> None:
    style = document.styles["Normal"]
    style.font.size = Pt(12)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "Noto Serif CJK SC")


def report_docx(target: Path) -> None:
    """Seed 002 as a Word user types it: the title and 一、 lines as headings, (一) lines as
    paragraphs, one paragraph's 一是/二是 points as a bulleted list, the relief figures of (二) as a
    table, and the plan of section 四 as an auto-numbered list."""
    text = lines(SEED_002)
    doc = Document()
    cjk_font(doc)
    doc.add_heading(text[0], level=1)
    section = ""
    for line in text[1:]:
        if re.match(r"^[一二三四五六七八九十]+、", line):
            section = line
            doc.add_heading(line, level=2)
            continue
        if line.startswith("(二)稳中求进开展各项社会帮扶工作"):
            head, _, rest = line.partition("一是")
            doc.add_paragraph(head)
            for point in re.split(r"(?=[二三四五六七八九]是)", "一是" + rest):
                doc.add_paragraph(point, style="List Bullet")
            table = doc.add_table(rows=1, cols=3)
            table.style = "Table Grid"
            for cell, label in zip(table.rows[0].cells, ("项目", "人次", "金额（元）")):
                cell.text = label
            for m in re.finditer(r"(?:发放)?([\u4e00-\u9fff0-9]+?(?:金|补助|补贴))(\d+)人次/(\d+)元", line):
                row = table.add_row().cells
                row[0].text, row[1].text, row[2].text = m.groups()
            # 低保金 is given as 户次/人次: its own row.
            m = re.search(r"(\d+)户次/(\d+)人次发放(低保金)(\d+)元", line)
            row = table.add_row().cells
            row[0].text, row[1].text, row[2].text = m.group(3), m.group(2), m.group(4)
            continue
        if section.startswith("四、") and re.match(r"^\(\S+?\)\s*", line):
            doc.add_paragraph(re.sub(r"^\(\S+?\)\s*", "", line), style="List Number")
            continue
        doc.add_paragraph(line)
    doc.save(target)


def page_field(paragraph, instr: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instr)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    run.append(t)
    field.append(run)
    paragraph._p.append(field)


def long_report_docx(target: Path) -> None:
    """Seed 000 (nine A4 pages) with a running header (the office) and a footer `第 N 页`, its
    paragraphs indented by two characters, as reports are printed."""
    doc = Document()
    cjk_font(doc)
    doc.styles["Normal"].paragraph_format.first_line_indent = Pt(24)
    header = doc.sections[0].header.paragraphs[0]
    header.text = "呼和浩特市回民区中山西路街道办事处"
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer = doc.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("第 ")
    page_field(footer, "PAGE")
    footer.add_run(" 页")
    title = doc.add_paragraph("中山西路街道2022年工作情况汇报")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.first_line_indent = Pt(0)
    title.runs[0].font.size = Pt(18)
    for line in lines(SEED_000):
        doc.add_paragraph(line)
    doc.save(target)


def soffice(src: Path, fmt: str, outdir: Path) -> Path:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", fmt, "--outdir", str(outdir), str(src)],
                       check=True, capture_output=True, timeout=300)
    return outdir / f"{src.stem}.{fmt.split(':')[0]}"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        report_docx(HERE / "report.docx")
        shutil.move(soffice(HERE / "report.docx", "doc", tmp), HERE / "report.doc")

        long_report_docx(tmp / "report-printed.docx")
        shutil.move(soffice(tmp / "report-printed.docx", "pdf", tmp), HERE / "report.pdf")
        # A plain text file printed by LibreOffice: no indents, one paragraph per line.
        shutil.copy(SEED_003, tmp / "news.txt")
        shutil.move(soffice(tmp / "news.txt", "pdf", tmp), HERE / "news.pdf")

        # A scan: page 1 rendered to a grey image and wrapped into a PDF without any text.
        subprocess.run(["pdftoppm", "-r", "50", "-gray", "-f", "1", "-l", "1", "-png",
                        str(HERE / "report.pdf"), str(tmp / "page")], check=True)
        page = next(tmp.glob("page*.png"))
        subprocess.run(["img2pdf", str(page), "-o", str(HERE / "scan.pdf")], check=True)
        subprocess.run(["qpdf", "--encrypt", "geheim", "geheim", "256", "--",
                        str(HERE / "news.pdf"), str(HERE / "protected.pdf")], check=True)
    # Broken downloads: the first half of real files.
    for name, broken in (("report.pdf", "truncated.pdf"), ("report.docx", "corrupt.docx")):
        data = (HERE / name).read_bytes()
        (HERE / broken).write_bytes(data[: len(data) // 2])


if __name__ == "__main__":
    main()
