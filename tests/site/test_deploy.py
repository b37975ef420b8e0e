"""Commands: publish refuses a relative SITEURL; gh-pages pushes output/ to a bare repository."""
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
from invoke import Context

from tests.conftest import ROOT

from .conftest import PUBLISHED_SITEURL, build_site

from .fixtures import ARTICLES


def git(*args, cwd=None):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def test_gh_pages_publishes_the_built_site_to_a_bare_repository(tmp_path):
    sys.path.insert(0, str(ROOT))
    import tasks

    output = build_site(tmp_path / "site", articles=ARTICLES, publish=PUBLISHED_SITEURL)
    tasks._mark_published(output, PUBLISHED_SITEURL)  # what `invoke publish` does after the build
    remote = tmp_path / "remote.git"
    work = tmp_path / "work"
    git("init", "--bare", "-q", str(remote))
    git("init", "-q", str(work))
    for key, value in (("user.name", "Archive CI"), ("user.email", "ci@example.org")):
        git("config", key, value, cwd=work)

    tasks.gh_pages(Context(), remote=str(remote), build=False, output=str(output), repo=str(work))

    files = set(git("--git-dir", str(remote), "ls-tree", "-r", "--name-only", "gh-pages").split())
    assert {".nojekyll", "index.html", "articles/2019/grid-meeting-2019/index.html",
            "places/370402002/index.html", "theme/css/main.css"} <= files
    published = git("--git-dir", str(remote), "show", "gh-pages:index.html")
    assert published == (output / "index.html").read_text("utf-8")
    # A second deploy replaces the branch content (-f), it does not pile up stale files.
    (output / "index.html").write_text("<!DOCTYPE html><title>x</title>", encoding="utf-8")
    (output / "stale.html").unlink(missing_ok=True)
    tasks._mark_published(output, PUBLISHED_SITEURL)
    tasks.gh_pages(Context(), remote=str(remote), build=False, output=str(output), repo=str(work))
    assert git("--git-dir", str(remote), "show", "gh-pages:index.html").startswith("<!DOCTYPE html><title>x")


def test_gh_pages_refuses_an_unbuilt_site(tmp_path):
    sys.path.insert(0, str(ROOT))
    import tasks

    with pytest.raises(SystemExit, match="index.html missing"):
        tasks.gh_pages(Context(), remote="origin", build=False, output=str(tmp_path), repo=str(tmp_path))


