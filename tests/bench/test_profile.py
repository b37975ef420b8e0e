"""bench.profile charges py-spy's collapsed stacks to build phases and to plugins/libraries."""
from bench.profile import render, summarise

STACKS = """\
<module> (pelican/__main__.py:8);Pelican.run (pelican/__init__.py:143);ArticlesGenerator.generate_context (pelican/generators.py:700);MarkdownReader.read (pelican/readers.py:300);convert (markdown/core.py:10) 30
<module> (pelican/__main__.py:8);Pelican.run (pelican/__init__.py:143);SearchGenerator.generate_output (plugins/search/generator.py:60);tokens (plugins/zhtext/segment.py:5) 50
<module> (pelican/__main__.py:8);Pelican.run (pelican/__init__.py:143);ArticlesGenerator.generate_output (pelican/generators.py:800);render (jinja2/environment.py:1) 20
"""


def test_samples_are_charged_to_phase_and_library(tmp_path):
    raw = tmp_path / "profile.txt"
    raw.write_text(STACKS, encoding="utf-8")
    summary = summarise(raw)
    assert summary["samples"] == 100
    assert summary["phases"] == {"other generators' output": 50,
                                 "read articles (readers, metadata)": 30,
                                 "write articles and pages": 20}
    assert summary["libraries"] == {"plugins.search": 50, "plugins.zhtext": 50,
                                    "markdown": 30, "jinja2 templates": 20}
    text = render(summary, 0.02)
    assert "100 samples (~2.0s of the build)" in text and " 50.0%  plugins.search" in text
