"""Import speed: `python -m plugins.importer.bench [--docs N]` prints figures, asserts nothing.

Documents are made by shuffling the seed paragraphs (raw/), so they look like real reports
and news; each is imported into a temporary folder as the import command does.
"""
from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from plugins.article_meta.topics import load_topics
from plugins.gazetteer import Gazetteer

from .importer import Options, import_file

ROOT = Path(__file__).resolve().parent.parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m plugins.importer.bench")
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--large-mb", type=float, default=1.0,
                        help="also time one document of this size (0: skip)")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    paragraphs = [line for p in sorted((ROOT / "raw").glob("*.txt"))
                  for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    t0 = time.perf_counter()
    gazetteer, topics = Gazetteer.load(ROOT / "data"), load_topics(ROOT / "data")
    startup = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        raw, out = Path(tmp) / "raw", Path(tmp) / "articles"
        raw.mkdir()
        sizes, times = [], []
        for i in range(args.docs):
            body = "\n".join(rng.sample(paragraphs, rng.randint(5, min(60, len(paragraphs)))))
            path = raw / f"doc{i:05d}.txt"
            path.write_text(body, encoding="utf-8")
            sizes.append(path.stat().st_size)
            start = time.perf_counter()
            result = import_file(path, Options(dest=out, data_dir=ROOT / "data"), gazetteer, topics, {})
            times.append(time.perf_counter() - start)
            if result.failed:
                print(f"bench: {result.error}")
        if args.large_mb:
            large = raw / "large.txt"
            chunks, size = [], 0
            while size < args.large_mb * 1024 * 1024:
                chunks.append(rng.choice(paragraphs))
                size += len(chunks[-1].encode("utf-8")) + 1
            large.write_text("\n".join(chunks), encoding="utf-8")
            start = time.perf_counter()
            result = import_file(large, Options(dest=out, data_dir=ROOT / "data"), gazetteer, topics, {})
            large_time = time.perf_counter() - start
            print(f"large document: {size / 1024 / 1024:.1f} MiB, {len(chunks)} paragraphs, "
                  f"{large_time:.1f} s ({result.status})")
    total = sum(times)
    print(f"gazetteer + topics load: {startup * 1000:.0f} ms")
    print(f"documents: {args.docs}, {sum(sizes) / 1024:.0f} KiB, median {statistics.median(sizes) / 1024:.1f} KiB")
    print(f"import: {total:.2f} s total, {args.docs / total:.1f} docs/s, "
          f"median {statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms, "
          f"{sum(sizes) / 1024 / total:.0f} KiB/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
