"""Commands of the archive (see README). Run with `.venv/bin/invoke <task>`."""
import hashlib
import json
import os
import shlex
import shutil
import sys
from datetime import datetime, timezone
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
PY = sys.executable
OUTPUT = ROOT / "output"


# The repository's own folders: a build writes into its output folder and publish empties it
# first, so the output folder may be none of these and inside none of them.
SOURCE_FOLDERS = ("content", "raw", "data", "themes", "plugins", "scripts", "tests", "bench",
                  ".git", ".github")


def _output_folder(task: str, output) -> Path:
    """The output folder as pelican will see it (relative to the repository); stops the task
    with one line, before anything is written or deleted, if it is the repository (or holds it)
    or lies in one of its source folders."""
    folder = (ROOT / output).resolve()
    root = ROOT.resolve()
    if folder == root or folder in root.parents:
        where = f"it holds the repository {root}"
    else:
        where = next((f"it is the repository's {name}/ folder or inside it"
                      for name in SOURCE_FOLDERS
                      if folder == (root / name).resolve() or (root / name).resolve() in folder.parents),
                     "")
    if where:
        raise SystemExit(f"{task}: refusing --output {output}: {where}, whose files the build "
                         "would overwrite or delete; use a folder of its own, e.g. output")
    return folder


def _pelican(c, settings, extra="", output=OUTPUT):
    # Errors (a skipped article, an unknown place or topic) always fail the build; CI also
    # fails on warnings.
    fatal = "--fatal warnings" if os.environ.get("CI") else "--fatal errors"
    with c.cd(str(ROOT)):
        # The plain handler keeps each message on one line, so `path:line: problem` stays whole
        # (rich wraps and truncates paths to the terminal width).
        c.run(f"{shlex.quote(PY)} -m pelican content -o {shlex.quote(str(output))} "
              f"-s {settings} {fatal} --log-handler plain {extra}", pty=False)


@task
def build(c, output=str(OUTPUT)):
    """Development build of content/ into output/ (or OUTPUT)."""
    _pelican(c, "pelicanconf.py", output=_output_folder("build", output))


@task
def serve(c, port=8000):
    """Serve output/ on 127.0.0.1:PORT."""
    c.run(f"{shlex.quote(PY)} -m pelican --listen -o {OUTPUT} -s pelicanconf.py "
          f"--bind 127.0.0.1 --port {int(port)}")


@task
def livereload(c, port=8000):
    """Build, serve on 127.0.0.1:PORT, and on every change show the edited article's page
    first (in seconds, however large the archive), then build the whole site again."""
    with c.cd(str(ROOT)):
        c.run(f"{shlex.quote(PY)} -m plugins.preview.loop --settings pelicanconf.py "
              f"--port {int(port)}", pty=False)


@task
def publish(c, output=str(OUTPUT)):
    """Production build (publishconf.py): absolute SITEURL from $SITEURL, feeds. It ignores the
    reader cache, which knows a changed article but not a changed Markdown setting."""
    folder = _output_folder("publish", output)
    _pelican(c, "publishconf.py", "--ignore-cache", output=folder)
    _mark_published(folder, os.environ.get("SITEURL", "").rstrip("/"))


# Written by `publish` into the output folder; `gh-pages --no-build` deploys only a folder whose
# files are still exactly what publish wrote (a development build over it, with relative links
# and no feeds, changes them).
PUBLISHED_MARKER = ".published"


def _site_digest(output: Path) -> tuple[int, str]:
    """(number of files, sha256 over their paths and contents), the marker left out."""
    digest, count = hashlib.sha256(), 0
    for path in sorted(p for p in output.rglob("*") if p.is_file()):
        rel = path.relative_to(output).as_posix()
        if rel == PUBLISHED_MARKER:
            continue
        digest.update(rel.encode("utf-8") + b"\0" + hashlib.sha256(path.read_bytes()).digest())
        count += 1
    return count, digest.hexdigest()


def _mark_published(output: Path, siteurl: str) -> None:
    count, digest = _site_digest(output)
    marker = {"siteurl": siteurl, "published": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "files": count, "sha256": digest}
    (output / PUBLISHED_MARKER).write_text(json.dumps(marker, indent=1) + "\n", encoding="utf-8")


def _check_published(output: Path) -> None:
    marker = output / PUBLISHED_MARKER
    try:
        recorded = json.loads(marker.read_text(encoding="utf-8"))
        if not isinstance(recorded, dict):
            raise ValueError(recorded)
    except (OSError, ValueError):
        raise SystemExit(f"gh-pages: {output} was not made by `invoke publish` (no valid "
                         f"{PUBLISHED_MARKER} in it): run `SITEURL=https://… invoke publish` "
                         "first, or gh-pages without --no-build") from None
    count, digest = _site_digest(output)
    if (count, digest) != (recorded.get("files"), recorded.get("sha256")):
        raise SystemExit(f"gh-pages: {output} changed after `invoke publish` of "
                         f"{recorded.get('published')} ({recorded.get('files')} files then, "
                         f"{count} now; e.g. a development build over it): publish again")


