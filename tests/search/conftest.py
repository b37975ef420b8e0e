"""Fixtures of the search tests: one tiny site built per session, and a way to run the
browser's search code under node."""
import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, build_site

from .fixtures import ARTICLES

NODE = "/usr/bin/node"
CORE_JS = ROOT / "themes" / "archive" / "static" / "js" / "search-core.js"
HARNESS_JS = Path(__file__).with_name("harness.js")


@pytest.fixture(scope="session")
def search_site(tmp_path_factory) -> Path:
    """The fixture articles built with the project's settings; small shards so that even
    this tiny index is split and queries combine several shards."""
    return build_site(tmp_path_factory.mktemp("search-site"), articles=ARTICLES,
                      settings={"SEARCH": {"POSTINGS_PER_SHARD": 40, "RECORDS_PER_CHUNK": 2}})


def run_node(command: str, payload) -> object:
    """Run tests/search/harness.js COMMAND with JSON on stdin; its JSON answer."""
    env = dict(os.environ, NODE_PATH=str(ROOT / "node_modules"))
    done = subprocess.run([NODE, str(HARNESS_JS), command], input=json.dumps(payload),
                          capture_output=True, text=True, env=env, timeout=120)
    if done.returncode != 0:
        raise AssertionError(f"node {command} failed:\n{done.stderr}")
    return json.loads(done.stdout)


def slug_of(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]
