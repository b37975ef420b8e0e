"""Build log for editors: when an error stops the build (`--fatal errors`), the error already
says `path:line: problem`; Pelican's traceback of the stop itself is left out. A long build
shows its progress (progress.py)."""
from .plugin import register

__all__ = ["register"]
