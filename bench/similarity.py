"""How alike the articles of a corpus are, as the reprint grouping sees them: the mean and 99th
percentile of the MinHash Jaccard of every pair, and how many articles a query of the LSH index
proposes as candidates. Real documents (the development set and the seed articles) against a
sample of a synthetic archive: the grouping's cost follows the candidates (docs/scale.md).

    .venv/bin/python -m bench.similarity --corpus /tmp/rs10k [--sample 400]
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

import numpy as np

from plugins.reprints.groups import SketchIndex
from plugins.reprints.sketch import Sketch

ROOT = Path(__file__).resolve().parents[1]


def _body(path: Path) -> str:
    text = path.read_text(encoding="utf-8", errors="replace")
    return text.split("\n\n", 1)[-1] if path.suffix == ".md" else text


def figures(texts: list[str]) -> tuple[int, float, float, float]:
    """(comparable texts, mean Jaccard, 99th percentile, mean candidates per query)."""
    sketches = [s for s in map(Sketch.of, texts) if s.comparable()]
    index = SketchIndex()
    for number, sketch in enumerate(sketches):
        index.add(str(number), sketch)
    candidates = [len(index.candidates(s)) - 1 for s in sketches]
    values = np.stack([s.minhash.hashvalues for s in sketches])
    pairs = np.concatenate([(values[i + 1:] == values[i]).mean(axis=1)
                            for i in range(len(sketches) - 1)])
    return len(sketches), float(pairs.mean()), float(np.quantile(pairs, 0.99)), \
        float(np.mean(candidates))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.similarity")
    parser.add_argument("--corpus", type=Path, required=True, help="a bench corpus folder")
    parser.add_argument("--sample", type=int, default=400)
    args = parser.parse_args(argv)
    real = [_body(p) for p in sorted((ROOT / "tests" / "data" / "devset").glob("*.txt"))]
    real += [_body(p) for p in sorted((ROOT / "content" / "articles").glob("*.md"))]
    synthetic = sorted((args.corpus / "content" / "articles").glob("*.md"))
    sample = random.Random(1).sample(synthetic, min(args.sample, len(synthetic)))
    for name, texts in (("real documents", real), (f"synthetic, {len(sample)} of "
                                                   f"{len(synthetic)}", map(_body, sample))):
        n, mean, p99, candidates = figures(list(texts))
        print(f"{name:28s} {n:5d} texts  Jaccard mean {mean:.3f}  p99 {p99:.3f}  "
              f"candidates per query {candidates:.1f} ({candidates / n:.1%} of the index)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
