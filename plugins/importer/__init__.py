"""The importer: raw documents (text or saved web pages; UTF-8, GB18030/GBK or Big5; Simplified
or Traditional) → clean Markdown articles with front matter in content/articles/.

    .venv/bin/invoke import --src raw --dest content/articles [--force]
    .venv/bin/python -m plugins.importer import --src raw --dest content/articles
    .venv/bin/python -m plugins.importer check
    .venv/bin/python -m plugins.importer eval --truth tests/data/devset

Exit status of import: 0 all imported, 1 some file failed (the others are still imported),
2 an article an editor changed was kept (re-run with --force to replace it).

Modules: decode (bytes → text), html (pages → paragraphs), patterns (boilerplate data),
steps (the cleaning pipeline), dates, metadata (title/date/kind/places/topics/tags),
article (front matter, digest, atomic writes), importer (files and the report), check
(`invoke check`), evaluate (`invoke eval`: accuracy against a labelled folder), bench
(`python -m plugins.importer.bench`: import speed figures).
"""
