"""Long work shows progress: a bar with counts on a terminal, one line per phase in a log."""
import os
import pty
import shutil
import subprocess
import sys

from tests.conftest import ROOT, data_without_curation, write_raw_files

from .fixtures import DAY


def _content(tmp_path, n=30):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "pages").mkdir()
    for i in range(n):
        (content / "articles" / f"a{i}.md").write_text(
            DAY.replace("Slug: grid-meeting-2019", f"Slug: article-{i}").replace(
                "Raw: raw/day.txt", f"Raw: raw/a{i}.txt"), encoding="utf-8")
    write_raw_files(content)
    return content


def _build_command(tmp_path, content):
    return [sys.executable, "-m", "pelican", str(content), "-o", str(tmp_path / "out"), "-s",
            "pelicanconf.py", "--fatal", "errors", "--log-handler", "plain",
            "-e", f'ARCHIVE_DATA_PATH="{data_without_curation(tmp_path)}"']


def _in_a_terminal(command) -> str:
    """What a command prints on a terminal (stdout and stderr on one pseudo-terminal)."""
    main, secondary = pty.openpty()
    process = subprocess.Popen(command, cwd=ROOT, stdout=secondary, stderr=secondary,
                               env={**os.environ, "TERM": "xterm", "COLUMNS": "120"})
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the command ended and closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=120)
    os.close(main)
    assert process.returncode == 0
    return b"".join(chunks).decode("utf-8", "replace")


def test_a_build_in_a_log_prints_one_line_per_phase(tmp_path):
    content = _content(tmp_path)
    done = subprocess.run(_build_command(tmp_path, content), cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.startswith("build: ")]
    assert [line.split(" in ")[0] for line in lines] == ["build: read 30 articles",
                                                         f"build: wrote {_pages(tmp_path)} pages"]
    assert "━" not in done.stderr  # no bar in a log


def test_a_build_on_a_terminal_shows_a_bar_with_counts(tmp_path):
    content = _content(tmp_path)
    shown = _in_a_terminal(_build_command(tmp_path, content))
    assert "build: reading" in shown and "/30" in shown and "━" in shown


def test_an_import_shows_a_bar_on_a_terminal_and_its_time_in_a_log(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(ROOT / "raw", raw)
    command = [sys.executable, "-m", "plugins.importer", "import", "--src", str(raw), "--dest"]
    shown = _in_a_terminal(command + [str(tmp_path / "a")])
    assert "import" in shown and "/5" in shown and "━" in shown
    done = subprocess.run(command + [str(tmp_path / "b")], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    summary = done.stdout.splitlines()[-1]
    assert summary.startswith("import: 5 of 5 imported") and summary.endswith(" s)")
    assert "━" not in done.stdout + done.stderr


def _pages(tmp_path) -> int:
    return sum(1 for _ in (tmp_path / "out").rglob("*.html"))
