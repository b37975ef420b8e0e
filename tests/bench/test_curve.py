"""bench.curve: the peak memory of a build and its workers, and a row per N."""
import subprocess
import sys

from bench import curve


def test_the_sampler_sees_the_memory_of_child_processes():
    with curve.TreeMemory(every=0.05) as memory:
        subprocess.run([sys.executable, "-c",
                        "import time; block = bytearray(200 * 2**20); time.sleep(0.6)"],
                       check=True)
    assert 190 <= memory.peak_mb < 400


def test_a_row_per_size(tmp_path, capsys):
    assert curve.main(["--n", "12", "--workdir", str(tmp_path)]) == 0
    header, row = capsys.readouterr().out.splitlines()
    assert header.split()[:2] == ["articles", "wall"]
    n, wall, cpu, pss, rss = row.split()
    assert n == "12" and float(wall) > 0 and float(cpu) > 0
    assert 50 < float(pss) <= float(rss) * 1.5
