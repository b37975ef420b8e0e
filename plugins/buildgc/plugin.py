import gc

from pelican import signals


def pause(generator) -> None:
    gc.disable()


def resume(pelican) -> None:
    # A build stopped by an error never sends `finalized`: the next build that finishes
    # resumes it.
    gc.enable()


def register() -> None:
    signals.article_generator_finalized.connect(pause)
    signals.finalized.connect(resume)
