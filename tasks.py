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


def _pelican(c, settings, extra=""):
    fatal = "--fatal warnings" if os.environ.get("CI") else ""
    c.run(f"{shlex.quote(PY)} -m pelican content -o {OUTPUT} -s {settings} {fatal} {extra}",
          pty=False)


@task
def build(c):
    """Development build of content/ into output/."""
    _pelican(c, "pelicanconf.py")


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
def publish(c):
    """Production build (publishconf.py): absolute SITEURL from $SITEURL, feeds."""
    _pelican(c, "publishconf.py")


@task
def test(c, slow=True, args=""):
    """The whole test suite (what CI runs). --no-slow skips suites marked slow."""
    marker = "" if slow else "-m 'not slow'"
    c.run(f"{shlex.quote(PY)} -m pytest {marker} {args}", pty=False)


@task
def clean(c):
    """Remove output/."""
    shutil.rmtree(OUTPUT, ignore_errors=True)
