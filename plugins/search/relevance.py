"""`invoke relevance`: how well the search finds what citizens mean, on real documents.

The relevance set (tests/data/relevance.toml) holds queries typed as citizens would, each with
the articles judged relevant. This command imports the seed documents (raw/) and the
development set (tests/data/devset/) with the project's importer into a temporary site, builds
it, serves it as a static host would (gzip), types every query into the real search page in
headless Chromium, reads the result links in the order the page shows them, and prints
recall@10 (the share of a query's relevant articles among its first ten results, averaged over
queries), MRR (1 / rank of the first relevant result, 0 when none is in the first ten) and
every miss. An article the importer could not turn into a valid article is reported and left
out of the judgments: the figures are about the search.

    python -m plugins.search.relevance [--workdir DIR] [--json FILE] [--set FILE]
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[2]
RELEVANCE_SET = ROOT / "tests" / "data" / "relevance.toml"
SEEDS = ROOT / "raw"
DEVSET = ROOT / "tests" / "data" / "devset"
TOP = 10
# The search page marks its list once a query is answered (results or not), and its result
# links are the <a> of each result's heading, in the order shown (all groups).
DONE = "#search-results[data-search-done]"
RESULT_LINKS = "#search-results .search-result-title a, #search-partial .search-result-title a"


class RelevanceError(Exception):
    """The relevance set or the site cannot be used; the message says which and why."""


@dataclass
class Query:
    q: str
    kind: str
    relevant: list[str]
    note: str = ""


@dataclass
class Answer:
    q: str
    kind: str
    relevant: list[str]
    ranks: dict[str, int | None]     # relevant article → rank (1-based) in the results shown
    top: list[str]                   # the first results: article names
    recall: float
    reciprocal_rank: float
    left_out: list[str] = field(default_factory=list)   # relevant but not in the site


def load_set(path: Path = RELEVANCE_SET) -> list[Query]:
    """The queries of a relevance file, with seed names resolved to raw file stems."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise RelevanceError(f"{path}: {error}") from None
    seeds = data.get("seeds", {})
    queries = []
    for n, item in enumerate(data.get("query", []), start=1):
        missing = {"q", "kind", "relevant"} - set(item)
        if missing:
            raise RelevanceError(f"{path}: query {n} lacks {', '.join(sorted(missing))}")
        queries.append(Query(item["q"], item["kind"],
                             [seeds.get(name, name) for name in item["relevant"]],
                             item.get("note", "")))
    return queries


def make_site(workdir: Path, out=print) -> tuple[Path, dict[str, str], list[str]]:
    """Import the seeds and the devset into workdir/content and build workdir/output.
    Returns the output folder, slug → article name (raw file stem), and the problems that kept
    articles out of the site."""
    raw = workdir / "raw"
    content = workdir / "content"
    for folder in (raw, content, workdir / "output"):
        shutil.rmtree(folder, ignore_errors=True)
    raw.mkdir(parents=True)
    for source in sorted(SEEDS.glob("*.txt")) + sorted(DEVSET.glob("d*.txt")):
        shutil.copyfile(source, raw / source.name)
    articles = content / "articles"
    done = subprocess.run(
        [sys.executable, "-m", "plugins.importer", "import", f"--src={raw}", f"--dest={articles}"],
        cwd=ROOT, capture_output=True, text=True)
    problems = [line for line in (done.stdout + done.stderr).splitlines()
                if line.startswith("FAILED")]
    if done.returncode not in (0, 1) or not articles.is_dir():
        raise RelevanceError(f"import failed ({done.returncode}):\n{done.stderr[-2000:]}")
    shutil.copytree(ROOT / "content" / "pages", content / "pages")

    # An article the build would refuse is set aside, so one importer slip does not stop the
    # whole measurement; it is reported with the checker's own words.
    from plugins.article_meta.archive import check_content
    from plugins.importer.check import project_settings

    refused = check_content(project_settings(content, ROOT / "data"))
    set_aside = workdir / "refused"
    set_aside.mkdir(exist_ok=True)
    for line in refused:
        path = Path(line.split(":", 1)[0])
        if path.is_file() and path.parent == articles:
            shutil.move(str(path), set_aside / path.name)
        problems.append(f"REFUSED {line}")

    curation = workdir / "timeline.toml"
    curation.write_text("# the relevance site has no curation\n", encoding="utf-8")
    output = workdir / "output"
    started = time.perf_counter()
    build = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s",
         str(ROOT / "pelicanconf.py"), "--fatal", "errors", "--log-handler", "plain",
         "-e", f"CACHE_PATH={json.dumps(str(workdir / 'cache'))}",
         f"TIMELINE={json.dumps({'CURATION_FILE': str(curation)})}"],
        cwd=ROOT, capture_output=True, text=True)
    if build.returncode != 0:
        raise RelevanceError(f"the build failed:\n{(build.stdout + build.stderr)[-3000:]}")
    out(f"relevance: {len(list(articles.glob('*.md')))} articles built in "
        f"{time.perf_counter() - started:.1f} s into {output}")
    return output, article_names(articles), problems