@pytest.mark.parametrize("siteurl", ["", "archive.example.org", "/archive"])
def test_publish_settings_require_an_absolute_siteurl(siteurl):
    env = {**os.environ, "SITEURL": siteurl}
    result = subprocess.run([sys.executable, "-c", "import publishconf"], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    assert result.returncode != 0
    assert "set SITEURL to the site's absolute address" in result.stderr


@pytest.mark.parametrize("siteurl, reason", [
    ("https://example.org/my archive", "it contains ' '"),
    ('https://x"><script>alert(1)</script>', "it contains '\"'"),
    ("https://x/'onmouseover='alert(1)", "it contains \"'\""),
    ("https://x/<b>", "it contains '<'"),
    ("https://x/a\\b", "it contains '\\\\'"),
    ("https://x/?q=1", "it contains '?'"),
    ("https://x/#top", "it contains '#'"),
    ("https://:8000/archive", "it has no host name"),
])
def test_publish_settings_refuse_a_siteurl_that_would_break_links(siteurl, reason):
    # SITEURL is written unescaped into canonical links, the sitemap and robots.txt.
    env = {**os.environ, "SITEURL": siteurl}
    result = subprocess.run([sys.executable, "-c", "import publishconf"], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"publishconf.py: SITEURL {siteurl!r} is not a usable address ({reason}); set it to the "
        "site's absolute address, e.g. https://example.github.io/archive"]


@pytest.mark.parametrize("siteurl", ["https://example.github.io/archive", "http://127.0.0.1:8000",
                                     "https://xn--fiqs8s.example/%E6%A1%A3%E6%A1%88"])
def test_publish_settings_accept_an_absolute_address(siteurl):
    env = {**os.environ, "SITEURL": siteurl}
    result = subprocess.run([sys.executable, "-c", "import publishconf as p; print(p.SITEURL)"],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == siteurl


def test_publish_settings_turn_feeds_on_with_the_absolute_siteurl():
    env = {**os.environ, "SITEURL": "https://example.github.io/archive/",
           "RAW_BASE_URL": "https://github.com/o/r/blob/abc/"}
    code = ("import publishconf as p; "
            "print(p.SITEURL, p.FEED_DOMAIN, p.FEED_ALL_ATOM, p.RELATIVE_URLS, p.RAW_BASE_URL)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                            text=True, check=True)
    assert result.stdout.split() == ["https://example.github.io/archive",
                                     "https://example.github.io/archive", "feeds/all.atom.xml", "False",
                                     "https://github.com/o/r/blob/abc"]


def invoke(*args, env):
    return subprocess.run([str(Path(sys.executable).with_name("invoke")), *args], cwd=ROOT,
                          env={**os.environ, **env}, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL)


@pytest.mark.slow
def test_invoke_build_and_publish_of_the_real_archive_pass_with_warnings_fatal(tmp_path):
    # What CI and the deploy workflow run (CI=true makes warnings fatal), on content/.
    dev = invoke("build", "--output", str(tmp_path / "dev"), env={"CI": "true"})
    assert dev.returncode == 0, dev.stdout + dev.stderr
    assert (tmp_path / "dev" / "index.html").exists()
    prod = invoke("publish", "--output", str(tmp_path / "prod"),
                  env={"CI": "true", "SITEURL": "https://example.github.io/archive"})
    assert prod.returncode == 0, prod.stdout + prod.stderr
    assert "https://example.github.io/archive/" in (tmp_path / "prod" / "sitemap.xml").read_text()
    feeds = sorted((tmp_path / "prod" / "feeds").rglob("*.atom.xml"))
    assert len(feeds) > 3
    for feed in feeds:
        parsed = feedparser.parse(feed.read_bytes())
        assert not parsed.bozo and parsed.entries, feed
        assert all(e.link.startswith("https://example.github.io/archive/articles/") for e in parsed.entries)
        assert len({e.id for e in parsed.entries}) == len(parsed.entries)


def test_invoke_build_fails_on_a_bad_article(tmp_path):
    # The build task reads content/, so the bad article goes through the same pelican call
    # on a copy: the task's own flags must make an error fatal outside CI too.
    sys.path.insert(0, str(ROOT))
    import tasks

    content = tmp_path / "content" / "articles"
    content.mkdir(parents=True)
    (content / "bad.md").write_text(ARTICLES["grid-meeting-2019.md"].replace(
        "Kind: news", "Kind: blog"), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    code = ("import tasks, invoke, sys; c = invoke.Context(); "
            f"tasks.ROOT = __import__('pathlib').Path({str(tmp_path)!r}); "
            f"tasks._pelican(c, {str(ROOT / 'pelicanconf.py')!r}, output={str(tmp_path / 'out')!r})")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                            text=True, stdin=subprocess.DEVNULL)
    assert result.returncode != 0
    assert "bad.md:4: Kind 'blog' is not one of report, news" in " ".join(result.stderr.split() + result.stdout.split())


@pytest.fixture
def repo_copy(tmp_path) -> Path:
    """The repository's files in a temp folder (venv and node_modules linked): a task that
    wrongly empties a folder there harms no real checkout."""
    copy = tmp_path / "repo"
    shutil.copytree(ROOT, copy, symlinks=True, ignore=shutil.ignore_patterns(
        ".git", "output", "cache", "__pycache__", "*.pyc"))
    return copy


def tree(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and ".venv" not in p.parts
            and "node_modules" not in p.parts}


@pytest.mark.parametrize("task, output, where", [
    ("publish", "raw", "it is the repository's raw/ folder or inside it"),
    ("publish", "content/articles", "it is the repository's content/ folder or inside it"),
    ("build", "data", "it is the repository's data/ folder or inside it"),
    ("build", "themes/archive/static", "it is the repository's themes/ folder or inside it"),
    ("publish", "plugins/x/..", "it is the repository's plugins/ folder or inside it"),
    ("publish", ".", "it holds the repository"),
    ("build", "..", "it holds the repository"),
])
def test_build_and_publish_refuse_an_output_folder_in_the_sources(repo_copy, task, output, where):
    before = tree(repo_copy)
    done = subprocess.run([str(Path(sys.executable).with_name("invoke")), task, "--output", output],
                          cwd=repo_copy, env={**os.environ, "SITEURL": "https://example.org"},
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=300)
    assert done.returncode == 1, done.stdout + done.stderr
    assert len(done.stderr.splitlines()) == 1, done.stderr
    assert done.stderr.startswith(f"{task}: refusing --output {output}: {where}"), done.stderr
    assert tree(repo_copy) == before  # nothing deleted, nothing written


def test_gh_pages_deploys_only_what_publish_made(repo_copy, tmp_path):
    # `invoke build` then `invoke gh-pages --no-build` force-pushed the development build
    # (relative links, no feeds) over the published branch (issue 14, item 7).
    remote, work = tmp_path / "remote.git", tmp_path / "work"
    git("init", "--bare", "-q", str(remote))
    git("init", "-q", str(work))
    for key, value in (("user.name", "Archive CI"), ("user.email", "ci@example.org")):
        git("config", key, value, cwd=work)
    env = {"SITEURL": "https://example.github.io/archive"}

    def run(*args):
        return subprocess.run([str(Path(sys.executable).with_name("invoke")), *args],
                              cwd=repo_copy, env={**os.environ, **env}, capture_output=True,
                              text=True, stdin=subprocess.DEVNULL, timeout=600)

    def deploy():
        return run("gh-pages", "--no-build", "--remote", str(remote), "--repo", str(work))

    def branch():
        return subprocess.run(["git", "--git-dir", str(remote), "rev-parse", "-q", "--verify",
                               "refs/heads/gh-pages"], capture_output=True, text=True).stdout.strip()

    output = repo_copy / "output"
    assert run("build").returncode == 0
    refused = deploy()
    assert refused.returncode == 1 and not branch()
    assert refused.stderr.splitlines() == [
        f"gh-pages: {output} was not made by `invoke publish` (no valid .published in it): run "
        "`SITEURL=https://… invoke publish` first, or gh-pages without --no-build"]

    published = run("publish")
    assert published.returncode == 0, published.stderr
    assert json.loads((output / ".published").read_text())["siteurl"] == env["SITEURL"]
    done = deploy()
    assert done.returncode == 0, done.stderr
    deployed = branch()
    assert "https://example.github.io/archive/" in git(
        "--git-dir", str(remote), "show", "gh-pages:index.html")

    # A development build over the published folder leaves the marker behind: still refused.
    assert run("build").returncode == 0
    stale = deploy()
    assert stale.returncode == 1, stale.stdout
    assert len(stale.stderr.splitlines()) == 1
    assert stale.stderr.startswith(f"gh-pages: {output} changed after `invoke publish` of ")
    assert branch() == deployed
