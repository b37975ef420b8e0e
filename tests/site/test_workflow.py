"""The deploy workflow passes zizmor (static analysis for GitHub Actions), run offline: actions
pinned to a commit, no persisted checkout credentials, least permissions per job."""
import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
ZIZMOR = Path(sys.executable).with_name("zizmor")

# The workflow as it was before it was hardened (issue 14, item 16): what zizmor must catch.
UNPINNED = """\
name: site
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo test
"""


def zizmor(path: Path) -> list[dict]:
    # --offline: no GitHub API calls (CI and this machine may have no network); the audits that
    # need one (e.g. known-vulnerable action versions) are skipped.
    result = subprocess.run([str(ZIZMOR), "--offline", "--no-config", "--format", "json",
                             "--min-severity", "medium", str(path)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode in (0, 11, 12, 13, 14), result.stderr  # 1x: findings at severity x
    return json.loads(result.stdout)


def test_zizmor_catches_an_unpinned_action_with_persisted_credentials(tmp_path):
    workflow = tmp_path / ".github" / "workflows" / "site.yml"
    workflow.parent.mkdir(parents=True)
    workflow.write_text(UNPINNED, encoding="utf-8")
    found = {f["ident"] for f in zizmor(workflow)}
    assert {"unpinned-uses", "artipacked", "excessive-permissions"} <= found, found


def test_the_deploy_workflow_has_no_finding_at_medium_or_above():
    findings = zizmor(WORKFLOW)
    assert findings == [], [(f["ident"], f["desc"]) for f in findings]