@task(name="gh-pages")
def gh_pages(c, remote="origin", branch="gh-pages", build=True, output=str(OUTPUT),
             repo=str(ROOT)):
    """Publish output/ to the gh-pages branch of REMOTE with ghp-import (builds first unless
    --no-build; a folder not made by `publish`, or changed since, is refused). REMOTE may be a
    remote name, URL or path; REPO is the repository ghp-import commits in."""
    if build:
        publish(c, output=output)
    if not (Path(output) / "index.html").exists():
        raise SystemExit(f"gh-pages: {output}/index.html missing: build the site first")
    _check_published(Path(output))
    ghp = Path(PY).with_name("ghp-import")
    with c.cd(repo):
        # -n: .nojekyll, so GitHub serves theme/ and folders as they are; -f: the branch
        # holds exactly the latest build.
        c.run(f"{shlex.quote(str(ghp))} -n -f -p -r {shlex.quote(remote)} -b {shlex.quote(branch)} "
              f"-m {shlex.quote('Publish the archive')} {shlex.quote(str(output))}", pty=False,
              in_stream=False)


@task(name="import", help={"src": "a raw file or folder (e.g. raw)", "dest": "articles folder",
                           "force": "overwrite articles an editor has changed",
                           "verbose": "list every change in the report",
                           "max_bytes": "refuse raw files larger than this (default 5 MiB)"})
def import_(c, src, dest="content/articles", force=False, verbose=False, max_bytes=0):
    """Raw documents → clean articles with front matter; prints a report per file. Exit status
    0 all imported, 1 some file failed, 2 some edited article kept (README)."""
    flags = " --force" * force + " --verbose" * verbose
    flags += f" --max-bytes={int(max_bytes)}" if max_bytes else ""
    with c.cd(str(ROOT)):
        # --src=VALUE: a file name starting with '-' stays a value, not an option.
        c.run(f"{shlex.quote(PY)} -m plugins.importer import --src={shlex.quote(src)} "
              f"--dest={shlex.quote(dest)}{flags}", pty=False)


@task
def check(c, content="content", data="data"):
    """Validate every article, page and data/timeline.toml as the build would, without
    building: `path:line: problem` lines, exit 1 on any."""
    with c.cd(str(ROOT)):
        c.run(f"{shlex.quote(PY)} -m plugins.importer check --content {shlex.quote(content)} "
              f"--data {shlex.quote(data)}", pty=False)


# The development set of issue 13: the text documents and the saved pages, measured as one set.
DEVSET = ("tests/data/devset", "tests/data/devset-html")


@task(name="eval", iterable=["truth"],
      help={"truth": "folder of raw documents with JSON sidecars; repeat it to measure several as one "
                     "set (default: " + " and ".join(DEVSET) + ")"})
def eval_(c, truth=None):
    """Import labelled folders into a temporary place and print per-field accuracy and misses."""
    folders = " ".join(f"--truth {shlex.quote(t)}" for t in (truth or DEVSET))
    with c.cd(str(ROOT)):
        c.run(f"{shlex.quote(PY)} -m plugins.importer eval {folders}", pty=False)


@task
def test(c, slow=True, args=""):
    """The whole test suite (what CI runs). --no-slow skips suites marked slow."""
    marker = "" if slow else "-m 'not slow'"
    c.run(f"{shlex.quote(PY)} -m pytest {marker} {args}", pty=False)


@task
def clean(c):
    """Remove output/."""
    shutil.rmtree(OUTPUT, ignore_errors=True)


@task(help={"n": "articles in the synthetic archive (1000, 10000)",
            "runs": "full builds, rebuilds and browser passes; figures are medians",
            "browser_runs": "browser passes, when not --runs (e.g. 1 build and 3 passes at 10k)",
            "workdir": "keep archive, site and logs here (default: a temp folder, removed)",
            "browser": "probe both searches in headless Chromium",
            "pagefind": "index the same site with Pagefind and print ours/Pagefind ratios",
            "json": "also write the figures to this JSON file",
            "profile": "instead, profile one build with py-spy and print where the time goes",
            "without": "leave this plugin out of PLUGINS (repeatable), e.g. plugins.timeline",
            "short": "the first benchmarks' corpus of ~1,000-character articles instead of "
                     "articles of real size"},
      iterable=["without"])
def bench(c, n=1000, runs=3, browser_runs=0, workdir="", browser=True, pagefind=True, json="",
          profile=False, without=None, short=False):
    """Synthetic archive of N articles: build, rebuild, index and search figures (bench/)."""
    args = ["--n", str(int(n)), "--runs", str(int(runs))]
    args += ["--short"] if short else []
    args += ["--browser-runs", str(int(browser_runs))] if browser_runs else []
    args += ["--workdir", workdir] if workdir else []
    args += [] if browser else ["--no-browser"]
    args += [] if pagefind else ["--no-pagefind"]
    args += ["--json", json] if json else []
    for plugin in without or []:
        args += ["--without", plugin]
    module = "bench.profile" if profile else "bench"
    if profile:
        args = ["--n", str(int(n))] + (["--workdir", workdir] if workdir else [])
        args += ["--short"] if short else []
    with c.cd(str(ROOT)):  # `bench` is a package of the repository
        c.run(f"{shlex.quote(PY)} -m {module} {' '.join(shlex.quote(a) for a in args)}", pty=False)


@task(help={"workdir": "keep the imported site here (default: a temp folder, removed)",
            "json": "also write every answer to this JSON file"})
def relevance(c, workdir="", json=""):
    """Import the seeds and the devset into a temp site, run tests/data/relevance.toml through
    the real search page in Chromium: recall@10, MRR and every miss."""
    args = (["--workdir", workdir] if workdir else []) + (["--json", json] if json else [])
    with c.cd(str(ROOT)):
        c.run(f"{shlex.quote(PY)} -m plugins.search.relevance "
              f"{' '.join(shlex.quote(a) for a in args)}", pty=False)
