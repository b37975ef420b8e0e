"""Figures for the timeline (not a test): extraction speed on the seed articles' text, and the
cost of the timeline step in a build of N articles made from them.

    .venv/bin/python -m tests.timeline.bench_timeline [--copies 200]

Prints sentences/s for extraction, the time of the timeline step (extract, curate, anchor)
per article on a first build and on a rebuild (extraction cached by plugins.buildcache), and
the size of timeline.json per entry.
"""
import argparse
import json
import re
import shutil
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _seed_texts():
    from plugins.article_meta.textview import HtmlText
    import markdown

    texts = []
    for path in sorted((ROOT / "content" / "articles").glob("*.md")):
        body = path.read_text(encoding="utf-8").split("\n\n", 1)[1]
        texts.append(HtmlText(markdown.markdown(body)).text)
    return texts


def bench_extraction(rounds: int) -> None:
    from plugins.article_meta.dates import PreciseDate
    from plugins.timeline.extract import extract
    from plugins.zhtext.sentences import split_sentences

    sentences = [s for text in _seed_texts() for s in split_sentences(text)]
    reference = PreciseDate.parse_iso("2022-09-15")
    started = time.perf_counter()
    found = 0
    for _ in range(rounds):
        found = sum(len(extract(s, reference)) for s in sentences)
    elapsed = time.perf_counter() - started
    chars = sum(len(s) for s in sentences) * rounds
    print(f"extraction: {len(sentences) * rounds} sentences ({chars / 1e6:.2f} M chars) in "
          f"{elapsed:.2f} s = {len(sentences) * rounds / elapsed:,.0f} sentences/s, "
          f"{chars / elapsed / 1e6:.2f} M chars/s; {found} entries per round")


def bench_build(copies: int) -> None:
    from tests.conftest import build_site

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        content = tmp / "content" / "articles"
        content.mkdir(parents=True)
        (tmp / "content" / "pages").mkdir()
        for path in sorted((ROOT / "content" / "articles").glob("*.md")):
            text = path.read_text(encoding="utf-8")
            for n in range(copies):
                slug = f"{path.stem}-{n}"
                # Each copy its own raw file: the validator refuses two articles from one.
                copy = re.sub(r"(?m)^Raw: .*$", f"Raw: raw/{slug}.txt", text)
                (content / f"{slug}.md").write_text(
                    copy.replace(f"Slug: {path.stem}", f"Slug: {slug}"), encoding="utf-8")
        import plugins.timeline.plugin as plugin

        spent = []
        original = plugin.build_timeline

        def timed(generator):
            started = time.perf_counter()
            original(generator)
            spent.append(time.perf_counter() - started)

        plugin.build_timeline = timed
        plugin.signals.article_generator_finalized.disconnect(original)
        plugin.signals.article_generator_finalized.connect(timed)
        try:
            started = time.perf_counter()
            output = build_site(tmp, content=tmp / "content")
            total = time.perf_counter() - started
            # A rebuild of unchanged content: extraction comes from plugins.buildcache.
            shutil.rmtree(output)
            build_site(tmp, content=tmp / "content")
        finally:
            plugin.signals.article_generator_finalized.disconnect(timed)
            plugin.build_timeline = original
        articles = copies * 5
        data = (output / "timeline.json").stat().st_size
        count = json.loads((output / "timeline.json").read_text(encoding="utf-8"))["count"]
        written = list((output / "timeline").rglob("index.html"))
        pages = len(written)
        largest = max(written, key=lambda p: p.stat().st_size)
        print(f"build of {articles} articles: {total:.1f} s in all, timeline step "
              f"{spent[0]:.2f} s ({spent[0] / articles * 1000:.1f} ms per article), "
              f"{spent[1]:.2f} s on a rebuild with the extraction cached; "
              f"{count} entries, {pages} timeline pages (largest {largest.stat().st_size / 1024:.0f} "
              f"KiB: {largest.relative_to(output)}), timeline.json {data / 1024:.0f} KiB "
              f"({data / max(count, 1):.0f} B per entry)")
        shutil.rmtree(output, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="extraction passes over the seeds")
    parser.add_argument("--copies", type=int, default=40, help="copies of each seed article")
    args = parser.parse_args()
    bench_extraction(args.rounds)
    bench_build(args.copies)


if __name__ == "__main__":
    main()
