"""Commands of the archive (see README). Run with `.venv/bin/invoke <task>`."""
import os
import shlex
import shutil
import sys
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
PY = sys.executable
OUTPUT = ROOT / "output"


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
    _pelican(c, "pelicanconf.py", output=output)


@task
def serve(c, port=8000):
    """Serve output/ on 127.0.0.1:PORT."""
    c.run(f"{shlex.quote(PY)} -m pelican --listen -o {OUTPUT} -s pelicanconf.py "
          f"--bind 127.0.0.1 --port {int(port)}")


@task
def livereload(c, port=8000):
    """Rebuild on change and serve on 127.0.0.1:PORT."""
    _pelican(c, "pelicanconf.py", f"--autoreload --listen --bind 127.0.0.1 --port {int(port)}")


@task
def publish(c, output=str(OUTPUT)):
    """Production build (publishconf.py): absolute SITEURL from $SITEURL, feeds. It ignores the
    reader cache, which knows a changed article but not a changed Markdown setting."""
    _pelican(c, "publishconf.py", "--ignore-cache", output=output)


@task(name="gh-pages")
def gh_pages(c, remote="origin", branch="gh-pages", build=True, output=str(OUTPUT),
             repo=str(ROOT)):
    """Publish output/ to the gh-pages branch of REMOTE with ghp-import (builds first unless
    --no-build). REMOTE may be a remote name, URL or path; REPO is the repository ghp-import
    commits in."""
    if build:
        publish(c, output=output)
    if not (Path(output) / "index.html").exists():
        raise SystemExit(f"gh-pages: {output}/index.html missing: build the site first")
    ghp = Path(PY).with_name("ghp-import")
    with c.cd(repo):
        # -n: .nojekyll, so GitHub serves theme/ and folders as they are; -f: the branch
        # holds exactly the latest build.
        c.run(f"{shlex.quote(str(ghp))} -n -f -p -r {shlex.quote(remote)} -b {shlex.quote(branch)} "
              f"-m {shlex.quote('Publish the archive')} {shlex.quote(str(output))}", pty=False,
              in_stream=False)


# --- import / check (IMPORTER) ---------------------------------------------------------------
# `invoke check` runs these checkers, in order. Each is `module:function`, called with the
# articles read back and a context (data dir, gazetteer, topics) and returning
# "path:line: problem" strings (see plugins/importer/check.py). Add yours to the list.
CHECKERS = [
    "plugins.importer.check:front_matter",
    "plugins.importer.check:places",
    "plugins.importer.check:topics",
    "plugins.importer.check:duplicate_slugs",
    "plugins.importer.check:duplicate_raws",
    "plugins.timeline.check:curation",
]


@task(name="import", help={"src": "a raw file or folder (e.g. raw)", "dest": "articles folder",
                           "force": "overwrite articles an editor has changed",
                           "verbose": "list every change in the report"})
def import_(c, src, dest="content/articles", force=False, verbose=False):
    """Raw documents → clean articles with front matter; prints a report per file."""
    flags = " --force" * force + " --verbose" * verbose
    with c.cd(str(ROOT)):
        c.run(f"{shlex.quote(PY)} -m plugins.importer import --src {shlex.quote(src)} "
              f"--dest {shlex.quote(dest)}{flags}", pty=False)


@task
def check(c, content="content/articles"):
    """Validate every article's front matter (places, topics, dates, slugs) without building."""
    checkers = " ".join(f"--checker {shlex.quote(spec)}" for spec in CHECKERS)
    with c.cd(str(ROOT)):
        c.run(f"{shlex.quote(PY)} -m plugins.importer check --content {shlex.quote(content)} "
              f"{checkers}", pty=False)


@task(name="eval", help={"truth": "folder of raw documents with JSON sidecars (tests/data/devset)"})
def eval_(c, truth="tests/data/devset"):
    """Import a labelled folder into a temporary place and print per-field accuracy and misses."""
    with c.cd(str(ROOT)):
        c.run(f"{shlex.quote(PY)} -m plugins.importer eval --truth {shlex.quote(truth)}", pty=False)


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
            "without": "leave this plugin out of PLUGINS (repeatable), e.g. plugins.timeline"},
      iterable=["without"])
def bench(c, n=1000, runs=3, browser_runs=0, workdir="", browser=True, pagefind=True, json="",
          profile=False, without=None):
    """Synthetic archive of N articles: build, rebuild, index and search figures (bench/)."""
    args = ["--n", str(int(n)), "--runs", str(int(runs))]
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
    with c.cd(str(ROOT)):  # `bench` is a package of the repository
        c.run(f"{shlex.quote(PY)} -m {module} {' '.join(shlex.quote(a) for a in args)}", pty=False)
