"""Command line: `python -m plugins.importer import|check|eval ...` (what `invoke import|check|eval`
run)."""
from __future__ import annotations

import argparse
import contextlib
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent

# One meaning per code, for import and check alike (README): 2 is only "kept, an editor changed
# it"; a command line that cannot be read is a failure (argparse would exit 2).
EXIT_OK, EXIT_FAILED, EXIT_KEPT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message):
        option = re.match(r"argument (--[\w-]+): expected one argument", message)
        hint = f" (a value starting with '-' is written {option[1]}=-name)" if option else ""
        self.exit(EXIT_FAILED, f"{self.prog}: {message}{hint}; see --help\n")


@contextlib.contextmanager
def import_progress():
    """A bar with counts and time left on a terminal (an import of thousands of files takes
    minutes); nothing otherwise: the run ends with its summary line either way."""
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                               TimeRemainingColumn)

    console = Console(stderr=True)
    if not console.is_terminal:
        yield None
        return
    with Progress(TextColumn("import"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=console, transient=True) as bar:
        task = bar.add_task("import", total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="python -m plugins.importer")
    sub = parser.add_subparsers(dest="command", required=True)
    imp = sub.add_parser("import", help="raw file(s) or folder → articles",
                         description="Exit status: 0 all imported, 1 some file failed (the others "
                                     "are still imported), 2 some article was edited by an editor "
                                     "and kept (use --force to replace it).")
    imp.add_argument("--src", required=True, type=Path, help="a raw file or a folder of them")
    imp.add_argument("--dest", type=Path, default=ROOT / "content" / "articles")
    imp.add_argument("--data", type=Path, default=ROOT / "data", help="gazetteer and topics")
    imp.add_argument("--force", action="store_true", help="overwrite articles an editor changed")
    imp.add_argument("--max-bytes", type=int, default=None, help="refuse larger raw files")
    imp.add_argument("--verbose", "-v", action="store_true", help="list every change")
    chk = sub.add_parser("check", help="validate the articles, pages and curation files")
    chk.add_argument("--content", type=Path, default=ROOT / "content",
                     help="the content folder (articles/ and pages/ inside)")
    chk.add_argument("--data", type=Path, default=ROOT / "data")
    ev = sub.add_parser("eval", help="import a labelled folder and print per-field accuracy",
                        description="Exit status: 0 when the evaluation ran (whatever the figures), "
                                    "1 when it could not run.")
    ev.add_argument("--truth", required=True, type=Path, action="append",
                    help="raw documents with JSON sidecars (tests/data/devset); repeat it to "
                         "measure several folders as one set")
    ev.add_argument("--data", type=Path, default=ROOT / "data", help="gazetteer and topics")
    args = parser.parse_args(argv)

    if args.command == "eval":
        from .evaluate import run
        return run(args.truth if len(args.truth) > 1 else args.truth[0], args.data)

    if args.command == "import":
        from .importer import DEFAULT_MAX_BYTES, Options, format_report, import_paths
        opts = Options(dest=args.dest, data_dir=args.data, force=args.force,
                       max_bytes=args.max_bytes or DEFAULT_MAX_BYTES)
        started = time.perf_counter()
        try:
            with import_progress() as on_file:
                results = import_paths(args.src, opts, on_file)
        except (OSError, ValueError) as e:
            # Reference data (gazetteer, topics) missing or malformed, or another import holds
            # the destination folder: nothing can be imported.
            print(f"import: {e}", file=sys.stderr)
            return EXIT_FAILED
        for r in results:
            print(format_report(r, args.verbose), file=sys.stderr if r.failed else sys.stdout)
        failed = sum(r.failed for r in results)
        kept = sum(r.status == "kept-edited" for r in results)
        print(f"import: {len(results) - failed} of {len(results)} imported, {failed} failed, "
              f"{kept} kept because an editor changed them "
              f"({time.perf_counter() - started:.1f} s)")
        return EXIT_FAILED if failed else EXIT_KEPT if kept else EXIT_OK

    from .check import run_checks
    try:
        problems = run_checks(args.content, args.data)
    except (OSError, ValueError) as e:
        print(f"check: {e}", file=sys.stderr)
        return EXIT_FAILED
    for p in problems:
        print(p)
    print(f"check: {len(problems)} problem(s)", file=sys.stderr)
    return EXIT_FAILED if problems else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
