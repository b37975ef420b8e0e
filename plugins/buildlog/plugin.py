import logging

from pelican import signals

from . import progress

# What pelican.log.FatalLogger raises after logging an error when --fatal is on; pelican's
# main() then logs it as critical with its traceback.
FATAL_STOP = "Warning or error encountered"


class FatalStopWithoutTraceback(logging.Filter):
    """Keeps the stop as one line and drops its traceback; any other exception (a bug) keeps
    its traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], RuntimeError) \
                and str(record.exc_info[1]) == FATAL_STOP:
            record.msg, record.args = "build stopped by the error above; fix it and build again", ()
            record.exc_info = record.exc_text = None
        return True


_FILTER = FatalStopWithoutTraceback()


def quiet_fatal_stop(pelican) -> None:
    logger = logging.getLogger("pelican")
    if _FILTER not in logger.filters:
        logger.addFilter(_FILTER)


def register() -> None:
    signals.initialized.connect(quiet_fatal_stop)
    signals.article_generator_init.connect(progress.reading)
    signals.content_object_init.connect(progress.read_one)
    signals.all_generators_finalized.connect(progress.writing)
    signals.content_written.connect(progress.wrote_one)
    signals.finalized.connect(progress.done)
