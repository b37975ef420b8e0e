import gc

from pelican import signals


def pause(pelican) -> None:
    gc.disable()


def resume(pelican) -> None:
    # A build that failed never sends `finalized`: the next build that finishes resumes it.
    gc.enable()


def register() -> None:
    signals.initialized.connect(pause)
    signals.finalized.connect(resume)
