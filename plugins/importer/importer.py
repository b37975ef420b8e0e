"""Importing raw files: raw file(s) or a folder → articles, with a report per file."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from plugins.gazetteer import Gazetteer

from . import metadata
from .article import edited, render, write_atomic
from .decode import check_size, decode
from .document import Change, Document
from .errors import ImportFailure
from .html import html_document, looks_like_html
from .steps import HAN, clean

RAW_SUFFIXES = {".txt", ".text", ".html", ".htm", ".shtml", ".xhtml"}
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
MIN_ARTICLE_HAN = 20


@dataclass
class Result:
    raw: Path
    status: str = ""              # written | updated | unchanged | kept-edited | failed
    article: Path | None = None
    error: str = ""
    changes: list[Change] = field(default_factory=list)
    review: list[str] = field(default_factory=list)
    encoding: str = ""

    @property
    def failed(self) -> bool:
        return self.status == "failed"


@dataclass
class Options:
    dest: Path
    data_dir: Path
    force: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES


def raw_files(src: Path) -> list[Path]:
    if src.is_dir():
        return sorted(p for p in src.rglob("*") if p.is_file() and p.suffix.lower() in RAW_SUFFIXES
                      and not p.name.startswith("."))
    return [src]


def raw_reference(path: Path) -> str:
    """`raw/<file>`: the path from the raw/ folder on (raw/ is where documents are kept)."""
    parts = path.resolve().parts
    if "raw" in parts:
        i = len(parts) - 1 - parts[::-1].index("raw")
        return "/".join(parts[i:])
    return f"raw/{path.name}"


def slug_for(path: Path, data: bytes) -> str:
    """ASCII, stable across re-imports: the raw file's name; a content hash when the name has
    too little ASCII to tell files apart (中文文件名.txt)."""
    stem = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    if len(re.sub(r"[^a-z0-9]", "", stem)) >= 4:
        return stem[:80]
    return "doc-" + hashlib.sha1(data).hexdigest()[:12]


def build_document(path: Path, data: bytes, gazetteer: Gazetteer,
                   topics: list[metadata.Topic]) -> tuple[Document, str]:
    text, encoding = decode(path, data)
    if looks_like_html(data, path.suffix):
        doc = html_document(text)
        if not doc.paras:
            raise ImportFailure(path, "no article text in the page (only navigation, scripts or "
                                      "boilerplate)")
    else:
        doc = Document.from_lines(text.splitlines())
    clean(doc)
    han = sum(len(HAN.findall(p.text)) for p in doc.paras)
    if han < MIN_ARTICLE_HAN:
        raise ImportFailure(path, f"no article text ({han} Chinese characters left after "
                                  "removing boilerplate)")
    doc.changes.extend(metadata.apply(doc, gazetteer, topics))
    if doc.traditional:
        doc.meta["source_script"] = "zh-Hant"
    for c in doc.changes:
        if c.action == "review" and c.step in ("truncated", "empty_sections", "duplicates",
                                               "split_glosses"):
            doc.add_review("text")
    return doc, encoding


def import_file(path: Path, opts: Options, gazetteer: Gazetteer, topics: list[metadata.Topic],
                taken: dict[str, Path]) -> Result:
    result = Result(path)
    try:
        if not path.exists():
            raise ImportFailure(path, "no such file")
        check_size(path, path.stat().st_size, opts.max_bytes)
        data = path.read_bytes()
        doc, result.encoding = build_document(path, data, gazetteer, topics)
    except ImportFailure as e:
        result.status, result.error = "failed", str(e)
        return result
    except OSError as e:
        result.status, result.error = "failed", f"{path}: cannot read ({e.strerror})"
        return result

    slug = slug_for(path, data)
    raw_ref = raw_reference(path)
    if "raw" not in path.resolve().parts:
        # The archive keeps every source in raw/ (DESIGN.md); `invoke check` will look there.
        doc.changes.append(Change("metadata", "review", f"{path} is not inside raw/: copy it to "
                                                        f"{raw_ref} so that Raw points at it"))
    target = opts.dest / f"{slug}.md"
    other = taken.get(slug)
    try:
        if (other is not None and other != path) or _belongs_to_other(target, raw_ref):
            slug = f"{slug}-{hashlib.sha1(data).hexdigest()[:8]}"
            target = opts.dest / f"{slug}.md"
    except ImportFailure as e:
        result.status, result.error = "failed", f"{e} (while importing {path})"
        return result
    taken[slug] = path
    doc.meta["slug"], doc.meta["raw"] = slug, raw_ref
    if doc.review:
        doc.meta["review"] = ", ".join(doc.review)
    text = render(doc)
    result.article, result.changes, result.review = target, doc.changes, doc.review

    try:
        if target.exists():
            current = read_article(target)
            if current == text:
                result.status = "unchanged"
                return result
            if edited(current) and not opts.force:
                result.status = "kept-edited"
                return result
            result.status = "updated"
        else:
            result.status = "written"
        write_atomic(target, text)
    except ImportFailure as e:
        result.status, result.error = "failed", f"{e} (while importing {path})"
    except OSError as e:
        # The old article (if any) is intact: write_atomic replaces it only when complete.
        result.status, result.error = "failed", f"{path}: cannot write {target} ({e.strerror})"
    return result


def read_article(target: Path) -> str:
    """An article already in --dest, as text. One saved in another encoding (GBK by an editor's
    tool) is named with its line, like any bad file, and left as it is."""
    data = target.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise ImportFailure(target, f"the article is not UTF-8 (byte 0x{data[e.start]:02x}); save it as "
                                    "UTF-8 (or move it away) and import again", line) from None


def _belongs_to_other(target: Path, raw_ref: str) -> bool:
    if not target.exists():
        return False
    m = re.search(r"^Raw:\s*(.+)$", read_article(target), re.M)
    return bool(m) and m.group(1).strip() != raw_ref


def import_paths(src: Path, opts: Options) -> list[Result]:
    files = raw_files(src)
    if not files:
        return [Result(src, status="failed", error=f"{src}: no raw documents (.txt, .html) found")]
    gazetteer = Gazetteer.load(opts.data_dir)
    topics = metadata.load_topics(opts.data_dir)
    taken: dict[str, Path] = {}
    return [import_file(p, opts, gazetteer, topics, taken) for p in files]


# --- report ------------------------------------------------------------------------------
def format_report(result: Result, verbose: bool = False) -> str:
    if result.failed:
        return f"FAILED {result.error}"
    head = {
        "written": "wrote", "updated": "updated", "unchanged": "unchanged",
        "kept-edited": "KEPT (edited)",
    }[result.status]
    lines = [f"{result.raw} → {result.article} [{head}; {result.encoding}]"]
    if result.status == "kept-edited":
        lines.append(f"  {result.article} was changed by an editor since it was imported; it was "
                     "not overwritten. Re-run with --force to replace it with a fresh import "
                     "(the editor's changes are then lost), or keep editing it by hand.")
    by_step: dict[tuple[str, str], list[Change]] = {}
    for c in result.changes:
        by_step.setdefault((c.action, c.step), []).append(c)
    labels = {"removed": "removed", "changed": "changed", "found": "found", "guessed": "GUESSED",
              "review": "REVIEW"}
    for action, label in labels.items():
        for (act, step), changes in by_step.items():
            if act != action:
                continue
            shown = changes if verbose else changes[:3]
            lines.append(f"  {label} {step} ({len(changes)}):")
            lines += [f"    - {c}" for c in shown]
            if len(changes) > len(shown):
                lines.append(f"    … {len(changes) - len(shown)} more (--verbose)")
    if result.review:
        lines.append(f"  needs review: {', '.join(result.review)}")
    return "\n".join(lines)
