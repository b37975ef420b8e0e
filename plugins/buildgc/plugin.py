import gc

from pelican import signals

from .memory import map_large_blocks


def pause(generator) -> None:
    # Everything alive now (the articles, Markdown, the reference tables) moves to the
    # collector's permanent generation: collections no longer walk it, and the garbage pages
    # leave is still collected as it is made.
    gc.collect()
    gc.freeze()


def resume(pelican) -> None:
    # A build stopped by an error never sends `finalized`: the next build that finishes
    # resumes it.
    gc.unfreeze()


def register() -> None:
    map_large_blocks()
    signals.article_generator_finalized.connect(pause)
    signals.finalized.connect(resume)
