"""Loading and looking up the division table."""
from __future__ import annotations

import gzip
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEVELS = ("province", "city", "district", "street")
_LEVEL_BY_CODE_LENGTH = {2: "province", 4: "city", 6: "district", 9: "street"}
# Municipalities list their districts under a placeholder city; the archive shows the
# municipality itself at the city level (北京市 › 北京市 › 东城区).
_PLACEHOLDER_CITIES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    parent: str  # code of the parent, "" for a province
    level: str


class Gazetteer:
    def __init__(self, divisions: dict[str, Division], names: dict[str, list[str]],
                 community_file: Path | None, renamed: dict[str, str] | None = None):
        self._divisions = divisions
        self._by_name = names
        # Old names (aliases.toml [renamed]) → today's code: the resolver says when it used one.
        self.renamed: dict[str, str] = dict(renamed or {})
        self._children: dict[str, list[str]] = {}
        for d in divisions.values():
            self._children.setdefault(d.parent, []).append(d.code)
        self._community_file = community_file
        self._communities: dict[str, list[str]] | None = None
        self._names_by_code: dict[str, list[str]] | None = None
        # The name index of resolve.py, built on first use and kept with this table.
        self._resolve_index = None
        # lookup() answers: an archive names the same few hundred places thousands of times.
        self._lookups: dict[tuple[str, ...], Division | None] = {}

    @classmethod
    def load(cls, data_dir: str | Path) -> "Gazetteer":
        return _load(str(Path(data_dir).resolve()))

    # --- lookups -------------------------------------------------------------------------
    def get(self, code: str) -> Division | None:
        return self._divisions.get(code)

    def find(self, name: str, level: str | None = None) -> list[Division]:
        """Divisions with this official name, preferred spelling or alias."""
        found = [self._divisions[c] for c in self._by_name.get(name, ())]
        return [d for d in found if level is None or d.level == level]

    def ancestors(self, code: str) -> list[Division]:
        """The division and its ancestors, province first."""
        chain = []
        d = self._divisions.get(code)
        while d is not None:
            chain.append(d)
            d = self._divisions.get(d.parent)
        return chain[::-1]

    def children(self, code: str) -> list[Division]:
        return [self._divisions[c] for c in self._children.get(code, ())]

    def is_within(self, code: str, ancestor: str) -> bool:
        return any(d.code == ancestor for d in self.ancestors(code))

    def lookup(self, province: str = "", city: str = "", district: str = "",
               street: str = "") -> Division | None:
        """The deepest division matching the given names along one path, or None if the
        names do not form a path (or the deepest one is ambiguous)."""
        key = (province, city, district, street)
        if key not in self._lookups:
            self._lookups[key] = self._lookup(province, city, district, street)
        return self._lookups[key]

    def _lookup(self, province: str, city: str, district: str, street: str) -> Division | None:
        wanted = [(lvl, n) for lvl, n in zip(LEVELS, (province, city, district, street)) if n]
        if not wanted:
            return None
        deepest_level, deepest_name = wanted[-1]
        candidates = []
        for d in self.find(deepest_name, deepest_level):
            path = {a.level: a for a in self.ancestors(d.code)}
            if all(lvl in path and self.names_match(path[lvl], n) for lvl, n in wanted):
                candidates.append(d)
        return candidates[0] if len(candidates) == 1 else None

    def names_match(self, division: Division, name: str) -> bool:
        return division.code in self._by_name.get(name, ())

    def communities(self, street_code: str) -> list[str]:
        if self._communities is None:
            self._communities = {}
            if self._community_file and self._community_file.exists():
                with gzip.open(self._community_file, "rt", encoding="utf-8") as f:
                    for line in f:
                        code, _, names = line.rstrip("\n").partition("\t")
                        self._communities[code] = names.split(",") if names else []
        return self._communities.get(street_code, [])

    def codes(self) -> list[str]:
        return list(self._divisions)

    def names_of(self, code: str) -> list[str]:
        """Every name a division is known by: display name, official name, aliases."""
        if self._names_by_code is None:
            self._names_by_code = {}
            for name, codes in self._by_name.items():
                for c in codes:
                    self._names_by_code.setdefault(c, []).append(name)
        return self._names_by_code.get(code, [])

    def __len__(self) -> int:
        return len(self._divisions)


@lru_cache(maxsize=4)
def _load(data_dir: str) -> Gazetteer:
    base = Path(data_dir) / "gazetteer"
    table = base / "divisions.tsv"
    if not table.exists():
        raise FileNotFoundError(
            f"{table}: gazetteer missing; regenerate it with scripts/build_gazetteer.py")
    raw: dict[str, tuple[str, str]] = {}
    with open(table, encoding="utf-8") as f:
        next(f)
        for lineno, line in enumerate(f, start=2):
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3 or len(parts[0]) not in _LEVEL_BY_CODE_LENGTH:
                raise ValueError(f"{table}:{lineno}: expected code<TAB>name<TAB>parent")
            raw[parts[0]] = (parts[1], parts[2])

    aliases = {"names": {}, "preferred": {}, "renamed": {}}
    alias_file = base / "aliases.toml"
    if alias_file.exists():
        with open(alias_file, "rb") as f:
            aliases.update(tomllib.load(f))

    divisions: dict[str, Division] = {}
    for code, (name, parent) in raw.items():
        level = _LEVEL_BY_CODE_LENGTH[len(code)]
        if level == "city" and name in _PLACEHOLDER_CITIES:
            name = raw[parent][0]
        name = aliases["preferred"].get(code, name)
        divisions[code] = Division(code, name, parent, level)

    names: dict[str, list[str]] = {}
    for code, d in divisions.items():
        names.setdefault(d.name, []).append(code)
        official = raw[code][0]
        if official != d.name and official not in _PLACEHOLDER_CITIES:
            names.setdefault(official, []).append(code)
    for section in ("names", "renamed"):
        for alias, code in aliases[section].items():
            if code not in divisions:
                raise ValueError(f"{alias_file}: [{section}] {alias!r} points to unknown code {code}")
            names.setdefault(alias, [])
            if code not in names[alias]:
                names[alias].append(code)
    return Gazetteer(divisions, names, base / "communities.tsv.gz", aliases["renamed"])
