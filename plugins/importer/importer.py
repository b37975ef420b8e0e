"""Importing raw files: raw file(s) or a folder → articles, with a report per file."""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from plugins.article_meta.schema import read_header
from plugins.article_meta.topics import Topic, load_topics
from plugins.gazetteer import Gazetteer
from plugins.reprints.sketch import Sketch

from . import formats, metadata
from .article import edited, render, write_atomic
from .decode import check_size, decode
from .document import Change, Document
from .errors import ImportFailure
from .html import looks_like_html
from .reprint import Archive, copy_order
from .steps import HAN

RAW_SUFFIXES = {".txt", ".text", ".html", ".htm", ".shtml", ".xhtml"} | formats.SUFFIXES
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
    reprint: str = ""             # the report's line on a copy of a story already imported

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
                   topics: list[Topic]) -> tuple[Document, str]:
    special = formats.read(path, data)          # Word and PDF files
    if special is not None:
        doc, encoding = special
    else:
        text, encoding = decode(path, data)
        if looks_like_html(data, path.suffix):
            doc = formats.wechat_document(text) if formats.is_wechat(text) else formats.page_document(text)
            if not doc.paras:
                raise ImportFailure(path, "no article text in the page (only navigation, scripts "
                                          "or boilerplate)")
        else:
            doc = Document.from_lines(text.splitlines())
    formats.clean_keeping_tables(doc)
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


def import_file(path: Path, opts: Options, gazetteer: Gazetteer, topics: list[Topic],
                taken: dict[str, Path], archive: Archive | None = None) -> Result:
    """`taken` holds, for the files this run has imported so far, slug → source and raw
    reference (raw/…, never a slug) → source. `archive` holds the articles of the
    destination: the one made from this document before, wherever an editor has moved it,
    and the stories it may be a copy of (reprint.py)."""
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
    inside_raw = "raw" in path.resolve().parts
    if not inside_raw:
        # The archive keeps every source in raw/ (DESIGN.md); `invoke check` will look there.
        doc.changes.append(Change("metadata", "review", f"{path} is not inside raw/: copy it to "
                                                        f"{raw_ref} so that Raw points at it"))
    claimed = taken.get(raw_ref)
    if claimed is not None and claimed != path:
        # One article per raw document: two files outside raw/ with one name would both be it.
        result.status, result.error = "failed", (
            f"{path}: {claimed} in this run would also be {raw_ref} (one article per raw "
            "document); give one of them another file name")
        return result
    target = opts.dest / f"{slug}.md"
    moved = archive.path_of_raw(raw_ref) if archive is not None else None
    if moved is not None and moved != target:
        # An editor renamed the article, perhaps with its slug: it is still this document's
        # article, and a second one would publish the story twice.
        target, slug = moved, read_header(moved).get("slug") or moved.stem
    other = taken.get(slug)
    try:
        owner = other if other is not None and other != path else _belongs_to_other(target,
                                                                                    raw_ref)
    except ImportFailure as e:
        result.status, result.error = "failed", f"{e} (while importing {path})"
        return result
    if owner:
        wanted = slug
        slug = f"{slug}-{hashlib.sha1(data).hexdigest()[:8]}"
        target = opts.dest / f"{slug}.md"
        doc.changes.append(Change("metadata", "review", f"slug {wanted} is taken by {owner}: "
                                                        f"this article is {slug}"))
    taken[slug] = taken[raw_ref] = path
    doc.meta["slug"], doc.meta["raw"] = slug, raw_ref
    sketch = Sketch.of(doc.text)
    order = copy_order(doc.meta.get("date", ""), doc.meta.get("date_precision", ""),
                       doc.traditional)
    match = archive.original_of(sketch, raw_ref) if archive is not None else None
    if match:
        original, similarity = match
        copy = archive.known[original]
        if order < copy.order:
            result.reprint = (f"{path} is the original of {copy.path} (similarity "
                              f"{similarity:.2f}): it came first; the build groups them")
        else:
            doc.meta["reprint_of"] = original
            result.reprint = f"{path} is a reprint of {copy.path} (similarity {similarity:.2f})"
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
            if not inside_raw and not opts.force:
                # Its Raw is this file's name in raw/, not a path the file has: the article may
                # come from another file of the same name, imported by an earlier run.
                result.status, result.error = "failed", (
                    f"{path}: {target} already holds an article from {raw_ref}, perhaps from "
                    f"another file named {path.name}; put this file in raw/ under a name of its "
                    f"own, or re-run with --force to replace {target}")
                return result
            result.status = "updated"
        else:
            result.status = "written"
        write_atomic(target, text)
        if archive is not None:
            # Later documents of this run are compared with this one too.
            archive.add(slug, target, raw_ref, sketch, order, doc.meta.get("reprint_of", ""))
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


def _belongs_to_other(target: Path, raw_ref: str) -> str:
    """The Raw of the article at `target` when it is another document's, else ""."""
    if not target.exists():
        return ""
    m = re.search(r"^Raw:\s*(.+)$", read_article(target), re.M)
    return m.group(1).strip() if m and m.group(1).strip() != raw_ref else ""


class DestinationBusy(OSError):
    """Another import holds the destination folder."""


@contextlib.contextmanager
def _locked(dest: Path):
    """Hold an exclusive lock on the destination folder for the run: two runs at once would
    both see a slug free and write one article over the other. flock on the folder itself
    leaves no lock file among the articles, and the system drops it when the process ends."""
    dest.mkdir(parents=True, exist_ok=True)
    fd = os.open(dest, os.O_RDONLY | os.O_DIRECTORY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise DestinationBusy(f"{dest}: another import is writing into this folder; run "
                                  "this one again when it has finished") from None
        yield
    finally:
        os.close(fd)


def import_paths(src: Path, opts: Options,
                 on_file: Callable[[int, int], None] | None = None) -> list[Result]:
    """Import every raw file of `src`; `on_file(done, total)` is called after each (progress)."""
    files = raw_files(src)
    if not files:
        return [Result(src, status="failed", error=f"{src}: no raw documents (.txt, .html, .docx, .doc, .pdf) found")]
    with _locked(opts.dest):
        gazetteer = Gazetteer.load(opts.data_dir)
        topics = load_topics(opts.data_dir)
        taken: dict[str, Path] = {}
        archive = Archive(opts.dest)
        results = []
        for path in files:
            results.append(_import_one(path, opts, gazetteer, topics, taken, archive))
            if on_file is not None:
                on_file(len(results), len(files))
        return results


def _import_one(path: Path, opts: Options, gazetteer: Gazetteer, topics: list[Topic],
                taken: dict[str, Path], archive: Archive) -> Result:
    """import_file, where an error nobody foresaw (a bug, a page no rule expected) fails this
    file only: the run goes on and every file is reported."""
    try:
        return import_file(path, opts, gazetteer, topics, taken, archive)
    except Exception as e:  # noqa: BLE001 - reported as this file's failure, with its type
        return Result(path, status="failed",
                      error=f"{path}: could not be imported ({type(e).__name__}: {e}); the other "
                            "files were, please report this one")


# --- report ------------------------------------------------------------------------------
def format_report(result: Result, verbose: bool = False) -> str:
    if result.failed:
        return f"FAILED {result.error}"
    head = {
        "written": "wrote", "updated": "updated", "unchanged": "unchanged",
        "kept-edited": "KEPT (edited)",
    }[result.status]
    lines = [f"{result.raw} → {result.article} [{head}; {result.encoding}]"]
    if result.reprint:
        lines.append(f"  {result.reprint}")
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
