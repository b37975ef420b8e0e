"""The one error an import can end with: the file, where, and why."""


class ImportFailure(Exception):
    """A raw file that cannot become an article. str() is the one line the report prints."""

    def __init__(self, path, reason: str, line: int = 0):
        self.path = str(path)
        self.reason = reason
        self.line = line
        super().__init__(f"{self.path}:{line}: {reason}" if line else f"{self.path}: {reason}")