def article_names(articles: Path) -> dict[str, str]:
    """slug → the article's raw file stem (the name the relevance set uses)."""
    names = {}
    for path in sorted(articles.glob("*.md")):
        head = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
        slug = re.search(r"^Slug:\s*(\S+)", head, re.M)
        raw = re.search(r"^Raw:\s*raw/(\S+)", head, re.M)
        if slug and raw:
            names[slug[1]] = Path(raw[1]).stem
    return names


def run_queries(output: Path, queries: list[Query], names: dict[str, str]) -> list[list[str]]:
    """The article names of the results the search page shows for each query, in order."""
    from playwright.sync_api import sync_playwright

    from bench.browser import launch, new_context
    from bench.serve import serve

    shown = []
    with serve(output) as base, sync_playwright() as p:
        browser = launch(p)
        try:
            context = new_context(browser)
            page = context.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            for query in queries:
                page.goto(f"{base}search/?q={quote(query.q)}")
                page.wait_for_selector(DONE, state="attached", timeout=30000)
                hrefs = page.locator(RESULT_LINKS).evaluate_all(
                    "links => links.map(a => a.getAttribute('href'))")
                shown.append([names.get(_slug(h), h) for h in hrefs])
            if errors:
                raise RelevanceError("errors in the search page: " + "; ".join(errors[:5]))
        finally:
            browser.close()
    return shown


def _slug(href: str) -> str:
    return href.rstrip("/").rsplit("/", 1)[-1]


def judge(queries: list[Query], shown: list[list[str]], present: set[str]) -> list[Answer]:
    answers = []
    for query, results in zip(queries, shown):
        relevant = [a for a in query.relevant if a in present]
        left_out = [a for a in query.relevant if a not in present]
        ranks = {a: (results.index(a) + 1 if a in results else None) for a in relevant}
        found = [r for r in ranks.values() if r is not None and r <= TOP]
        recall = len(found) / len(relevant) if relevant else 1.0
        first = min(found, default=None)
        answers.append(Answer(query.q, query.kind, relevant, ranks, results[:TOP], recall,
                              1 / first if first else 0.0, left_out))
    return answers


def summary(answers: list[Answer]) -> dict:
    judged = [a for a in answers if a.relevant]
    by_kind: dict[str, list[Answer]] = {}
    for a in judged:
        by_kind.setdefault(a.kind, []).append(a)

    def figures(group):
        return {"queries": len(group),
                "recall_at_10": sum(a.recall for a in group) / len(group),
                "mrr": sum(a.reciprocal_rank for a in group) / len(group)}
    return {"all": figures(judged), "by_kind": {k: figures(v) for k, v in sorted(by_kind.items())}}


def render(answers: list[Answer], problems: list[str]) -> str:
    figures = summary(answers)
    lines = [f"relevance: {figures['all']['queries']} queries, "
             f"recall@10 {figures['all']['recall_at_10']:.3f}, MRR {figures['all']['mrr']:.3f}",
             "", f"{'kind':<12} {'queries':>7} {'recall@10':>9} {'MRR':>6}"]
    for kind, f in figures["by_kind"].items():
        lines.append(f"{kind:<12} {f['queries']:>7} {f['recall_at_10']:>9.3f} {f['mrr']:>6.3f}")
    misses = [a for a in answers if a.relevant and (a.recall < 1 or a.reciprocal_rank < 1)]
    lines += ["", f"misses and late hits ({len(misses)}):"]
    for a in misses:
        where = ", ".join(f"{name} {'not found' if rank is None else f'at {rank}'}"
                          for name, rank in a.ranks.items() if rank is None or rank > 1)
        lines.append(f"  {a.q} [{a.kind}]: {where}; first shown: {', '.join(a.top[:3]) or '—'}")
    left_out = sorted({name for a in answers for name in a.left_out})
    if left_out:
        lines += ["", "judged relevant but not in the site (left out of the figures): "
                  + ", ".join(left_out)]
    if problems:
        lines += ["", "import and check problems:"] + [f"  {p}" for p in problems]
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m plugins.search.relevance",
                                 description=__doc__.splitlines()[0])
    ap.add_argument("--set", type=Path, default=RELEVANCE_SET, help="the relevance file")
    ap.add_argument("--workdir", type=Path, default=None,
                    help="keep the imported site here (default: a temp folder, removed)")
    ap.add_argument("--json", type=Path, default=None, help="also write every answer as JSON")
    a = ap.parse_args(argv)
    workdir = a.workdir or Path(tempfile.mkdtemp(prefix="archive-relevance-"))
    try:
        queries = load_set(a.set)
        output, names, problems = make_site(workdir)
        answers = judge(queries, run_queries(output, queries, names), set(names.values()))
    except RelevanceError as error:
        print(f"relevance: {error}", file=sys.stderr)
        return 1
    finally:
        if a.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    print(render(answers, problems))
    if a.json:
        a.json.write_text(json.dumps({"summary": summary(answers),
                                      "answers": [asdict(x) for x in answers]},
                                     ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
